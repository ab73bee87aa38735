"use client";

import { useActionState } from "react";
import { createTokenAction } from "@/app/[locale]/dpo/jetons/actions";
import type { Locale } from "@/lib/i18n/locale";

/** The token creation form; the new token is shown once, here. */
export function CreateTokenForm({
  locale,
  staff,
  t,
}: {
  locale: Locale;
  staff: { id: string; name: string }[];
  t: {
    tokenName: string;
    createToken: string;
    tokenCreated: string;
    assignee: string;
    scope: string;
    scopes: Record<"all" | "marketing", string>;
  };
}) {
  const [state, action, pending] = useActionState(createTokenAction.bind(null, locale), null);
  const error = state && !state.ok ? (state.fields[0]?.message ?? state.message) : null;
  return (
    <form action={action} className="card" noValidate>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {state?.ok ? (
        <p className="notice ok" role="status">
          {t.tokenCreated} <code>{state.token}</code>
        </p>
      ) : null}
      <label htmlFor="token-name">{t.tokenName}</label>
      <input id="token-name" name="name" type="text" />
      <label htmlFor="token-staff">{t.assignee}</label>
      <select id="token-staff" name="staffUserId">
        {staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <label htmlFor="token-scope">{t.scope}</label>
      <select id="token-scope" name="scope">
        <option value="all">{t.scopes.all}</option>
        <option value="marketing">{t.scopes.marketing}</option>
      </select>
      <div className="actions">
        <button className="button" type="submit" disabled={pending}>
          {t.createToken}
        </button>
      </div>
    </form>
  );
}
