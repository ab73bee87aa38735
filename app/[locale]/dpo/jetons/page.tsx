import type { Metadata } from "next";
import { AccessDenied } from "@/components/access-denied";
import { ActionForm } from "@/components/action-form";
import { CreateTokenForm } from "@/components/token-created";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { formatInstant } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { requireStaff } from "@/lib/staff/current-staff";
import { revokeTokenAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).backoffice.tokensTitle };
}

/** API tokens (admins only), and the recent staff sign-ins. */
export default async function TokensPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const viewer = await requireStaff(locale);
  const b = messages(locale).backoffice;
  if (!can(viewer.role, "api_tokens.manage")) return <AccessDenied text={b.denied} />;
  const [tokens, staff, signIns] = await Promise.all([
    db().apiToken.findMany({
      select: {
        id: true,
        name: true,
        lastUsedAt: true,
        revokedAt: true,
        createdAt: true,
        staffUser: { select: { name: true } },
      },
      orderBy: { createdAt: "desc" },
      take: 200,
    }),
    db().staffUser.findMany({
      where: { disabledAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    can(viewer.role, "sign_ins.read") ? db().staffSignIn.findMany({ orderBy: { id: "desc" }, take: 50 }) : [],
  ]);
  return (
    <main>
      <h1>{b.tokensTitle}</h1>
      <CreateTokenForm
        locale={locale}
        staff={staff}
        t={{
          tokenName: b.tokenName,
          createToken: b.createToken,
          tokenCreated: b.tokenCreated,
          assignee: b.assignee,
          scope: b.tokenScope,
          scopes: b.tokenScopes,
        }}
      />
      <div className="table-wrap" style={{ marginTop: 16 }}>
        <table>
          <thead>
            <tr>
              <th scope="col">{b.tokenName}</th>
              <th scope="col">{b.assignee}</th>
              <th scope="col">{b.lastUsed}</th>
              <th scope="col">{b.status}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.staffUser.name}</td>
                <td>{token.lastUsedAt ? formatInstant(token.lastUsedAt, locale) : b.never}</td>
                <td>
                  {token.revokedAt ? (
                    b.revoked
                  ) : (
                    <ActionForm
                      id={`revoke-${token.id}`}
                      action={revokeTokenAction.bind(null, locale, token.id)}
                      submitLabel={b.revoke}
                    >
                      {null}
                    </ActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{b.signIns}</h2>
      <ul>
        {signIns.map((s) => (
          <li key={String(s.id)}>
            {formatInstant(s.createdAt, locale)} · {s.email} · {s.outcome} · {s.ip}
          </li>
        ))}
      </ul>
    </main>
  );
}
