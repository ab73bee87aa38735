import type { Metadata } from "next";
import { RequestForm, type FormActivity } from "@/components/request-form/request-form";
import { signedInEmail } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fromDateColumn } from "@/lib/deadlines";
import { pageLocale } from "@/lib/i18n/page-locale";
import { messages } from "@/lib/i18n/messages";
import { currentRegistry } from "@/lib/registry";
import { rightChoices, RIGHTS, type RightKey } from "@/lib/rights";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).form.title };
}

export default async function RequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ droit?: string; traitement?: string }>;
}) {
  const locale = await pageLocale(params);
  const { droit, traitement } = await searchParams;
  const t = messages(locale);
  const registry = currentRegistry();
  const activities: FormActivity[] = registry.activities.map((a) => ({
    key: a.key,
    purpose: a.purpose[locale],
    controller: a.controller,
    consentBased: a.controller === "platform" && a.legalBases.includes("consent"),
  }));
  const email = await signedInEmail();
  const patient = email
    ? await db().patient.findUnique({ where: { email }, select: { firstName: true, lastName: true, birthDate: true } })
    : null;
  const account = email
    ? {
        email,
        firstName: patient?.firstName,
        lastName: patient?.lastName,
        birthDate: patient ? fromDateColumn(patient.birthDate) : undefined,
      }
    : null;
  return (
    <main>
      <h1>{t.form.title}</h1>
      <RequestForm
        locale={locale}
        t={{ form: t.form }}
        rights={rightChoices(locale)}
        activities={activities}
        account={account}
        initialRight={(RIGHTS as readonly string[]).includes(droit ?? "") ? (droit as RightKey) : undefined}
        initialActivity={registry.activities.some((a) => a.key === traitement) ? traitement : undefined}
      />
    </main>
  );
}
