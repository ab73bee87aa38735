"use client";

import { useActionState } from "react";
import { replyAction } from "@/app/[locale]/(patient)/mes-demandes/actions";
import type { Locale } from "@/lib/i18n/locale";

/** The requester's answer to a request for information, with its error announced and tied to the field. */
export function ReplyForm({ locale, reference, t }: { locale: Locale; reference: string; t: { label: string; submit: string } }) {
  const [state, action, pending] = useActionState(replyAction.bind(null, locale, reference), null);
  const error = state && !state.ok ? (state.fields.find((f) => f.path === "message")?.message ?? state.message) : null;
  return (
    <form action={action} noValidate>
      <label htmlFor="reply-message">{t.label}</label>
      {error ? (
        <p className="field-error" id="reply-error" role="alert">
          {error}
        </p>
      ) : null}
      <textarea id="reply-message" name="message" rows={6} maxLength={5000} required aria-describedby={error ? "reply-error" : undefined} aria-invalid={error ? true : undefined} />
      <button type="submit" className="button" disabled={pending}>
        {t.submit}
      </button>
    </form>
  );
}
