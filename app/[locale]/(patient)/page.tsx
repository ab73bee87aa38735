import { RIGHT_DEFINITIONS } from "@/lib/rights";
import Link from "next/link";
import { pageLocale } from "@/lib/i18n/page-locale";
import { messages } from "@/lib/i18n/messages";
import { RIGHTS } from "@/lib/rights/rights";

export default async function LandingPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = messages(locale);
  return (
    <main>
      <h1>{t.landing.title}</h1>
      <p className="lead">{t.landing.intro}</p>
      <div className="actions">
        <Link className="button" href={`/${locale}/demande`}>
          {t.landing.start}
        </Link>
        <Link className="button secondary" href={`/${locale}/mes-demandes`}>
          {t.landing.myCases}
        </Link>
      </div>

      <h2>{t.landing.rightsTitle}</h2>
      <ul className="grid">
        {RIGHTS.map((right) => (
          <li key={right} className="card">
            <h3>
              <Link href={`/${locale}/demande?droit=${right}`}>{RIGHT_DEFINITIONS[right].title[locale]}</Link>
            </h3>
            <p>{RIGHT_DEFINITIONS[right].summary[locale]}</p>
          </li>
        ))}
      </ul>

      <h2>{t.landing.whoTitle}</h2>
      <div className="card">
        <p>{t.landing.whoPlatform}</p>
        <p>{t.landing.whoActor}</p>
        <p>
          <Link href={`/${locale}/registre`}>{t.landing.whoLink}</Link>
        </p>
      </div>

      <h2>{t.landing.howTitle}</h2>
      <ol>
        {t.landing.how.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
    </main>
  );
}
