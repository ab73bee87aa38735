"use client";

import { useActionState } from "react";

type Result =
  | { ok: true; secret: string }
  | { ok: false; message: string; fields: { path: string; message: string }[] }
  | null;

/** A one-field form whose result is a secret shown once (an API key, a signing secret). */
export function SecretForm({
  id,
  action,
  field,
  submitLabel,
  createdLabel,
}: {
  id: string;
  action: (previous: Result, form: FormData) => Promise<Result>;
  field: { name: string; label: string; type: "text" | "url" };
  submitLabel: string;
  createdLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const error = state && !state.ok ? (state.fields[0]?.message ?? state.message) : null;
  return (
    <form action={formAction} noValidate>
      {state?.ok ? (
        <p className="notice ok" role="status">
          {createdLabel} <code>{state.secret}</code>
        </p>
      ) : null}
      <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
      <input
        id={`${id}-${field.name}`}
        name={field.name}
        type={field.type}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <div className="actions">
        <button className="button" type="submit" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
