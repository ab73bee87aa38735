import { eventPayload, readPayload } from "@/lib/case-file/event-types";
import type { Metadata } from "next";
import { ErasureRecords } from "@/components/erasure-records";
import { RIGHT_CASE_PIECES } from "@/components/rights/case";
import type { CasePanelProps } from "@/components/rights/case/types";
import { RecipientNotices } from "@/components/recipient-notices";
import { RecipientsList } from "@/components/recipients-list";
import { UndeliveredEmails } from "@/components/undelivered-emails";
import { recipientsOf } from "@/lib/registry/recipients";
import { RIGHT_DEFINITIONS } from "@/lib/rights";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/form/action-form";
import { ChoiceField, SelectField, TextField } from "@/components/form/fields";
import { AskRequesterForm } from "@/components/ask-requester-form";
import { CaseClarification } from "@/components/case-clarification";
import { AccessDenied } from "@/components/access-denied";
import { PartsTable } from "@/components/parts-table";
import type { RectifiableField } from "@/lib/rights/rectification/rectifiable-fields";
import { registryOf } from "@/lib/registry/registry-of";
import { can } from "@/lib/auth/permissions";
import { loadCaseFile } from "@/lib/backoffice/case-file";
import { REFUSAL_GROUND_CODES, REFUSAL_GROUNDS } from "@/lib/cases/grounds";
import { awaitsRequester, identityUndecided } from "@/lib/case-file/awaiting-requester";
import { followUpOf } from "@/lib/cases/request-information";
import { openText } from "@/lib/storage/sealed-text";
import { db } from "@/lib/db";
import { daysLeft, fromDateColumn } from "@/lib/deadlines";
import { fill } from "@/lib/i18n/fill";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { caseNotices } from "@/lib/recipients/case-notices";
import { canTransition, isOpen, isOpenPart } from "@/lib/case-file/state-machine";
import { type DetailField, missingDetails } from "@/lib/rights/missing-details";
import { requireStaff } from "@/lib/staff/current-staff";
import { isReference } from "@/lib/validation/ids";
import { caseFormAction } from "./actions";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string; reference: string }>;
}): Promise<Metadata> {
  const { reference } = await params;
  return { title: fill(messages(await pageLocale(params)).backoffice.caseTitle, { reference }) };
}

