import type { ReactNode } from "react";
import { SpaceHeader } from "@/components/space-header";
import { can } from "@/lib/auth/permissions";
import { fill } from "@/lib/i18n/fill";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { currentStaff } from "@/lib/staff/current-staff";

/** The DPO back office: its own header; each page checks the viewer and the permission matrix. */
export default async function BackOfficeLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const locale = await pageLocale(params);
  const b = messages(locale).backoffice;
  const viewer = await currentStaff();
  const links = [
    { href: `/${locale}/dpo`, label: b.queue },
    { href: `/${locale}/dpo/enregistrer`, label: b.registerRequest },
    { href: `/${locale}/dpo/tableau-de-bord`, label: b.dashboard },
    ...(viewer && can(viewer.role, "api_tokens.manage") ? [{ href: `/${locale}/dpo/jetons`, label: b.tokens }] : []),
    ...(viewer && can(viewer.role, "audit.verify") ? [{ href: `/${locale}/dpo/audit`, label: b.audit }] : []),
    ...(viewer && can(viewer.role, "recipients.manage")
      ? [{ href: `/${locale}/dpo/destinataires`, label: b.recipientContacts }]
      : []),
  ];
  return (
    <SpaceHeader
      locale={locale}
      title={b.title}
      home={`/${locale}/dpo`}
      links={links}
      signedIn={viewer ? fill(b.signedInAs, { name: viewer.name, role: b.roles[viewer.role] }) : null}
      signOut={{ action: "/api/staff/sign-out", label: b.signOut }}
    >
      {children}
    </SpaceHeader>
  );
}
