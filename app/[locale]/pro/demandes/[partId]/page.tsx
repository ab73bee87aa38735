import { readPayload } from "@/lib/case-file/event-types";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { ActionForm } from "@/components/action-form";
import { ActorAnswerForm } from "@/components/actor-answer-form";
import { requireMember } from "@/lib/actors/current-member";
import { identityCheckSummary } from "@/lib/actors/identity-summary";
import { loadActorPart } from "@/lib/actors/inbox";
import type { InstructionReport } from "@/lib/actors/part-actions";
import { db } from "@/lib/db";
import { daysLeft, fromDateColumn } from "@/lib/deadlines";
import { fill } from "@/lib/i18n/fill";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import { type Messages, messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { registryOf } from "@/lib/registry/registry-of";
import { storedDetails } from "@/lib/requests/submit-request.schema";
import { actorDetailLines, RIGHT_LABELS } from "@/lib/rights";
import { isUuid } from "@/lib/validation/ids";
import { actorPartAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).pro.inbox };
}

function instructionSummary(report: InstructionReport, p: Messages["pro"]): string {
  if (report.kind === "rectify_identity") {
    return fill(p.reportRectified, {
      changes: Object.entries(report.changes)
        .map(([field, c]) => `${field} ${c.before} → ${c.after}`)
        .join(", "),
    });
  }
  return fill(report.kind === "erase_appointments" ? p.reportErased : p.reportRestricted, {
    count: report.appointments,
  });
}

