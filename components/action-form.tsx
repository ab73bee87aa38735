"use client";

import { type ReactNode, useActionState } from "react";

type Result = { ok: true } | { ok: false; message: string; fields: { path: string; message: string }[] } | null;

/** A back-office form bound to a server action: its error is announced above the fields. */
export function ActionForm({
  action,
  submitLabel,
  children,
  id,
}: {
  action: (previous: Result, form: FormData) => Promise<Result>;
  submitLabel: string;
  children: ReactNode;
  id: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors =
    state && !state.ok
      ? state.fields.length
        ? state.fields.map((f) => `${f.path} : ${f.message}`)
        : [state.message]
      : [];
  return (
    <form action={formAction} aria-describedby={errors.length ? `${id}-error` : undefined} noValidate>
      {errors.length ? (
        <div className="field-error" role="alert" id={`${id}-error`}>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {children}
      <button type="submit" className="button secondary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
