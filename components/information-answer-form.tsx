"use client";

import { ProofFileInputs, type RequesterUploadProps, useRequesterUpload } from "./requester-upload";

export interface InformationAnswerText {
  label: string;
  either: string;
  documents: string;
  hint: string;
  submit: string;
  sendError: string;
}

/**
 * The requester's answer to a request for information: text, and the documents asked while the
 * identity is checked. Signed in, or through the e-mail's answer link (`answerLink`). Errors are
 * announced and tied to their field; on success the page `doneUrl` opens.
 */
export function InformationAnswerForm({ t, ...upload }: RequesterUploadProps & { t: InformationAnswerText }) {
  const { pending, errors, formError, submit } = useRequesterUpload(upload, "answer", t.sendError);
  const { kinds } = upload;
  const messageError = errors.message;
  const fileErrors = kinds.filter(({ kind }) => errors[`proofs.${kind}`]);
  return (
    <form onSubmit={submit} noValidate encType="multipart/form-data">
      {formError || fileErrors.length ? (
        <div className="field-error" role="alert">
          {formError ?? fileErrors.map(({ kind, label }) => `${label} : ${errors[`proofs.${kind}`]}`).join(" · ")}
        </div>
      ) : null}
      {kinds.length > 0 ? <p id="reply-either">{t.either}</p> : null}
      <label htmlFor="reply-message">{t.label}</label>
      {messageError ? (
        <p className="field-error" id="reply-error" role="alert">
          {messageError}
        </p>
      ) : null}
      <textarea
        id="reply-message"
        name="message"
        rows={6}
        maxLength={5000}
        aria-describedby={
          [messageError ? "reply-error" : "", kinds.length > 0 ? "reply-either" : ""].filter(Boolean).join(" ") ||
          undefined
        }
        aria-invalid={messageError ? true : undefined}
      />
      {kinds.length > 0 ? (
        <fieldset>
          <legend>{t.documents}</legend>
          <p className="hint" id="reply-files-hint">
            {t.hint}
          </p>
          <ProofFileInputs kinds={kinds} errors={errors} idPrefix="answer" hintId="reply-files-hint" />
        </fieldset>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {t.submit}
      </button>
    </form>
  );
}
