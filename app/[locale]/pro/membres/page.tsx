import type { Metadata } from "next";
import { AccessDenied } from "@/components/access-denied";
import { ActionForm } from "@/components/action-form";
import { requireActorAdmin } from "@/lib/actors/current-member";
import { listMembers } from "@/lib/actors/members";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { formatInstant } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { membersAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).pro.members };
}

/** The members of each actor the viewer administers: who they are, the invitation form, removal. */
export default async function MembersPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = messages(locale);
  const p = t.pro;
  const { viewer, administered } = await requireActorAdmin(locale, "actor.members.manage");
  if (administered.length === 0) return <AccessDenied text={t.backoffice.denied} />;
  const lists = await Promise.all(administered.map((m) => listMembers(db(), viewer.memberships, m.healthActorId)));
  return (
    <main>
      <h1>{p.members}</h1>
      <p>{p.membersIntro}</p>
      {administered.map((actor, i) => (
        <section key={actor.healthActorId} aria-labelledby={`members-${i}`}>
          <h2 id={`members-${i}`}>{fill(p.membersTitle, { actor: actor.actorName })}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{p.memberName}</th>
                  <th scope="col">{p.memberEmail}</th>
                  <th scope="col">{p.memberRole}</th>
                  <th scope="col">{p.memberJoined}</th>
                  <th scope="col">
                    <span className="visually-hidden">{p.remove.replace(" {name}", "")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lists[i]!.map((m) => (
                  <tr key={m.id}>
                    <td>{m.name}</td>
                    <td>{m.email}</td>
                    <td>{p.roles[m.role]}</td>
                    <td>{m.joinedAt ? formatInstant(m.joinedAt, locale) : p.memberPending}</td>
                    <td>
                      {m.id === actor.memberId ? null : (
                        <ActionForm
                          id={`remove-${m.id}`}
                          action={membersAction.bind(null, locale, actor.healthActorId, "remove")}
                          submitLabel={fill(p.remove, { name: m.name })}
                        >
                          <input type="hidden" name="memberId" value={m.id} />
                        </ActionForm>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="card">
            <h3>{p.inviteTitle}</h3>
            <ActionForm
              id={`invite-${i}`}
              action={membersAction.bind(null, locale, actor.healthActorId, "invite")}
              submitLabel={p.invite}
            >
              <label htmlFor={`invite-name-${i}`}>{p.memberName}</label>
              <input id={`invite-name-${i}`} name="name" autoComplete="off" />
              <label htmlFor={`invite-email-${i}`}>{p.memberEmail}</label>
              <input id={`invite-email-${i}`} name="email" type="email" autoComplete="off" />
              <label htmlFor={`invite-role-${i}`}>{p.memberRole}</label>
              <select id={`invite-role-${i}`} name="role" defaultValue="member">
                <option value="member">{p.roles.member}</option>
                <option value="admin">{p.roles.admin}</option>
              </select>
            </ActionForm>
          </div>
        </section>
      ))}
    </main>
  );
}
