"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { useMultipartPost } from "./use-multipart-post";

export interface ActorAnswerText {
  answerMode: string;
  answerPortal: string;
  answerOther: string;
  answerFile: string;
  answerSentOn: string;
  answerChannel: string;
  answerSubmit: string;
  sendError: string;
}

/** The actor's answer: a document passed on to the requester, or the record of an answer sent otherwise. */
export function ActorAnswerForm({ locale, partId, t }: { locale: Locale; partId: string; t: ActorAnswerText }) {
  const router = useRouter();
  const [mode, setMode] = useState<"portal" | "other">("portal");
  const { pending, errors, formError, post } = useMultipartPost(t.sendError);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    post(`/api/pro/parts/${partId}/answer?locale=${locale}`, new FormData(event.currentTarget), () => router.refresh());
  }

  const field = (name: string, label: string, input: React.ReactNode) => (
    <div>
      <label htmlFor={`answer-${name}`}>{label}</label>
      {errors[name] ? (
        <p className="field-error" id={`answer-${name}-error`}>
          {errors[name]}
        </p>
      ) : null}
      {input}
    </div>
  );
  const described = (name: string) =>
    errors[name] ? { "aria-invalid": true as const, "aria-describedby": `answer-${name}-error` } : {};
  const listed = Object.values(errors);
  return (
    <form onSubmit={submit} noValidate>
      {formError || listed.length ? (
        <p className="field-error" role="alert">
          {formError ?? listed.join(" · ")}
        </p>
      ) : null}
      <fieldset>
        <legend>{t.answerMode}</legend>
        <label className="choice">
          <input
            type="radio"
            name="mode"
            value="portal"
            checked={mode === "portal"}
            onChange={() => setMode("portal")}
          />{" "}
          <span>{t.answerPortal}</span>
        </label>
        <label className="choice">
          <input type="radio" name="mode" value="other" checked={mode === "other"} onChange={() => setMode("other")} />{" "}
          <span>{t.answerOther}</span>
        </label>
      </fieldset>
      {mode === "portal" ? (
        field(
          "file",
          t.answerFile,
          <input
            id="answer-file"
            name="file"
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            {...described("file")}
          />,
        )
      ) : (
        <>
          {field(
            "sentOn",
            t.answerSentOn,
            <input id="answer-sentOn" name="sentOn" type="date" {...described("sentOn")} />,
          )}
          {field(
            "channel",
            t.answerChannel,
            <input id="answer-channel" name="channel" type="text" maxLength={200} {...described("channel")} />,
          )}
        </>
      )}
      <button type="submit" className="button" disabled={pending}>
        {t.answerSubmit}
      </button>
    </form>
  );
}
