import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/access-denied";
import { ActionForm } from "@/components/action-form";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { formatInstant } from "@/lib/i18n/format";
import { listRecipientContacts, recipientContactChanges } from "@/lib/recipients/contacts";
import { requireStaff } from "@/lib/staff/current-staff";
import { saveContactAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).backoffice.contacts.title };
}

type Search = Record<string, string | string[] | undefined>;

/** The recipients of the registry and how each is told of a change (GDPR Art. 19): admins only. */
export default async function RecipientContactsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
}) {
  const locale = await pageLocale(params);
  const viewer = await requireStaff(locale);
  const b = messages(locale).backoffice;
  const c = b.contacts;
  if (!can(viewer.role, "recipients.manage")) return <AccessDenied text={b.denied} />;
  const [contacts, changes] = await Promise.all([
    listRecipientContacts(db(), viewer),
    recipientContactChanges(db(), viewer),
  ]);
  const wanted = (await searchParams).destinataire;
  const editing = contacts.find((x) => x.name === wanted);
  const here = `/${locale}/dpo/destinataires`;

  return (
    <main>
      <h1>{c.title}</h1>
      <p>{c.intro}</p>
      {editing ? (
        <section aria-labelledby="edit-title" className="card">
          <h2 id="edit-title">{fill(c.editTitle, { name: editing.name })}</h2>
          <ActionForm id="contact" action={saveContactAction.bind(null, locale, editing.name)} submitLabel={c.save}>
            <p className="hint" id="contact-hint">
              {c.editHint}
            </p>
            <label htmlFor="email">{c.email}</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="off"
              defaultValue={editing.email ?? ""}
              aria-describedby="contact-hint"
            />
            <label htmlFor="opendsrUrl">{c.opendsrUrl}</label>
            <input
              id="opendsrUrl"
              name="opendsrUrl"
              type="url"
              autoComplete="off"
              defaultValue={editing.opendsrUrl ?? ""}
              aria-describedby="contact-hint"
            />
          </ActionForm>
          <p>
            <Link href={here}>{c.back}</Link>
          </p>
        </section>
      ) : null}
      <div className="table-wrap" style={{ marginTop: 16 }}>
        <table>
          <caption>{c.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.recipient}</th>
              <th scope="col">{c.email}</th>
              <th scope="col">{c.opendsr}</th>
              <th scope="col">{c.certificate}</th>
              <th scope="col">
                <span className="visually-hidden">{c.edit}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((x) => (
              <tr key={x.name}>
                <th scope="row">{x.name}</th>
                <td>{x.email ?? c.none}</td>
                <td>{x.opendsrUrl ?? c.none}</td>
                <td>{x.opendsrUrl ? (x.hasCertificate ? c.certificateStored : c.certificateNone) : "—"}</td>
                <td>
                  <Link
                    href={`${here}?destinataire=${encodeURIComponent(x.name)}#edit-title`}
                    aria-label={fill(c.editLabel, { name: x.name })}
                  >
                    {c.edit}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {changes.length > 0 ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{c.history}</h2>
          <div className="table-wrap">
            <table>
              <caption>{c.historyCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.when}</th>
                  <th scope="col">{c.recipient}</th>
                  <th scope="col">{c.email}</th>
                  <th scope="col">{c.opendsr}</th>
                  <th scope="col">{c.who}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((x) => (
                  <tr key={String(x.id)}>
                    <td>{formatInstant(x.createdAt, locale)}</td>
                    <th scope="row">{x.name}</th>
                    {x.email || x.opendsrUrl ? (
                      <>
                        <td>{x.email ?? c.none}</td>
                        <td>{x.opendsrUrl ?? c.none}</td>
                      </>
                    ) : (
                      <td colSpan={2}>{c.removed}</td>
                    )}
                    <td>
                      {x.staff.name} ({x.staff.email})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </main>
  );
}
