"use client";

import { type ReactNode, useActionState } from "react";

type Result = { ok: true } | { ok: false; message: string; fields: { path: string; message: string }[] } | null;

/** A back-office form bound to a server action: its error is announced above the fields. */
export function ActionForm({ action, submitLabel, children, id }: { action: (previous: Result, form: FormData) => Promise<Result>; submitLabel: string; children: ReactNode; id: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? (state.fields[0]?.message ?? state.message) : null;
  return (
    <form action={formAction} aria-describedby={error ? `${id}-error` : undefined} noValidate>
      {error ? (
        <p className="field-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children}
      <button type="submit" className="button secondary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
