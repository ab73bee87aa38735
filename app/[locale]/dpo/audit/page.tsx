import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/access-denied";
import { verifyTrails } from "@/lib/case-file/verify-trails";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { requireStaff } from "@/lib/staff/current-staff";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).backoffice.audit };
}

/** Admins verify every case's audit chain; a broken link is pointed at. */
export default async function AuditPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const viewer = await requireStaff(locale);
  const b = messages(locale).backoffice;
  if (!can(viewer.role, "audit.verify")) return <AccessDenied text={b.denied} />;
  const report = await verifyTrails(db());
  return (
    <main className="narrow">
      <h1>{b.audit}</h1>
      <p>{b.auditIntro}</p>
      {report.broken.length === 0 ? (
        <p className="notice ok" role="status">
          {fill(b.auditOk, { cases: report.cases, events: report.events })}
        </p>
      ) : (
        <ul className="notice warn" role="alert">
          {report.broken.map((x) => (
            <li key={x.reference}>
              <Link href={`/${locale}/dpo/demandes/${x.reference}`}>{fill(b.auditBroken, x)}</Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
