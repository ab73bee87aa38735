"use client";

import { useParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { FAILURE } from "@/lib/i18n/failure";
import { isLocale } from "@/lib/i18n/locale";

/** A page that failed to build (e.g. the database unavailable): what happened and a retry, never a sign-in form. */
export default function PageFailure({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { locale } = useParams<{ locale: string }>();
  const t = FAILURE[isLocale(locale) ? locale : "fr"];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className="narrow" id="content">
      <h1 ref={heading} tabIndex={-1}>
        {t.title}
      </h1>
      <p role="alert">{t.text}</p>
      <button type="button" onClick={reset}>
        {t.retry}
      </button>
    </main>
  );
}
