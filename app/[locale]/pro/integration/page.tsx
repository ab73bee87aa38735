import type { Metadata } from "next";
import { AccessDenied } from "@/components/access-denied";
import { ActionForm } from "@/components/action-form";
import { SecretForm } from "@/components/secret-form";
import { listActorKeys } from "@/lib/actors/api-keys";
import { requireActorAdmin } from "@/lib/actors/current-member";
import { webhookLog } from "@/lib/actors/webhooks";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { formatInstant } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { createKeyAction, removeWebhookAction, revokeKeyAction, setWebhookAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).pro.integration };
}

/** For an actor's admins: the API keys of their software, the callback URL and its delivery log. */
export default async function IntegrationPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const t = messages(locale);
  const p = t.pro;
  const { viewer, administered } = await requireActorAdmin(locale, "actor.integration.manage");
  if (administered.length === 0) return <AccessDenied text={t.backoffice.denied} />;
  const data = await Promise.all(
    administered.map(async (m) => ({
      keys: await listActorKeys(db(), viewer.memberships, m.healthActorId),
      webhook: await webhookLog(db(), viewer.memberships, m.healthActorId),
    })),
  );
  return (
    <main>
      <h1>{p.integration}</h1>
      <p>{p.integrationIntro}</p>
      {administered.map((actor, i) => {
        const { keys, webhook } = data[i]!;
        const id = actor.healthActorId;
        return (
          <section key={id} aria-labelledby={`integration-${i}`}>
            <h2 id={`integration-${i}`}>{fill(p.integrationTitle, { actor: actor.actorName })}</h2>
            <div className="grid">
              <div className="card">
                <h3>{p.keys}</h3>
                <ul>
                  {keys.map((k) => (
                    <li key={k.id}>
                      {k.name} · {formatInstant(k.createdAt, locale)} · {p.keyLastUsed} :{" "}
                      {k.lastUsedAt ? formatInstant(k.lastUsedAt, locale) : p.never}
                      <ActionForm
                        id={`revoke-${k.id}`}
                        action={revokeKeyAction.bind(null, locale, id)}
                        submitLabel={fill(p.keyRevoke, { name: k.name })}
                      >
                        <input type="hidden" name="keyId" value={k.id} />
                      </ActionForm>
                    </li>
                  ))}
                </ul>
                <SecretForm
                  id={`key-${i}`}
                  action={createKeyAction.bind(null, locale, id)}
                  field={{ name: "name", label: p.keyName, type: "text" }}
                  submitLabel={p.keyCreate}
                  createdLabel={p.keyCreated}
                />
              </div>
              <div className="card">
                <h3>{p.webhook}</h3>
                {webhook ? (
                  <>
                    <p>{fill(p.webhookCurrent, { url: webhook.url })}</p>
                    <ActionForm
                      id={`webhook-remove-${i}`}
                      action={removeWebhookAction.bind(null, locale, id)}
                      submitLabel={p.webhookRemove}
                    >
                      {null}
                    </ActionForm>
                  </>
                ) : null}
                <SecretForm
                  id={`webhook-${i}`}
                  action={setWebhookAction.bind(null, locale, id)}
                  field={{ name: "url", label: p.webhookUrl, type: "url" }}
                  submitLabel={p.webhookSet}
                  createdLabel={p.webhookSecret}
                />
              </div>
            </div>
            {webhook && webhook.deliveries.length > 0 ? (
              <div className="table-wrap">
                <table>
                  <caption>{p.deliveries}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{p.colReceived}</th>
                      <th scope="col">{p.deliveryEvent}</th>
                      <th scope="col">{p.deliveryStatus}</th>
                      <th scope="col">{p.deliveryAttempts}</th>
                      <th scope="col">{p.deliveryCode}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {webhook.deliveries.map((d) => (
                      <tr key={d.id}>
                        <td>{formatInstant(d.createdAt, locale)}</td>
                        <td>{d.event}</td>
                        <td>{p.deliveryStatuses[d.status]}</td>
                        <td>{d.attempts}</td>
                        <td>{d.lastStatusCode ?? d.lastError ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
        );
      })}
    </main>
  );
}