export default async function CasePage({ params }: { params: Promise<{ locale: string; reference: string }> }) {
  const locale = await pageLocale(params);
  const { reference } = await params;
  const viewer = await requireStaff(locale);
  const t = messages(locale);
  const b = t.backoffice;
  if (!can(viewer.role, "requests.read")) return <AccessDenied text={b.denied} />;
  if (!isReference(reference)) notFound();

  const [request, agents, notices, erasures] = await Promise.all([
    loadCaseFile(db(), reference),
    db().staffUser.findMany({
      where: { disabledAt: null },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    caseNotices(db(), reference),
    db().erasureRecord.findMany({
      where: { request: { reference } },
      select: { id: true, summary: true },
      orderBy: { erasedAt: "asc" },
    }),
  ]);
  if (!request) notFound();
  const staffNames = new Map(agents.map((a) => [a.id, a.name]));
  const openParts = request.parts.filter((p) => isOpenPart(p.status));
  // The registry the case was filed under: its purposes, recipients and certificates' wording.
  const registry = await registryOf(db(), request.registryVersion);
  const left = daysLeft(fromDateColumn(request.dueDate), new Date());
  const pieces = RIGHT_CASE_PIECES[request.right];
  const panelProps: CasePanelProps = {
    locale,
    request,
    registry,
    mayAnswer: can(viewer.role, "requests.answer"),
    action: (name) => caseFormAction.bind(null, locale, request.reference, name),
  };
  const messageTexts = await Promise.all(
    request.messages.map(async (m) => ({ id: m.id, createdAt: m.createdAt, text: await openText(m.body) })),
  );
  const followUp = awaitsRequester(request) ? followUpOf(request, new Date()) : null;
  const toClarify = request.needsClarification
    ? missingDetails(
        { right: request.right, scope: request.scope as { activities?: string[] }, details: request.details as object },
        registry.activities,
      )
    : [];
  const details = Object.entries(request.details as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && v !== null && v !== "",
  );

  return (
    <main>
      <h1>{fill(b.caseTitle, { reference: request.reference })}</h1>
      <p>
        <strong>{RIGHT_DEFINITIONS[request.right].title[locale]}</strong> · {t.cases.statuses[request.status]} · {b.due}{" "}
        {formatDay(request.dueDate, locale)} ({left}) {left < 0 ? <span className="tag">{b.overdueTag}</span> : null}{" "}
        {request.pausedSince ? <span className="tag">{b.pausedTag}</span> : null}{" "}
        {request.extended ? <span className="tag">{b.extendedTag}</span> : null}{" "}
        {toClarify.length > 0 ? <span className="tag">{b.clarifyTag}</span> : null}
      </p>
      <CaseClarification
        locale={locale}
        missing={toClarify}
        activities={registry.activities}
        action={
          can(viewer.role, "requests.answer") && isOpen(request.status)
            ? caseFormAction.bind(null, locale, request.reference, "clarify")
            : null
        }
      />

      <section aria-labelledby="request-title">
        <h2 id="request-title">{b.request}</h2>
        <dl className="summary">
          <dt>{b.receivedAt}</dt>
          <dd>
            {formatInstant(request.receivedAt, locale)} ({request.channel})
          </dd>
          <dt>{b.requester}</dt>
          <dd>
            {request.requesterFirstName} {request.requesterLastName} &lt;{request.requesterEmail}&gt;{" "}
            {request.requesterPhone ?? ""}
          </dd>
          <dt>{b.subject}</dt>
          <dd>
            {request.subjectFirstName} {request.subjectLastName}, {formatDay(request.subjectBirthDate, locale)} (
            {request.subjectRelation}){request.subjectPatientId || request.subjectRelativeId ? " ✓" : ""}
          </dd>
          <dt>{b.identity}</dt>
          <dd>{b.identityStatuses[request.identityStatus]}</dd>
          <dt>{b.assignee}</dt>
          <dd>{request.assignee?.name ?? b.unassigned}</dd>
        </dl>
        {details.length > 0 ? (
          <>
            <h3>{b.details}</h3>
            <pre style={{ whiteSpace: "pre-wrap" }}>{JSON.stringify(Object.fromEntries(details), null, 2)}</pre>
          </>
        ) : null}
      </section>

      <section aria-labelledby="parts-title">
        <h2 id="parts-title">{b.parts}</h2>
        <PartsTable request={request} locale={locale} audience="staff" registry={registry} />
      </section>

      <section aria-labelledby="identity-title">
        <h2 id="identity-title">{b.proofs}</h2>
        <ul>
          {request.proofs.map((p) => (
            <li key={p.id}>
              {t.form.proofs[p.kind]} —{" "}
              {p.storageKey ? (
                <a href={`/${locale}/dpo/preuves/${p.id}`} target="_blank" rel="noopener">
                  {fill(b.viewProof, { kind: t.form.proofs[p.kind] })}
                </a>
              ) : (
                fill(b.proofDeleted, { date: p.fileDeletedAt ? formatInstant(p.fileDeletedAt, locale) : "" })
              )}
            </li>
          ))}
        </ul>
        {identityUndecided(request.identityStatus) &&
        request.status === "awaiting_identity" &&
        can(viewer.role, "identity.decide") ? (
          <div className="card">
            <h3>{b.decide}</h3>
            <ActionForm
              form="case.decide_identity"
              locale={locale}
              id="identity"
              action={caseFormAction.bind(null, locale, request.reference, "decide_identity")}
              submitLabel={b.decide}
            >
              <ChoiceField
                legend={b.decisionLegend}
                name="decision"
                options={[
                  { value: "accepted", label: b.accept },
                  { value: "rejected", label: b.reject },
                ]}
              />
              <TextField name="reason" label={b.reason} multiline />
            </ActionForm>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="handling-title" className="grid" style={{ marginTop: 24 }}>
        <h2 id="handling-title" className="visually-hidden">
          {b.assign}
        </h2>
        {can(viewer.role, "requests.assign") ? (
          <div className="card">
            <ActionForm
              form="case.assign"
              locale={locale}
              id="assign"
              action={caseFormAction.bind(null, locale, request.reference, "assign")}
              submitLabel={b.assign}
            >
              <SelectField
                name="agentId"
                label={b.assignee}
                defaultValue={request.assigneeId ?? ""}
                options={[{ value: "", label: b.unassigned }, ...agents.map((a) => ({ value: a.id, label: a.name }))]}
              />
            </ActionForm>
          </div>
        ) : null}
        {can(viewer.role, "legal_hold.manage") ? (
          <div className="card">
            <h3>{b.legalHold}</h3>
            {request.legalHoldReason ? (
              <>
                <p>{fill(b.onHold, { reason: request.legalHoldReason })}</p>
                <ActionForm
                  form="case.release_legal_hold"
                  locale={locale}
                  id="release-hold"
                  action={caseFormAction.bind(null, locale, request.reference, "release_legal_hold")}
                  submitLabel={b.releaseLegalHold}
                >
                  {null}
                </ActionForm>
              </>
            ) : (
              <ActionForm
                form="case.set_legal_hold"
                locale={locale}
                id="hold"
                action={caseFormAction.bind(null, locale, request.reference, "set_legal_hold")}
                submitLabel={b.setLegalHold}
              >
                <TextField name="reason" label={b.legalHoldReason} multiline />
              </ActionForm>
            )}
          </div>
        ) : null}
        {can(viewer.role, "requests.note") ? (
          <div className="card">
            <ActionForm
              form="case.note"
              locale={locale}
              id="note"
              action={caseFormAction.bind(null, locale, request.reference, "note")}
              submitLabel={b.addNote}
            >
              <TextField name="text" label={b.note} multiline />
            </ActionForm>
          </div>
        ) : null}
      </section>

      {pieces?.Panel ? <pieces.Panel {...panelProps} /> : null}

      <section aria-labelledby="answer-title">
        <h2 id="answer-title">{b.answer}</h2>
        <div className="grid">
          {openParts.length > 0 && can(viewer.role, "requests.answer") ? (
            <div className="card">
              <ActionForm
                form="case.answer_part"
                locale={locale}
                id="answer"
                action={caseFormAction.bind(null, locale, request.reference, "answer_part")}
                submitLabel={b.answerSubmit}
              >
                <SelectField
                  name="partId"
                  label={b.answerPart}
                  options={openParts.map((p) => ({ value: p.id, label: p.healthActor?.name ?? t.cases.platform }))}
                />
                <ChoiceField
                  legend={b.outcome}
                  name="outcome"
                  options={(["granted", "partly_granted", "refused"] as const).map((o) => ({
                    value: o,
                    label: b.outcomes[o],
                  }))}
                />
                <ChoiceField
                  name="grounds"
                  legend={b.grounds}
                  multiple
                  options={REFUSAL_GROUND_CODES.map((g) => ({ value: g, label: REFUSAL_GROUNDS[g][locale] }))}
                />
                {pieces?.AnswerFields ? <pieces.AnswerFields {...panelProps} /> : null}
                <TextField name="message" label={b.answerMessage} multiline />
              </ActionForm>
            </div>
          ) : null}
          {can(viewer.role, "requests.request_information") && canTransition(request.status, "request_information") ? (
            <AskRequesterForm
              locale={locale}
              action={caseFormAction.bind(null, locale, request.reference, "request_information")}
              askDocuments={identityUndecided(request.identityStatus)}
              suggestion={toClarify.length > 0 ? clarifySuggestion(request.locale, toClarify) : undefined}
            />
          ) : null}
          {can(viewer.role, "requests.request_information") && request.status === "awaiting_information" ? (
            <div className="card">
              <ActionForm
                form="case.information_received"
                locale={locale}
                id="info-received"
                action={caseFormAction.bind(null, locale, request.reference, "information_received")}
                submitLabel={b.infoReceived}
              >
                <TextField name="receivedDay" label={b.infoReceivedAt} type="date" errorPath="receivedAt" />
                <TextField name="receivedTime" label={b.receivedTime} type="time" />
              </ActionForm>
            </div>
          ) : null}
          {can(viewer.role, "requests.extend") && !request.extended && isOpen(request.status) ? (
            <div className="card">
              <ActionForm
                form="case.extend"
                locale={locale}
                id="extend"
                action={caseFormAction.bind(null, locale, request.reference, "extend")}
                submitLabel={b.extend}
              >
                <TextField name="reason" label={b.extendReason} multiline />
              </ActionForm>
            </div>
          ) : null}
          {can(viewer.role, "requests.close") && request.status === "answered" ? (
            <div className="card">
              <ActionForm
                form="case.close"
                locale={locale}
                id="close"
                action={caseFormAction.bind(null, locale, request.reference, "close")}
                submitLabel={b.close}
              >
                {null}
              </ActionForm>
            </div>
          ) : null}
          {followUp ? (
            <div className="card">
              <h3>{b.closeNoAnswer}</h3>
              {followUp.closableOn === null ? (
                <p>{fill(b.followUpPending, { date: formatDay(followUp.remindOn, locale) })}</p>
              ) : followUp.closable ? (
                <>
                  <p>{fill(b.followUpClosable, { reminded: formatInstant(request.informationReminderAt!, locale) })}</p>
                  {can(viewer.role, "requests.close") ? (
                    <ActionForm
                      form="case.close"
                      locale={locale}
                      id="close"
                      action={caseFormAction.bind(null, locale, request.reference, "close")}
                      submitLabel={b.closeNoAnswer}
                    >
                      {null}
                    </ActionForm>
                  ) : null}
                </>
              ) : (
                <p>
                  {fill(b.followUpReminded, {
                    reminded: formatInstant(request.informationReminderAt!, locale),
                    closable: formatDay(followUp.closableOn, locale),
                  })}
                </p>
              )}
            </div>
          ) : null}
        </div>
        {request.letters.length > 0 ? (
          <>
            <h3>{b.letters}</h3>
            <ul>
              {request.letters.map((l) => (
                <li key={l.id}>
                  <a href={`/${locale}/dpo/courriers/${l.id}`}>
                    {t.cases.letterKinds[l.kind]} · {formatInstant(l.createdAt, locale)}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {messageTexts.length > 0 ? (
        <section aria-labelledby="messages-title">
          <h2 id="messages-title">{b.messages}</h2>
          <ol className="timeline">
            {messageTexts.map((m) => (
              <li key={m.id}>
                <strong>{b.fromRequester}</strong> · {formatInstant(m.createdAt, locale)}
                <p style={{ whiteSpace: "pre-wrap" }}>{m.text}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {RIGHT_DEFINITIONS[request.right].tellsRecipients ? (
        <RecipientsList
          locale={locale}
          recipients={recipientsOf(
            registry,
            request.parts.filter((p) => p.handler === "platform").flatMap((p) => p.activities),
          )}
        />
      ) : null}
      <ErasureRecords locale={locale} records={erasures} registry={registry} />
      <UndeliveredEmails
        locale={locale}
        request={request}
        resend={
          can(viewer.role, "emails.resend")
            ? caseFormAction.bind(null, locale, request.reference, "resend_email")
            : null
        }
      />
      <RecipientNotices locale={locale} notices={notices} />
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{b.timeline}</h2>
        <ol className="timeline">
          {request.events.map((e) => {
            const payload = eventPayload(e);
            const changes = readPayload("rectification_applied", e)?.changes;
            return (
              <li key={String(e.id)}>
                <strong>{t.cases.events[e.type] ?? b.events[e.type] ?? e.type}</strong> ·{" "}
                {formatInstant(e.createdAt, locale)} · {b.actor}{" "}
                {e.actorType === "staff"
                  ? (staffNames.get(e.actorId ?? "") ?? e.actorId)
                  : `${e.actorType}${e.actorId ? ` ${e.actorId}` : ""}`}
                {typeof payload.text === "string" ? <p>{payload.text}</p> : null}
                {typeof payload.reason === "string" ? <p>{payload.reason}</p> : null}
                {typeof payload.recipient === "string" ? <p>{payload.recipient}</p> : null}
                {Array.isArray(payload.recipients) ? <p>{payload.recipients.join(", ")}</p> : null}
                {changes ? (
                  <ul>
                    {changes.map((c) => (
                      <li key={c.field}>
                        {b.rectifiableFields[c.field as RectifiableField] ?? c.field} : <del>{c.before ?? "—"}</del> →{" "}
                        <ins>{c.after}</ins>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
    </main>
  );
}

/** The question a flagged case starts from, in the requester's language (it is e-mailed to them). */
function clarifySuggestion(locale: Locale, missing: DetailField[]): string {
  const b = messages(locale).backoffice;
  return fill(b.clarifySuggestion, { fields: missing.map((m) => b.clarifyFields[m]).join(", ") });
}
