"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import type { ProofKind } from "@/lib/identity/assess-identity";
import type { Locale } from "@/lib/i18n/locale";
import { useMultipartPost } from "./use-multipart-post";

/**
 * The proofs a request still waits for, sent from "Mes demandes" or through the e-mail's answer link
 * (`answerLink`). Errors are announced at the top and tied to their file field; on success the page
 * `doneUrl` opens with the case's new state.
 */
export function ProofUploadForm({ locale, reference, kinds, answerLink, doneUrl, t }: {
  locale: Locale;
  reference: string;
  kinds: { kind: ProofKind; label: string }[];
  answerLink?: string;
  doneUrl: string;
  t: { hint: string; submit: string; sendError: string };
}) {
  const router = useRouter();
  const { pending, errors, formError, post } = useMultipartPost(t.sendError);
  const query = new URLSearchParams({ locale, ...(answerLink ? { jeton: answerLink } : {}) });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    post(`/api/portal/requests/${reference}/proofs?${query}`, new FormData(event.currentTarget), () => {
      router.push(doneUrl);
      router.refresh();
    });
  }

  const listed = Object.entries(errors);
  return (
    <form onSubmit={submit} noValidate encType="multipart/form-data">
      {formError || listed.length ? (
        <div className="field-error" role="alert">
          {formError ?? listed.map(([path, message]) => `${kinds.find((k) => `proofs.${k.kind}` === path)?.label ?? path} : ${message}`).join(" · ")}
        </div>
      ) : null}
      <p className="hint" id="proof-hint">
        {t.hint}
      </p>
      {kinds.map(({ kind, label }) => {
        const error = errors[`proofs.${kind}`];
        return (
          <div key={kind}>
            <label htmlFor={`proof_${kind}`}>{label}</label>
            {error ? (
              <p className="field-error" id={`proof_${kind}-error`}>
                {error}
              </p>
            ) : null}
            <input
              id={`proof_${kind}`}
              name={`proof_${kind}`}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `proof_${kind}-error proof-hint` : "proof-hint"}
            />
          </div>
        );
      })}
      <button type="submit" className="button" disabled={pending}>
        {t.submit}
      </button>
    </form>
  );
}
