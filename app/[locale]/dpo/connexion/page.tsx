import type { Metadata } from "next";
import { cookies } from "next/headers";
import { StaffSignIn } from "@/components/staff-sign-in";
import { verifyToken } from "@/lib/auth/signed-token";
import { env } from "@/lib/env";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { STAFF_PENDING_COOKIE } from "@/lib/staff/current-staff";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).backoffice.signInTitle };
}

export default async function StaffSignInPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = messages(locale);
  const pending = verifyToken((await cookies()).get(STAFF_PENDING_COOKIE)?.value, "staff-pending", env().AUTH_SECRET);
  const b = t.backoffice;
  return (
    <main className="narrow">
      <h1>{b.signInTitle}</h1>
      <StaffSignIn
        locale={locale}
        startAtCode={pending !== null}
        t={{
          email: t.form.email,
          password: b.password,
          next: b.next,
          codeTitle: b.codeTitle,
          codeLabel: b.codeLabel,
          codeHint: b.codeHint,
          signIn: b.signIn,
        }}
      />
    </main>
  );
}
