"use client";

import { useEffect, useRef, type HTMLInputTypeAttribute } from "react";

/** Field path -> translated message. */
export type FieldErrors = Record<string, string>;

export function Field(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
  type?: HTMLInputTypeAttribute;
  hint?: string;
  multiline?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "text";
  readOnly?: boolean;
}) {
  const error = props.errors[props.name];
  const describedBy =
    [props.hint ? `${props.name}-hint` : null, error ? `${props.name}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  const common = {
    id: props.name,
    name: props.name,
    value: props.value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    readOnly: props.readOnly,
  };
  return (
    <div>
      <label htmlFor={props.name}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${props.name}-error`}>
          {error}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea {...common} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? "text"}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </div>
  );
}

export function ChoiceList(props: {
  name: string;
  legend: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string; description?: string }[];
  error?: string;
}) {
  return (
    <fieldset id={props.name} aria-describedby={props.error ? `${props.name}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.error ? (
        <p className="field-error" id={`${props.name}-error`}>
          {props.error}
        </p>
      ) : null}
      {props.options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type="radio"
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          <span>
            <strong>{o.label}</strong>
            {o.description ? <span className="hint">{o.description}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Lists the errors with links to their fields, and takes the focus so screen readers announce it. */
export function ErrorSummary({ title, errors }: { title: string; errors: FieldErrors }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new set of errors takes the focus, even of the same size
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
  }, [entries.length, errors]);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <a href={`#${path}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
