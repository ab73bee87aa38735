import { RIGHT_DEFINITIONS } from "@/lib/rights";
import type { Metadata } from "next";
import Link from "next/link";
import { pageLocale } from "@/lib/i18n/page-locale";
import { messages } from "@/lib/i18n/messages";
import { currentRegistry } from "@/lib/registry";
import type { Activity } from "@/lib/registry/types";
import { rightApplicability } from "@/lib/rights/applicability";
import { LEGAL_BASIS_LABELS, RIGHTS } from "@/lib/rights/rights";
import type { Locale } from "@/lib/i18n/locale";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).registry.title };
}

export default async function RegistryPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = messages(locale);
  const registry = currentRegistry();
  const platform = registry.activities.filter((a) => a.controller === "platform");
  const actors = registry.activities.filter((a) => a.controller === "health_actor");
  return (
    <main>
      <h1>{t.registry.title}</h1>
      <p className="lead">{t.registry.intro}</p>
      <p>
        {t.registry.version} : <strong>{registry.version}</strong>
      </p>
      <section aria-labelledby="platform-title">
        <h2 id="platform-title">{t.registry.platformTitle}</h2>
        <p>{t.registry.platformText}</p>
        {platform.map((a) => (
          <ActivityCard key={a.key} activity={a} locale={locale} />
        ))}
      </section>
      <section aria-labelledby="actor-title">
        <h2 id="actor-title">{t.registry.actorTitle}</h2>
        <p>{t.registry.actorText}</p>
        {actors.map((a) => (
          <ActivityCard key={a.key} activity={a} locale={locale} />
        ))}
      </section>
    </main>
  );
}

function ActivityCard({ activity, locale }: { activity: Activity; locale: Locale }) {
  const t = messages(locale);
  const results = RIGHTS.map((right) => ({ right, result: rightApplicability(right, activity) }));
  const excluded = results.filter((r) => !r.result.applicable);
  return (
    <article className="card" style={{ marginBottom: 12 }} id={activity.key}>
      <h3>{activity.purpose[locale]}</h3>
      <dl className="summary">
        <dt>{t.registry.data}</dt>
        <dd>{activity.dataCategories.map((c) => c[locale]).join(" · ")}</dd>
        {activity.controller === "platform" ? (
          <>
            <dt>{t.registry.legalBasis}</dt>
            <dd>{activity.legalBases.map((b) => LEGAL_BASIS_LABELS[b][locale]).join(", ")}</dd>
            <dt>{t.registry.retention}</dt>
            <dd>{activity.retention[locale]}</dd>
          </>
        ) : null}
        {activity.recipients.length > 0 ? (
          <>
            <dt>{t.registry.recipients}</dt>
            <dd>{activity.recipients.join(", ")}</dd>
          </>
        ) : null}
        <dt>{t.registry.rights}</dt>
        <dd>
          {activity.controller === "health_actor"
            ? t.registry.actorDecides
            : results
                .filter((r) => r.result.applicable)
                .map((r) => RIGHT_DEFINITIONS[r.right].title[locale])
                .join(", ")}
        </dd>
        {excluded.length > 0 ? (
          <>
            <dt>{t.registry.notApplicable}</dt>
            <dd>
              <ul>
                {excluded.map(({ right, result }) => (
                  <li key={right}>
                    <strong>{RIGHT_DEFINITIONS[right].title[locale]}</strong> :{" "}
                    {result.applicable ? null : result.reason[locale]}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {activity.medicalRecord ? <p className="notice">{t.registry.medicalRecord}</p> : null}
      <p>
        <Link href={`/${locale}/demande?traitement=${activity.key}`}>{t.registry.howTo}</Link>
      </p>
    </article>
  );
}
