/** What the SMTP catcher (maildev) received for a set of addresses, for drills and benchmarks. */
export interface MailCount {
  /** Distinct mails (by Message-ID) to the addresses. */
  delivered: number;
  /** Mails received again with a Message-ID already seen. */
  repeated: number;
  /** Addresses that received nothing. */
  missing: string[];
  /** When the catcher received the last of them (ms since the epoch, to the second). */
  lastAt?: number;
}

interface CaughtMail {
  to: { address: string }[];
  headers: Record<string, string>;
  time: string;
}

/** Counts the mails to `addresses` in the catcher at `maildevUrl`. */
export async function countMail(maildevUrl: string, addresses: string[]): Promise<MailCount | null> {
  const response = await fetch(`${maildevUrl}/api/email`).catch(() => null);
  if (!response?.ok) return null;
  const wanted = new Set(addresses);
  const byAddress = new Map<string, string[]>();
  let lastAt = 0;
  for (const mail of (await response.json()) as CaughtMail[]) {
    for (const to of mail.to) {
      if (!wanted.has(to.address)) continue;
      byAddress.set(to.address, [...(byAddress.get(to.address) ?? []), mail.headers["message-id"] ?? ""]);
      lastAt = Math.max(lastAt, Date.parse(mail.time));
    }
  }
  const ids = [...byAddress.values()].flat();
  const distinct = new Set(ids).size;
  return {
    delivered: distinct,
    repeated: ids.length - distinct,
    missing: addresses.filter((a) => !byAddress.has(a)),
    lastAt: lastAt || undefined,
  };
}

/** Waits until every address received a mail (or `timeoutMs` is over), polling every second. */
export async function waitForMail(maildevUrl: string, addresses: string[], timeoutMs: number): Promise<MailCount> {
  const deadline = Date.now() + timeoutMs;
  let count: MailCount = { delivered: 0, repeated: 0, missing: addresses };
  while (Date.now() < deadline) {
    count = (await countMail(maildevUrl, addresses)) ?? count;
    if (count.missing.length === 0) return count;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return count;
}
