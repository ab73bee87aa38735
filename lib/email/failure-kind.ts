/**
 * Why an outbox mail failed, in the terms the DPO team acts on (the texts are in lib/i18n/messages.ts,
 * backoffice.undelivered.kinds). Read from the server's stored answer: its enhanced status code
 * (RFC 3463, "5.1.1") when it gave one, else its reply code (RFC 5321).
 */
export const FAILURE_KINDS = [
  "no_such_address",
  "no_such_domain",
  "mailbox_unavailable",
  "mailbox_disabled",
  "mailbox_full",
  "too_large",
  "policy",
  "refused",
  "not_delivered",
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

const BY_ENHANCED: [RegExp, FailureKind][] = [
  [/^5\.1\.[0136]$|^5\.1\.10$/, "no_such_address"],
  [/^5\.1\.2$|^5\.4\.4$/, "no_such_domain"],
  [/^5\.2\.1$/, "mailbox_disabled"],
  [/^5\.2\.2$/, "mailbox_full"],
  [/^5\.2\.3$|^5\.3\.4$/, "too_large"],
  [/^5\.7\.\d{1,3}$/, "policy"],
];

/** Without an enhanced code: 550 and 551 say the mailbox is unavailable (most often, no such address; sometimes a policy). */
const BY_REPLY: Record<number, FailureKind> = {
  550: "mailbox_unavailable",
  551: "mailbox_unavailable",
  552: "mailbox_full",
  553: "no_such_address",
};

export function failureKind(answer: { code: number | null; response: string | null }): FailureKind {
  // A 4xx answer or none at all: the attempts ran out (or kept being cut) without a refusal for good.
  if (answer.code === null || answer.code < 500) return "not_delivered";
  const enhanced = /\b(5\.\d{1,3}\.\d{1,3})\b/.exec(answer.response ?? "")?.[1];
  if (enhanced) return BY_ENHANCED.find(([pattern]) => pattern.test(enhanced))?.[1] ?? "refused";
  return BY_REPLY[answer.code] ?? "refused";
}
