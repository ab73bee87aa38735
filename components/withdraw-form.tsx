"use client";

import { useActionState } from "react";
import { withdrawAction } from "@/app/[locale]/(patient)/mes-demandes/actions";
import type { Locale } from "@/lib/i18n/locale";

export function WithdrawForm({
  locale,
  reference,
  t,
}: {
  locale: Locale;
  reference: string;
  t: { withdraw: string; withdrawConfirm: string };
}) {
  const [state, action, pending] = useActionState(withdrawAction.bind(null, locale, reference), null);
  const error = state && !state.ok ? (state.fields[0]?.message ?? state.message) : null;
  return (
    <form action={action} className="card">
      <h2>{t.withdraw}</h2>
      {error ? (
        <p className="field-error" id="confirm-error" role="alert">
          {error}
        </p>
      ) : null}
      <label className="choice">
        <input
          type="checkbox"
          name="confirm"
          value="yes"
          aria-describedby={error ? "confirm-error" : undefined}
          aria-invalid={error ? true : undefined}
        />
        <span>{t.withdrawConfirm}</span>
      </label>
      <button type="submit" className="button secondary" disabled={pending}>
        {t.withdraw}
      </button>
    </form>
  );
}
