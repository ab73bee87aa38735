"use client";

import { ProofFileInputs, type RequesterUploadProps, useRequesterUpload } from "./requester-upload";

/**
 * The proofs a request still waits for, sent from "Mes demandes" or through the e-mail's answer link
 * (`answerLink`). Errors are announced at the top and tied to their file field; on success the page
 * `doneUrl` opens with the case's new state.
 */
export function ProofUploadForm({
  t,
  ...upload
}: RequesterUploadProps & { t: { hint: string; submit: string; sendError: string } }) {
  const { pending, errors, formError, submit } = useRequesterUpload(upload, "proofs", t.sendError);
  const { kinds } = upload;
  const listed = Object.entries(errors);
  return (
    <form onSubmit={submit} noValidate encType="multipart/form-data">
      {formError || listed.length ? (
        <div className="field-error" role="alert">
          {formError ??
            listed
              .map(([path, message]) => `${kinds.find((k) => `proofs.${k.kind}` === path)?.label ?? path} : ${message}`)
              .join(" · ")}
        </div>
      ) : null}
      <p className="hint" id="proof-hint">
        {t.hint}
      </p>
      <ProofFileInputs kinds={kinds} errors={errors} idPrefix="proof" hintId="proof-hint" />
      <button type="submit" className="button" disabled={pending}>
        {t.submit}
      </button>
    </form>
  );
}
