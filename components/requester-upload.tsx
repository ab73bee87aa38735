"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import type { ProofKind } from "@/lib/identity/assess-identity";
import type { Locale } from "@/lib/i18n/locale";
import { useMultipartPost } from "./use-multipart-post";

export type UploadKinds = { kind: ProofKind; label: string }[];

/** What both of a requester's upload forms are given: the case, the documents asked, where to go after. */
export interface RequesterUploadProps {
  locale: Locale;
  reference: string;
  kinds: UploadKinds;
  /** The e-mail's answer link, when the requester is not signed in. */
  answerLink?: string;
  doneUrl: string;
}

/**
 * Submits a requester's form with files to one of the case's upload routes (`proofs`, `answer`),
 * signed in or through the e-mail's answer link; on success the page `doneUrl` opens with the
 * case's new state.
 */
export function useRequesterUpload(
  { locale, reference, answerLink, doneUrl }: RequesterUploadProps,
  route: "proofs" | "answer",
  sendError: string,
) {
  const router = useRouter();
  const { pending, errors, formError, post } = useMultipartPost(sendError);
  const query = new URLSearchParams({ locale, ...(answerLink ? { jeton: answerLink } : {}) });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    post(`/api/portal/requests/${reference}/${route}?${query}`, new FormData(event.currentTarget), () => {
      router.push(doneUrl);
      router.refresh();
    });
  }
  return { pending, errors, formError, submit };
}

/** One file field per document asked, each with its error tied to it and the shared hint `hintId`. */
export function ProofFileInputs({
  kinds,
  errors,
  idPrefix,
  hintId,
}: {
  kinds: UploadKinds;
  errors: Record<string, string>;
  idPrefix: string;
  hintId: string;
}) {
  return kinds.map(({ kind, label }) => {
    const error = errors[`proofs.${kind}`];
    const id = `${idPrefix}_${kind}`;
    return (
      <div key={kind}>
        <label htmlFor={id}>{label}</label>
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <input
          id={id}
          name={`proof_${kind}`}
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error ${hintId}` : hintId}
        />
      </div>
    );
  });
}
