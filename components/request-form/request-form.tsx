"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import {
  previewAction,
  searchHealthActorsAction,
  sendCodeAction,
  validateStepAction,
  verifyCodeAction,
} from "@/app/[locale]/(patient)/demande/actions";
import { fieldMessage } from "@/lib/i18n/errors";
import { fill } from "@/lib/i18n/fill";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import { RELATION_PROOFS, type ProofKind } from "@/lib/identity/assess-identity";
import type { RequestPreview } from "@/lib/requests/preview-request";
import { RIGHTS, type RightKey } from "@/lib/rights/rights";
import { RIGHT_FORMS } from "@/components/rights";
import type { DetailsState } from "@/components/rights/types";
import { ChoiceList, ErrorSummary, Field, type FieldErrors } from "./fields";

export interface FormActivity {
  key: string;
  purpose: string;
  controller: "platform" | "health_actor";
  consentBased: boolean;
}

export interface RequestFormProps {
  locale: Locale;
  t: Pick<Messages, "form">;
  /** Each right as the patient picks it (lib/rights/<right>: its title and summary, in the page's language). */
  rights: Record<RightKey, { title: string; summary: string }>;
  activities: FormActivity[];
  account: { email: string; firstName?: string; lastName?: string; birthDate?: string } | null;
  initialRight?: RightKey;
  initialActivity?: string;
}

type Relation = "self" | "minor" | "protected_adult" | "mandate" | "deceased";
type Step = "right" | "whom" | "scope" | "details" | "identity" | "review";
const STEPS: Step[] = ["right", "whom", "scope", "details", "identity", "review"];
/** The browser checks a file before sending it; the server checks its real type from its content. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ACCEPTED_TYPES = ["application/pdf", "image/jpeg", "image/png"];

/** Which field paths each step owns, to show only that step's errors. */
const STEP_PATHS: Record<Step, string[]> = {
  right: ["right"],
  // The relation can rule a right out (an heir's rights are limited): its error shows here.
  whom: ["subject", "right"],
  scope: ["scope"],
  details: ["details"],
  identity: ["requester", "proofs"],
  review: [],
};

interface Actor {
  id: string;
  name: string;
  specialty?: string;
  city?: string;
}

