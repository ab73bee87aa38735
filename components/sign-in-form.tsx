"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { checkSignInEmailAction } from "@/app/[locale]/(patient)/connexion/actions";
import type { Locale } from "@/lib/i18n/locale";

export interface SignInFormText {
  email: string;
  submit: string;
  error: string;
}

/** Asks Auth.js for a magic link (CSRF token first, as its sign-in endpoint requires). */
export function SignInForm({ locale, callbackUrl, t }: { locale: Locale; callbackUrl: string; t: SignInFormText }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const invalid = await checkSignInEmailAction(locale, email);
      setError(invalid);
      if (invalid) return;
      try {
        const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
        const response = await fetch("/api/auth/signin/email", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email: email.trim().toLowerCase(), csrfToken, callbackUrl, json: "true" }),
        });
        // Auth.js answers with the page to go to; an "error=" in it means no link was sent. Too many
        // links asked, or the service briefly unavailable: the server says so, in the page's language.
        const { url, error: refusal } = (await response.json().catch(() => ({}))) as {
          url?: string;
          error?: { code: string; message: string };
        };
        if (!response.ok && refusal?.message) {
          setError(refusal.message);
          return;
        }
        if (!response.ok || !url || url.includes("error=")) throw new Error(String(response.status));
        router.push(`/${locale}/connexion/verifiez`);
      } catch {
        setError(t.error);
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <label htmlFor="email">{t.email}</label>
      {error ? (
        <p className="field-error" id="email-error" role="alert">
          {error}
        </p>
      ) : null}
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "email-error" : undefined}
      />
      <div className="actions">
        <button className="button" type="submit" disabled={pending}>
          {t.submit}
        </button>
      </div>
    </form>
  );
}
