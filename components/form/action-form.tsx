"use client";

import { type ReactNode, startTransition, useActionState, useEffect, useId, useRef } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { flattenErrors } from "@/lib/forms/field-errors";
import { FORM_NOTICES } from "@/lib/i18n/errors";
import type { Locale } from "@/lib/i18n/locale";
import { FormFieldsContext } from "./fields";
import type { FormName } from "./forms";
import { formResolver } from "./resolver";

type Failure = { ok: false; message: string; fields: { path: string; message: string }[] };
/** What a server action of a form returns (lib/errors/app-error.ts, runAction). */
type Outcome = { ok: true } | Failure;

/**
 * A form bound to a server action and checked as you type with the action's own schema: a field's
 * error shows when it is left and when the form is sent, next to it; on sending, the errors are listed
 * above the fields (each named by its label) and the focus goes to the first wrong field. The server
 * checks everything again; what it refuses is shown the same way.
 */
export function ActionForm<R extends Outcome>({
  id,
  form,
  locale,
  action,
  submitLabel,
  children,
  done,
}: {
  id: string;
  form: FormName;
  locale: Locale;
  action: (previous: R | null, data: FormData) => Promise<R>;
  submitLabel: string;
  children: ReactNode;
  /** What to show once the action succeeded (by default, that it is saved). */
  done?: (result: Extract<R, { ok: true }>) => ReactNode;
}) {
  const methods = useForm({ resolver: formResolver(form, locale), mode: "onTouched", shouldFocusError: true });
  const [state, formAction, pending] = useActionState<R | null, FormData>(action, null);
  const element = useRef<HTMLFormElement>(null);
  const labels = useRef(new Map<string, string>()).current;
  const summaryId = `${useId()}-summary`;

  // The server's answer: its field errors go on the fields (the first takes the focus); a success
  // clears the form for the next entry.
  const { setError, reset, setFocus } = methods;
  useEffect(() => {
    if (!state) return;
    if (state.ok) reset();
    else
      state.fields.forEach((f, i) => {
        setError(f.path || "root", { type: "server", message: f.message });
        if (i === 0 && f.path) setFocus(f.path);
      });
  }, [state, reset, setError, setFocus]);

  const errors = methods.formState.submitCount > 0 ? flattenErrors(methods.formState.errors) : [];
  const failure = state && !state.ok && state.fields.length === 0 ? state.message : null;
  return (
    <FormProvider {...methods}>
      <FormFieldsContext.Provider value={{ formId: id, labels }}>
        <form
          ref={element}
          noValidate
          aria-describedby={errors.length || failure ? summaryId : undefined}
          onSubmit={methods.handleSubmit(() => {
            const data = new FormData(element.current!);
            startTransition(() => formAction(data));
          })}
        >
          {errors.length || failure ? (
            <div className="field-error" role="alert" id={summaryId}>
              {failure ? <p>{failure}</p> : null}
              {errors.length ? (
                <>
                  <p>{FORM_NOTICES.summary[locale]}</p>
                  <ul>
                    {errors.map((e) => (
                      <li key={e.path}>
                        {labels.get(e.path) ? `${labels.get(e.path)} : ` : ""}
                        {e.message}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ) : null}
          {state?.ok && !pending ? (
            <p className="notice ok" role="status">
              {done ? done(state as Extract<R, { ok: true }>) : FORM_NOTICES.done[locale]}
            </p>
          ) : null}
          {children}
          <button type="submit" className="button secondary" disabled={pending}>
            {submitLabel}
          </button>
        </form>
      </FormFieldsContext.Provider>
    </FormProvider>
  );
}