export function RequestForm({
  locale,
  t,
  rights,
  activities,
  account,
  initialRight,
  initialActivity,
}: RequestFormProps) {
  const f = t.form;
  const router = useRouter();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [submissionId] = useState(() => crypto.randomUUID());
  const [step, setStep] = useState<Step>(initialRight ? "whom" : "right");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useTransition();

  const [right, setRight] = useState<RightKey | "">(initialRight ?? "");
  const [relation, setRelation] = useState<Relation | "">("");
  const [deceasedRole, setDeceasedRole] = useState<"heir" | "designated_person" | "">("");
  const [subject, setSubject] = useState({ firstName: "", lastName: "", birthDate: "", email: "" });
  const [scopeMode, setScopeMode] = useState<"all" | "chosen">(initialActivity ? "chosen" : "all");
  const [chosenActivities, setChosenActivities] = useState<string[]>(initialActivity ? [initialActivity] : []);
  const [actors, setActors] = useState<Actor[]>([]);
  const [details, setDetails] = useState({
    message: "",
    objectionGrounds: "",
    consents: [] as string[],
    portabilityFormat: "",
    restrictionGround: "",
    directives: "",
    designated: { firstName: "", lastName: "", email: "" },
    rectifications: [{ field: "", current: "", corrected: "" }],
  });
  const [requester, setRequester] = useState({
    firstName: account?.firstName ?? "",
    lastName: account?.lastName ?? "",
    email: account?.email ?? "",
    phone: "",
  });
  const [codeState, setCodeState] = useState<{ sentTo?: string; verified?: string; code: string }>({ code: "" });
  const [proofs, setProofs] = useState<Partial<Record<ProofKind, File>>>({});
  const [preview, setPreview] = useState<RequestPreview | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const effectiveRelation = relation === "deceased" ? deceasedRole : relation;
  const emailVerified =
    account?.email === requester.email.trim().toLowerCase() ||
    codeState.verified === requester.email.trim().toLowerCase();
  const proofKinds: ProofKind[] =
    effectiveRelation && effectiveRelation !== "self" ? RELATION_PROOFS[effectiveRelation] : ["id_document"];

  // Signed-in patients filing for themselves: the subject is their account.
  useEffect(() => {
    if (relation === "self" && account) {
      setSubject((s) => ({
        firstName: s.firstName || account.firstName || "",
        lastName: s.lastName || account.lastName || "",
        birthDate: s.birthDate || account.birthDate || "",
        email: s.email,
      }));
    }
  }, [relation, account]);

  // Moving to another step moves the focus to its heading (not on the first display of the page).
  const firstStep = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of step, which it does not read
  useEffect(() => {
    if (firstStep.current) firstStep.current = false;
    else headingRef.current?.focus();
  }, [step]);

  const payload = useMemo(
    () => ({
      right,
      locale,
      requester: { ...requester, phone: requester.phone || undefined },
      subject: { relation: effectiveRelation, ...subject, email: subject.email || undefined },
      scope:
        scopeMode === "all"
          ? {}
          : {
              activities: chosenActivities.length ? chosenActivities : undefined,
              healthActorIds: actors.length ? actors.map((a) => a.id) : undefined,
            },
      details: detailsPayload(right, details),
    }),
    [right, locale, requester, effectiveRelation, subject, scopeMode, chosenActivities, actors, details],
  );

  /** The step's answers checked by the server's schema, plus what only the browser knows (files, choices). */
  async function validate(forStep: Step): Promise<FieldErrors> {
    const found: FieldErrors = {};
    if (STEP_PATHS[forStep].length > 0) {
      for (const field of await validateStepAction(locale, payload, STEP_PATHS[forStep]))
        found[field.path] ??= field.message;
    }
    if (forStep === "whom" && !relation) {
      delete found["subject.relation"];
      found.relation = fieldMessage("choice", locale);
    }
    if (forStep === "whom" && relation === "deceased" && !deceasedRole)
      found.deceasedRole = fieldMessage("choice", locale);
    if (forStep === "scope" && scopeMode === "chosen" && chosenActivities.length === 0 && actors.length === 0) {
      found["scope.activities"] = fieldMessage("required", locale);
    }
    if (forStep === "identity") {
      if (!emailVerified && !found["requester.email"]) found["requester.email"] = f.emailNotVerified;
      if (effectiveRelation && effectiveRelation !== "self") {
        for (const kind of RELATION_PROOFS[effectiveRelation])
          if (!proofs[kind]) found[`proofs.${kind}`] = fieldMessage("proof_missing", locale);
      }
      for (const kind of proofKinds) {
        const file = proofs[kind];
        if (file && file.size > MAX_FILE_BYTES) found[`proofs.${kind}`] = fieldMessage("file_size", locale);
        else if (file && !ACCEPTED_TYPES.includes(file.type))
          found[`proofs.${kind}`] = fieldMessage("file_type", locale);
      }
    }
    return found;
  }

  function goNext() {
    setFormError(null);
    startTransition(async () => {
      const found = await validate(step);
      setErrors(found);
      if (Object.keys(found).length > 0) return;
      const next = STEPS[STEPS.indexOf(step) + 1]!;
      if (next !== "review") {
        setStep(next);
        return;
      }
      const result = await previewAction(
        locale,
        payload,
        proofKinds.filter((kind) => proofs[kind]),
      );
      if (result.ok) {
        setPreview(result.preview);
        setStep("review");
      } else {
        showServerErrors(result.fields, result.message);
      }
    });
  }

  function goBack() {
    setErrors({});
    setFormError(null);
    setStep(STEPS[Math.max(0, STEPS.indexOf(step) - 1)]!);
  }

  function showServerErrors(fields: { path: string; message: string }[], message: string) {
    const found: FieldErrors = {};
    for (const field of fields) found[field.path] = field.message;
    setErrors(found);
    setFormError(fields.length ? null : message);
    const firstStep = STEPS.find((s) => fields.some((field) => STEP_PATHS[s].some((p) => field.path.startsWith(p))));
    if (firstStep) setStep(firstStep);
  }

  function submit() {
    startTransition(async () => {
      const form = new FormData();
      form.set("payload", JSON.stringify(payload));
      form.set("submissionId", submissionId);
      for (const kind of proofKinds) if (proofs[kind]) form.set(`proof_${kind}`, proofs[kind]);
      try {
        const response = await fetch(`/api/portal/requests?locale=${locale}`, { method: "POST", body: form });
        const result = (await response.json()) as
          | { ok: true; reference: string }
          | { ok: false; message: string; fields: { path: string; message: string }[] };
        if (result.ok) router.push(`/${locale}/demande/confirmation/${result.reference}`);
        else showServerErrors(result.fields, result.message);
      } catch {
        setFormError(f.submitError);
      }
    });
  }

  function sendCode() {
    const email = requester.email.trim().toLowerCase();
    startTransition(async () => {
      const result = await sendCodeAction(locale, email);
      if (result.ok) {
        setCodeState({ sentTo: email, code: "" });
        setErrors({});
      } else setErrors({ "requester.email": result.fields[0]?.message ?? result.message });
    });
  }

  function verifyCode() {
    const email = requester.email.trim().toLowerCase();
    startTransition(async () => {
      const result = await verifyCodeAction(locale, email, codeState.code);
      if (result.ok) {
        setCodeState((s) => ({ ...s, verified: result.email }));
        setErrors({});
      } else setErrors({ code: result.fields[0]?.message ?? result.message });
    });
  }

  const stepIndex = STEPS.indexOf(step);
  const platformActivities = activities.filter((a) => a.controller === "platform");
  const actorActivities = activities.filter((a) => a.controller === "health_actor");

  return (
    <div className="narrow">
      <p className="progress">{fill(f.stepOf, { n: stepIndex + 1, total: STEPS.length })}</p>
      <h2 ref={headingRef} tabIndex={-1}>
        {f.steps[step]}
      </h2>
      <ErrorSummary title={f.errorSummary} errors={errors} />
      {formError ? (
        <div className="notice warn" role="alert">
          {formError}
        </div>
      ) : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (step === "review") submit();
          else goNext();
        }}
      >
        {step === "right" ? (
          <ChoiceList
            name="right"
            legend={f.rightLegend}
            value={right}
            onChange={(v) => setRight(v as RightKey)}
            error={errors.right}
            options={RIGHTS.map((r) => ({
              value: r,
              label: rights[r].title,
              description: rights[r].summary,
            }))}
          />
        ) : null}

        {step === "whom" ? (
          <>
            <ChoiceList
              name="relation"
              legend={f.whomLegend}
              value={relation}
              onChange={(v) => setRelation(v as Relation)}
              error={errors.relation ?? errors["subject.relation"]}
              options={(["self", "minor", "protected_adult", "mandate", "deceased"] as const).map((r) => ({
                value: r,
                label: f.relations[r],
              }))}
            />
            {relation === "deceased" ? (
              <ChoiceList
                name="deceasedRole"
                legend={f.deceasedLegend}
                value={deceasedRole}
                onChange={(v) => setDeceasedRole(v as "heir" | "designated_person")}
                error={errors.deceasedRole}
                options={(["heir", "designated_person"] as const).map((r) => ({ value: r, label: f.deceased[r] }))}
              />
            ) : null}
            {relation ? (
              <fieldset>
                <legend>{f.subjectLegend}</legend>
                {relation === "self" && account ? <p className="hint">{f.selfFromAccount}</p> : null}
                <Field
                  label={f.firstName}
                  name="subject.firstName"
                  errors={errors}
                  value={subject.firstName}
                  onChange={(v) => setSubject({ ...subject, firstName: v })}
                  autoComplete={relation === "self" ? "given-name" : "off"}
                />
                <Field
                  label={f.lastName}
                  name="subject.lastName"
                  errors={errors}
                  value={subject.lastName}
                  onChange={(v) => setSubject({ ...subject, lastName: v })}
                  autoComplete={relation === "self" ? "family-name" : "off"}
                />
                <Field
                  label={f.birthDate}
                  name="subject.birthDate"
                  type="date"
                  errors={errors}
                  value={subject.birthDate}
                  onChange={(v) => setSubject({ ...subject, birthDate: v })}
                  autoComplete={relation === "self" ? "bday" : "off"}
                />
                {relation !== "self" ? (
                  <Field
                    label={f.emailOptional}
                    name="subject.email"
                    type="email"
                    errors={errors}
                    value={subject.email}
                    onChange={(v) => setSubject({ ...subject, email: v })}
                  />
                ) : null}
              </fieldset>
            ) : null}
          </>
        ) : null}

        {step === "scope" ? (
          <>
            <ChoiceList
              name="scopeMode"
              legend={f.scopeLegend}
              value={scopeMode}
              onChange={(v) => setScopeMode(v as "all" | "chosen")}
              options={[
                { value: "all", label: f.scopeAll },
                { value: "chosen", label: f.scopeChosen },
              ]}
            />
            {scopeMode === "chosen" ? (
              <>
                {errors["scope.activities"] ? (
                  <p className="field-error" id="scope.activities-error">
                    {errors["scope.activities"]}
                  </p>
                ) : null}
                <CheckboxList
                  id="scope.activities"
                  error={Boolean(errors["scope.activities"])}
                  legend={f.platformActivities}
                  items={platformActivities}
                  chosen={chosenActivities}
                  onChange={setChosenActivities}
                />
                <CheckboxList
                  id="scope.actorActivities"
                  error={Boolean(errors["scope.activities"])}
                  legend={f.actorActivities}
                  items={actorActivities}
                  chosen={chosenActivities}
                  onChange={setChosenActivities}
                />
                <ActorPicker t={f} chosen={actors} onChange={setActors} />
              </>
            ) : null}
          </>
        ) : null}

        {step === "details" ? (
          <DetailsStep
            t={f}
            right={right}
            details={details}
            setDetails={setDetails}
            errors={errors}
            activities={activities}
          />
        ) : null}

        {step === "identity" ? (
          <>
            <fieldset>
              <legend>{f.requesterLegend}</legend>
              <Field
                label={f.firstName}
                name="requester.firstName"
                errors={errors}
                value={requester.firstName}
                onChange={(v) => setRequester({ ...requester, firstName: v })}
                autoComplete="given-name"
              />
              <Field
                label={f.lastName}
                name="requester.lastName"
                errors={errors}
                value={requester.lastName}
                onChange={(v) => setRequester({ ...requester, lastName: v })}
                autoComplete="family-name"
              />
              <Field
                label={f.email}
                name="requester.email"
                type="email"
                errors={errors}
                value={requester.email}
                onChange={(v) => setRequester({ ...requester, email: v })}
                autoComplete="email"
                readOnly={Boolean(account)}
              />
              {account ? (
                <p className="notice ok">{fill(f.signedInAs, { email: account.email })}</p>
              ) : emailVerified ? (
                <p className="notice ok" role="status">
                  {fill(f.codeVerified, { email: codeState.verified! })}
                </p>
              ) : (
                <>
                  <p className="hint">
                    <a href={`/${locale}/connexion?callbackUrl=${encodeURIComponent(`/${locale}/demande`)}`}>
                      {f.signInInstead}
                    </a>
                  </p>
                  <button type="button" className="button secondary" onClick={sendCode} disabled={pending}>
                    {f.sendCode}
                  </button>
                  {codeState.sentTo ? (
                    <>
                      <p className="notice" role="status">
                        {fill(f.codeSent, { email: codeState.sentTo })}
                      </p>
                      <Field
                        label={f.code}
                        name="code"
                        errors={errors}
                        value={codeState.code}
                        onChange={(v) => setCodeState({ ...codeState, code: v })}
                        inputMode="numeric"
                        autoComplete="one-time-code"
                      />
                      <button type="button" className="button secondary" onClick={verifyCode} disabled={pending}>
                        {f.verifyCode}
                      </button>
                    </>
                  ) : null}
                </>
              )}
              <Field
                label={f.phone}
                name="requester.phone"
                type="tel"
                errors={errors}
                value={requester.phone}
                onChange={(v) => setRequester({ ...requester, phone: v })}
                autoComplete="tel"
              />
            </fieldset>
            <fieldset>
              <legend>{f.proofsLegend}</legend>
              {effectiveRelation === "self" ? <p className="hint">{f.proofsOptionalSelf}</p> : null}
              <p className="hint">{f.proofsHint}</p>
              {proofKinds.map((kind) => (
                <FileField
                  key={kind}
                  label={f.proofs[kind]}
                  name={`proofs.${kind}`}
                  errors={errors}
                  onChange={(file) => setProofs({ ...proofs, [kind]: file })}
                />
              ))}
            </fieldset>
          </>
        ) : null}

        {step === "review" && preview ? (
          <Review
            t={t}
            rightTitle={rights[right as RightKey].title}
            subject={subject}
            scopeMode={scopeMode}
            preview={preview}
            locale={locale}
          />
        ) : null}

        <div className="actions">
          {stepIndex > 0 ? (
            <button type="button" className="button secondary" onClick={goBack} disabled={pending}>
              {f.back}
            </button>
          ) : null}
          <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
            {step === "review" ? (pending ? f.submitting : f.submit) : f.next}
          </button>
        </div>
      </form>
    </div>
  );
}

