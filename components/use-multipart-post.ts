"use client";

import { useState, useTransition } from "react";

type Result = { ok: true } | { ok: false; message: string; fields: { path: string; message: string }[] };

/**
 * Posts a form with files to one of the site's upload routes (they answer in the server actions'
 * shape): the field errors by path, or the form's error, or `onDone` on success.
 */
export function useMultipartPost(sendError: string) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function post(url: string, form: FormData, onDone: () => void) {
    startTransition(async () => {
      try {
        const result = (await (await fetch(url, { method: "POST", body: form })).json()) as Result;
        if (result.ok) {
          setErrors({});
          setFormError(null);
          onDone();
        } else {
          setErrors(Object.fromEntries(result.fields.map((f) => [f.path, f.message])));
          setFormError(result.fields.length ? null : result.message);
        }
      } catch {
        setFormError(sendError);
      }
    });
  }
  return { pending, errors, formError, post };
}
