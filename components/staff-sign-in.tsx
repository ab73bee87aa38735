"use client";

import { useActionState } from "react";
import { codeStepAction, passwordStepAction } from "@/app/[locale]/dpo/connexion/actions";
import type { Locale } from "@/lib/i18n/locale";

export interface StaffSignInText {
  email: string;
  password: string;
  next: string;
  codeTitle: string;
  codeLabel: string;
  codeHint: string;
  signIn: string;
}

type State = Awaited<ReturnType<typeof passwordStepAction>> | null;

/** Two steps: the password, then the second factor (TOTP or a recovery code). */
export function StaffSignIn({ locale, t, startAtCode }: { locale: Locale; t: StaffSignInText; startAtCode: boolean }) {
  const [passwordState, passwordAction, passwordPending] = useActionState<State, FormData>(
    passwordStepAction.bind(null, locale),
    null,
  );
  const [codeState, codeAction, codePending] = useActionState<
    Awaited<ReturnType<typeof codeStepAction>> | null,
    FormData
  >(codeStepAction.bind(null, locale), null);
  const atCode =
    (startAtCode || (passwordState?.ok === true && passwordState.step === "code")) &&
    !(codeState?.ok === true && codeState.step === "password");
  const error = atCode
    ? codeState && !codeState.ok
      ? codeState.message
      : null
    : passwordState && !passwordState.ok
      ? (passwordState.fields[0]?.message ?? passwordState.message)
      : null;

  return atCode ? (
    <form action={codeAction} noValidate>
      <h2>{t.codeTitle}</h2>
      {error ? (
        <p className="field-error" role="alert" id="code-error">
          {error}
        </p>
      ) : null}
      <label htmlFor="code">{t.codeLabel}</label>
      <p className="hint" id="code-hint">
        {t.codeHint}
      </p>
      <input
        id="code"
        name="code"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        aria-describedby={error ? "code-hint code-error" : "code-hint"}
        aria-invalid={error ? true : undefined}
      />
      <div className="actions">
        <button className="button" type="submit" disabled={codePending}>
          {t.signIn}
        </button>
      </div>
    </form>
  ) : (
    <form action={passwordAction} noValidate>
      {error ? (
        <p className="field-error" role="alert" id="signin-error">
          {error}
        </p>
      ) : null}
      <label htmlFor="email">{t.email}</label>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="username"
        aria-describedby={error ? "signin-error" : undefined}
      />
      <label htmlFor="password">{t.password}</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        aria-describedby={error ? "signin-error" : undefined}
      />
      <div className="actions">
        <button className="button" type="submit" disabled={passwordPending}>
          {t.next}
        </button>
      </div>
    </form>
  );
}
