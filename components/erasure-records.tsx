import { type ErasureSummary, erasureCertificate } from "@/lib/rights/erasure/erasure-plan";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import type { Registry } from "@/lib/registry/types";

/** The erasures applied on a case, as their certificates state them (for the DPO team). */
export function ErasureRecords({
  locale,
  records,
  registry,
}: {
  locale: Locale;
  records: { id: string; summary: unknown }[];
  registry: Registry;
}) {
  if (records.length === 0) return null;
  const t = messages(locale).cases;
  return (
    <>
      {records.map((record) => {
        const certificate = erasureCertificate(record.summary as ErasureSummary, registry, locale);
        return (
          <section key={record.id} aria-labelledby={`erasure-${record.id}`}>
            <h2 id={`erasure-${record.id}`}>
              {certificate.title} · {certificate.erasedAt}
            </h2>
            <h3>{t.erasureGrounds}</h3>
            <ul>
              {certificate.grounds.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <h3>{t.erasureErased}</h3>
            <ul>
              {certificate.erased.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <h3>{t.erasureKept}</h3>
            <ul>
              {certificate.kept.map((item) => (
                <li key={item.what}>
                  {item.what} {item.why}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
