import { fill } from "@/lib/i18n/fill";
import { formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";

/**
 * The Art. 19 recipients of a case's data, for the requester and for the DPO team; with `told`,
 * when each one was told of the change (the last time).
 */
export function RecipientsList({
  locale,
  recipients,
  told,
}: {
  locale: Locale;
  recipients: string[];
  told?: Map<string, Date>;
}) {
  if (recipients.length === 0) return null;
  const t = messages(locale).cases;
  return (
    <section aria-labelledby="recipients-title">
      <h2 id="recipients-title">{t.recipientsTitle}</h2>
      <p>{t.recipientsIntro}</p>
      <ul>
        {recipients.map((name) => {
          const at = told?.get(name);
          return <li key={name}>{at ? fill(t.recipientTold, { name, date: formatInstant(at, locale) }) : name}</li>;
        })}
      </ul>
    </section>
  );
}
