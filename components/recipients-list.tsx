import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";

/** The Art. 19 recipients of a case's data, for the requester and for the DPO team. */
export function RecipientsList({ locale, recipients }: { locale: Locale; recipients: string[] }) {
  if (recipients.length === 0) return null;
  const t = messages(locale).cases;
  return (
    <section aria-labelledby="recipients-title">
      <h2 id="recipients-title">{t.recipientsTitle}</h2>
      <p>{t.recipientsIntro}</p>
      <ul>
        {recipients.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </section>
  );
}