function detailsPayload(right: RightKey | "", d: DetailsState) {
  return { message: d.message || undefined, ...(right ? RIGHT_FORMS[right].payload(d) : {}) };
}

function CheckboxList({
  id,
  error,
  legend,
  items,
  chosen,
  onChange,
}: {
  id: string;
  error: boolean;
  legend: string;
  items: FormActivity[];
  chosen: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <fieldset id={id} aria-describedby={error ? "scope.activities-error" : undefined}>
      <legend>{legend}</legend>
      {items.map((a) => (
        <label key={a.key} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(a.key)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, a.key] : chosen.filter((k) => k !== a.key))}
          />
          <span>{a.purpose}</span>
        </label>
      ))}
    </fieldset>
  );
}

function ActorPicker({
  t,
  chosen,
  onChange,
}: {
  t: Messages["form"];
  chosen: Actor[];
  onChange: (a: Actor[]) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Actor[] | null>(null);
  const [, startTransition] = useTransition();
  useEffect(() => {
    if (query.trim().length < 2) {
      setResults(null);
      return;
    }
    const timer = setTimeout(() => startTransition(async () => setResults(await searchHealthActorsAction(query))), 250);
    return () => clearTimeout(timer);
  }, [query]);
  return (
    <fieldset>
      <legend>{t.actorsLegend}</legend>
      <label htmlFor={`${id}-q`}>{t.actorSearch}</label>
      <p className="hint" id={`${id}-hint`}>
        {t.actorSearchHint}
      </p>
      <input
        id={`${id}-q`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
      />
      <div aria-live="polite">
        {results && results.length === 0 ? <p>{t.actorNone}</p> : null}
        {results && results.length > 0 ? (
          <ul>
            {results.map((a) => (
              <li key={a.id}>
                {a.name} — {a.specialty}, {a.city}{" "}
                <button
                  type="button"
                  className="link-button"
                  disabled={chosen.some((c) => c.id === a.id)}
                  onClick={() => onChange([...chosen, a])}
                  aria-label={`${t.actorAdd} ${a.name}`}
                >
                  {t.actorAdd}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {chosen.length > 0 ? (
        <>
          <h3>{t.chosenActors}</h3>
          <ul>
            {chosen.map((a) => (
              <li key={a.id}>
                {a.name}{" "}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onChange(chosen.filter((c) => c.id !== a.id))}
                >
                  {fill(t.actorRemove, { name: a.name })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </fieldset>
  );
}

function DetailsStep({
  t,
  right,
  details,
  setDetails,
  errors,
  activities,
}: {
  t: Messages["form"];
  right: RightKey | "";
  details: DetailsState;
  setDetails: (d: DetailsState) => void;
  errors: FieldErrors;
  activities: FormActivity[];
}) {
  const set = (patch: Partial<DetailsState>) => setDetails({ ...details, ...patch });
  const Fields = right ? RIGHT_FORMS[right].Fields : undefined;
  return (
    <fieldset>
      <legend>{t.detailsLegend}</legend>
      {Fields ? <Fields t={t} details={details} set={set} errors={errors} activities={activities} /> : null}
      <Field
        label={t.message}
        name="details.message"
        multiline
        errors={errors}
        value={details.message}
        onChange={(v) => set({ message: v })}
      />
    </fieldset>
  );
}

function FileField({
  label,
  name,
  errors,
  onChange,
}: {
  label: string;
  name: string;
  errors: FieldErrors;
  onChange: (f: File | undefined) => void;
}) {
  const error = errors[name];
  return (
    <div>
      <label htmlFor={name}>{label}</label>
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={name}
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        onChange={(e) => onChange(e.target.files?.[0])}
      />
    </div>
  );
}

function Review({
  t,
  rightTitle,
  subject,
  scopeMode,
  preview,
  locale,
}: {
  t: Pick<Messages, "form">;
  /** The right's title as the patient picked it. */
  rightTitle: string;
  subject: { firstName: string; lastName: string };
  scopeMode: "all" | "chosen";
  preview: RequestPreview;
  locale: Locale;
}) {
  const f = t.form;
  const format = (day: string) =>
    new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${day}T00:00:00Z`));
  return (
    <section aria-labelledby="review-title">
      <h3 id="review-title">{f.reviewLegend}</h3>
      <dl className="summary">
        <dt>{f.reviewRight}</dt>
        <dd>{rightTitle}</dd>
        <dt>{f.reviewSubject}</dt>
        <dd>
          {subject.firstName} {subject.lastName}
        </dd>
        <dt>{f.reviewScope}</dt>
        <dd>{scopeMode === "all" ? f.reviewAll : f.scopeChosen}</dd>
      </dl>
      <h3>{f.routingTitle}</h3>
      <ul>
        {preview.parts.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the preview's parts, rendered once in their order
          <li key={i}>
            <strong>{p.healthActorName ?? f.routingPlatform}</strong>,{" "}
            {p.handler === "platform" ? f.routingPlatformWhy : f.routingActorWhy} :{" "}
            {fill(f.routingDue, { date: format(p.dueDate) })}
            {p.rule === "csp_l1111_7" ? <p className="hint">{f.routingMedical}</p> : null}
          </li>
        ))}
      </ul>
      {preview.actorsHidden ? <p className="notice">{f.routingActorsLater}</p> : null}
      {preview.parts.some((p) => p.exclusions.length > 0) ? (
        <details open>
          <summary>{f.routingExcluded}</summary>
          <ul>
            {preview.parts
              .flatMap((p) => p.exclusions)
              .map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the preview's exclusions, rendered once in their order
                <li key={i}>
                  <strong>{e.purpose}</strong> — {e.reason}
                </li>
              ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
