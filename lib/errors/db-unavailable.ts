/**
 * Whether an error means the database cannot be used right now (down, restarting, unreachable,
 * out of connections) rather than that the request was wrong: the one place that knows what
 * Prisma, its PostgreSQL adapter and node-postgres throw then. Such a failure is a 503 with
 * Retry-After (lib/errors/app-error.ts), never a refusal of the caller's credentials.
 */

/** Prisma's codes for a server it cannot reach, a timeout, a closed connection, an exhausted pool. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** What @prisma/adapter-pg reports (DriverAdapterError cause kinds). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Socket errors of node-postgres before or while talking to the server. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);
/** node-postgres's own messages when the server goes away or does not answer. */
const PG_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error/,
];

/** PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (shutdown, cannot connect now), 53300 (too many connections). */
export function isUnavailableSqlState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300";
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const e = error as {
    code?: unknown;
    errorCode?: unknown;
    kind?: unknown;
    message?: unknown;
    meta?: { driverAdapterError?: unknown };
    cause?: unknown;
    errors?: unknown;
  };
  // Prisma's errors carry `code` (or `errorCode`), node-postgres's the SQLSTATE or the socket's code.
  const code = typeof e.code === "string" ? e.code : typeof e.errorCode === "string" ? e.errorCode : "";
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isUnavailableSqlState(code)) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && PG_MESSAGES.some((m) => m.test(e.message as string))) return true;
  const nested = [e.meta?.driverAdapterError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
