/**
 * What the SMTP server answered to one attempt, read from nodemailer's result or error: whether the
 * refusal is for good, and the answer itself, kept on the outbox row.
 */
export interface SmtpRefusal {
  /** True when sending it again as it is cannot succeed: the row is failed at once. */
  permanent: boolean;
  /** The server's reply code (550, 451...), or null when no server answered (connection cut, timeout). */
  code: number | null;
  /** The server's reply as it gave it, e.g. "550 5.1.1 <x@y>: Recipient address rejected". */
  response: string | null;
  rejected: string[];
}

/** The reply code at the start of a server's answer ("250 2.0.0 Ok: queued as 4FZ" -> 250). */
export function replyCode(response: string | null | undefined): number | null {
  const match = /^([2-5]\d\d)[ -]/.exec(response ?? "");
  return match ? Number(match[1]) : null;
}

/**
 * Reads a failed attempt. Permanent: the server refused this mail with a 5xx answer (the sender,
 * every recipient, or the message), or nodemailer itself refused the envelope or the message (an
 * address it cannot write, a message over the server's size limit). Transient: a 4xx answer, a
 * connection that failed, timed out or was cut, and a refusal of the session rather than of the mail
 * (authentication, TLS, greeting): those are the server's or our configuration's state, and every
 * mail would be failed for good if they counted as refusals; they retry with back-off instead.
 */
export function readSmtpError(error: unknown): SmtpRefusal {
  const e = (typeof error === "object" && error !== null ? error : {}) as {
    code?: unknown;
    response?: unknown;
    responseCode?: unknown;
    rejected?: unknown;
    rejectedErrors?: { responseCode?: unknown }[];
  };
  const response = typeof e.response === "string" ? e.response.slice(0, 1000) : null;
  const code = typeof e.responseCode === "number" ? e.responseCode : replyCode(response);
  const rejected = Array.isArray(e.rejected) ? e.rejected.filter((r): r is string => typeof r === "string") : [];
  const aboutThisMail = e.code === "EENVELOPE" || e.code === "EMESSAGE";
  // Every recipient rejected: for good only if every rejection was (a 451 for one is worth a retry).
  const recipientsForGood = (e.rejectedErrors ?? []).every(
    (r) => typeof r.responseCode === "number" && r.responseCode >= 500,
  );
  const permanent = aboutThisMail && (code === null || code >= 500) && recipientsForGood;
  return { permanent, code, response, rejected };
}
