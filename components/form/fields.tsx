"use client";

import { createContext, type HTMLInputTypeAttribute, type ReactNode, useContext } from "react";
import { get, useFormContext, useFormState } from "react-hook-form";

/** What the fields of one form share: its id (field ids are unique on a page) and their labels. */
export const FormFieldsContext = createContext<{ formId: string; labels: Map<string, string> }>({
  formId: "form",
  labels: new Map(),
});

/** A field's id, its error's id, and its error (shown once the field was left or the form sent). */
function useField(name: string, label: string, errorPath = name) {
  const { formId, labels } = useContext(FormFieldsContext);
  const { errors } = useFormState({ name: errorPath });
  labels.set(errorPath, label);
  const id = `${formId}-${name.replaceAll(".", "-")}`;
  const message = (get(errors, errorPath) as { message?: string } | undefined)?.message;
  return { id, errorId: `${id}-error`, message };
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  ) : null;
}

/** A field's label, its hint and its error, above the control. */
function FieldHead(props: { id: string; label: string; hint?: ReactNode; errorId: string; message?: string }) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={props.errorId} message={props.message} />
    </>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

/** A labelled text input or text area; `errorPath` when the form's body names it otherwise. */
export function TextField(props: {
  name: string;
  label: string;
  hint?: ReactNode;
  type?: HTMLInputTypeAttribute;
  multiline?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email" | "url";
  defaultValue?: string;
  errorPath?: string;
}) {
  const { register } = useFormContext();
  const { id, errorId, message } = useField(props.name, props.label, props.errorPath);
  const control = {
    id,
    ...register(props.name),
    defaultValue: props.defaultValue,
    "aria-invalid": message ? true : undefined,
    "aria-describedby": describedBy(props.hint ? `${id}-hint` : undefined, message && errorId),
  };
  return (
    <div className="field">
      <FieldHead id={id} label={props.label} hint={props.hint} errorId={errorId} message={message} />
      {props.multiline ? (
        <textarea {...control} />
      ) : (
        <input
          {...control}
          type={props.type ?? "text"}
          autoComplete={props.autoComplete ?? "off"}
          inputMode={props.inputMode}
        />
      )}
    </div>
  );
}

/** A labelled select. */
export function SelectField(props: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
}) {
  const { register } = useFormContext();
  const { id, errorId, message } = useField(props.name, props.label);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <FieldError id={errorId} message={message} />
      <select
        id={id}
        {...register(props.name)}
        defaultValue={props.defaultValue}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? errorId : undefined}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A choice among options under a legend: one (radio buttons) or several (checkboxes). */
export function ChoiceField(props: {
  name: string;
  legend: string;
  options: readonly { value: string; label: ReactNode; hint?: ReactNode }[];
  multiple?: boolean;
  defaultValue?: string | string[];
}) {
  const { register } = useFormContext();
  const { id, errorId, message } = useField(props.name, props.legend);
  const checked = (value: string) =>
    Array.isArray(props.defaultValue) ? props.defaultValue.includes(value) : props.defaultValue === value;
  return (
    <fieldset id={id} aria-describedby={message ? errorId : undefined} aria-invalid={message ? true : undefined}>
      <legend>{props.legend}</legend>
      <FieldError id={errorId} message={message} />
      {props.options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type={props.multiple ? "checkbox" : "radio"}
            value={o.value}
            defaultChecked={checked(o.value)}
            {...register(props.name)}
          />{" "}
          <span>
            {o.label}
            {o.hint ? <span className="hint">{o.hint}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
