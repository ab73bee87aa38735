import type { ReactNode } from "react";
import { actorRole, can, type Permission } from "@/lib/auth/permissions";
import { SpaceHeader } from "@/components/space-header";
import { currentMember } from "@/lib/actors/current-member";
import { fill } from "@/lib/i18n/fill";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";

/** The health actors' space: its own header; each page checks the member and scopes every read. */
export default async function ActorLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const locale = await pageLocale(params);
  const p = messages(locale).pro;
  const viewer = await currentMember();
  const mayManage = (permission: Permission) =>
    viewer?.memberships.some((m) => can(actorRole(m.role), permission)) ?? false;
  const links = [
    { href: `/${locale}/pro`, label: p.inbox },
    ...(mayManage("actor.members.manage") ? [{ href: `/${locale}/pro/membres`, label: p.members }] : []),
    ...(mayManage("actor.integration.manage") ? [{ href: `/${locale}/pro/integration`, label: p.integration }] : []),
  ];
  return (
    <SpaceHeader
      locale={locale}
      title={p.title}
      home={`/${locale}/pro`}
      links={links}
      signedIn={viewer ? fill(p.signedInAs, { email: viewer.email }) : null}
      signOut={{ action: "/api/portal/sign-out", label: p.signOut }}
    >
      {children}
    </SpaceHeader>
  );
}