export default async function ActorPartPage({ params }: { params: Promise<{ locale: string; partId: string }> }) {
  const locale = await pageLocale(params);
  const { partId } = await params;
  const t = messages(locale);
  const p = t.pro;
  const viewer = await requireMember(locale);
  const part = isUuid(partId)
    ? await loadActorPart(
        db(),
        viewer.memberships.map((m) => m.healthActorId),
        partId,
      )
    : null;
  if (!part) notFound();
  const r = part.request;
  const due = fromDateColumn(part.dueDate);
  const left = daysLeft(due, new Date());
  // The registry the case was filed under: the purposes as the patient was shown them.
  const registry = await registryOf(db(), r.registryVersion);
  const activities = part.activities.map(
    (key) => registry.activities.find((a) => a.key === key)?.purpose[locale] ?? key,
  );
  const details = storedDetails(r.details);
  const message = details.message;
  const open = part.status === "forwarded";
  return (
    <main>
      <h1>{fill(p.partTitle, { reference: r.reference })}</h1>
      <p>
        <strong>{RIGHT_LABELS[r.right][locale]}</strong> · {part.healthActor?.name} ·{" "}
        {p.statuses[part.status as keyof typeof p.statuses] ?? part.status}
        {open && left < 0 ? (
          <>
            {" "}
            <span className="tag">{fill(p.overdue, { days: -left })}</span>
          </>
        ) : null}
      </p>
      <dl className="summary">
        <dt>{p.receivedOn}</dt>
        <dd>{formatInstant(r.receivedAt, locale)}</dd>
        <dt>{p.due}</dt>
        <dd>
          {formatDay(due, locale)} — {p.rule[part.deadlineRule]}
        </dd>
        {part.olderInformationDueDate ? (
          <>
            <dt>{p.olderDue}</dt>
            <dd>{formatDay(part.olderInformationDueDate, locale)}</dd>
          </>
        ) : null}
        {part.earliestAnswerAt ? (
          <>
            <dt>{p.earliest}</dt>
            <dd>{formatInstant(part.earliestAnswerAt, locale)}</dd>
          </>
        ) : null}
        <dt>{p.subject}</dt>
        <dd>
          {r.subjectFirstName} {r.subjectLastName}, {fill(p.bornOn, { date: formatDay(r.subjectBirthDate, locale) })}
        </dd>
        <dt>{p.requester}</dt>
        <dd>
          {r.requesterFirstName} {r.requesterLastName}
        </dd>
        <dt>{p.identity}</dt>
        <dd>
          {identityCheckSummary(
            r.subjectRelation,
            r.identityStatus,
            r.proofs.map((f) => f.kind),
            locale,
          )}
        </dd>
        <dt>{p.scope}</dt>
        <dd>{activities.length > 0 ? activities.join(" ; ") : p.scopeAll}</dd>
        {actorDetailLines(r.right, details, locale).map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the request's details in their order, a list that never changes
          <Fragment key={i}>
            <dt>{line.label}</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{line.value}</dd>
          </Fragment>
        ))}
        {message ? (
          <>
            <dt>{p.message}</dt>
            <dd style={{ whiteSpace: "pre-wrap" }}>{message}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="package-title">
        <h2 id="package-title">{p.packageTitle}</h2>
        <p>{p.packageIntro}</p>
        <ul>
          <li>
            <a href={`/${locale}/pro/demandes/${part.id}/dossier?format=pdf`}>{p.packagePdf}</a>
          </li>
          <li>
            <a href={`/${locale}/pro/demandes/${part.id}/dossier?format=zip`}>{p.packageZip}</a>
          </li>
        </ul>
      </section>

      {open ? (
        <div className="grid">
          <div className="card">
            {part.acknowledgedAt ? (
              <p>{fill(p.acknowledgedOn, { date: formatInstant(part.acknowledgedAt, locale) })}</p>
            ) : (
              <ActionForm
                id="acknowledge"
                action={actorPartAction.bind(null, locale, part.id, "acknowledge")}
                submitLabel={p.acknowledge}
              >
                {null}
              </ActionForm>
            )}
          </div>
          <section className="card" aria-labelledby="answer-title">
            <h2 id="answer-title">{p.answerTitle}</h2>
            <ActorAnswerForm
              locale={locale}
              partId={part.id}
              t={{
                answerMode: p.answerMode,
                answerPortal: p.answerPortal,
                answerOther: p.answerOther,
                answerFile: p.answerFile,
                answerSentOn: p.answerSentOn,
                answerChannel: p.answerChannel,
                answerSubmit: p.answerSubmit,
                sendError: t.cases.proofsSendError,
              }}
            />
          </section>
          <section className="card" aria-labelledby="instruct-title">
            <h2 id="instruct-title">{p.instructTitle}</h2>
            <p>{p.instructIntro}</p>
            <ActionForm
              id="instruct"
              action={actorPartAction.bind(null, locale, part.id, "instruct")}
              submitLabel={p.instructSubmit}
            >
              <label htmlFor="instruct-kind">{p.instructKind}</label>
              <select id="instruct-kind" name="kind" defaultValue="erase_appointments">
                {(["erase_appointments", "restrict", "rectify_identity"] as const).map((k) => (
                  <option key={k} value={k}>
                    {p.instructKinds[k]}
                  </option>
                ))}
              </select>
              <fieldset>
                <legend>{p.instructFields}</legend>
                <label htmlFor="instruct-firstName">{p.firstName}</label>
                <input id="instruct-firstName" name="firstName" autoComplete="off" />
                <label htmlFor="instruct-lastName">{p.lastName}</label>
                <input id="instruct-lastName" name="lastName" autoComplete="off" />
                <label htmlFor="instruct-birthDate">{p.birthDate}</label>
                <input id="instruct-birthDate" name="birthDate" type="date" />
              </fieldset>
            </ActionForm>
          </section>
          <section className="card" aria-labelledby="decline-title">
            <h2 id="decline-title">{p.declineTitle}</h2>
            <ActionForm
              id="decline"
              action={actorPartAction.bind(null, locale, part.id, "decline")}
              submitLabel={p.declineSubmit}
            >
              <label htmlFor="decline-reason">{p.declineReason}</label>
              <textarea id="decline-reason" name="reason" rows={5} />
            </ActionForm>
          </section>
        </div>
      ) : part.answeredAt ? (
        <p className="notice ok">
          {fill(part.status === "refused" ? p.refusedOn : p.answeredOn, {
            date: formatInstant(part.answeredAt, locale),
          })}
        </p>
      ) : null}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{p.timeline}</h2>
        <ol className="timeline">
          {r.events.map((e) => (
            <li key={String(e.id)}>
              <strong>{p.events[e.type] ?? e.type}</strong>
              {readPayload("actor_instruction", e) ? (
                <> — {instructionSummary(readPayload("actor_instruction", e)!, p)}</>
              ) : null}
              <br />
              <span className="hint">{formatInstant(e.createdAt, locale)}</span>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
