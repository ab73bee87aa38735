import { env } from "@/lib/env";

/**
 * The address of the TCP peer of the request, written by the server itself (prepareIncomingRequests,
 * run from instrumentation.ts) over whatever a client sent under that name.
 */
export const SOCKET_ADDRESS_HEADER = "x-dsr-socket-address";

/**
 * The client's address, for rate limits and the staff sign-in log. Behind a reverse proxy
 * (TRUST_PROXY): the LAST entry of X-Forwarded-For, the address the proxy saw (earlier entries are
 * whatever the client claimed). Otherwise the socket's peer: an X-Forwarded-For then is only what
 * the client claimed. "unknown" when neither is there.
 */
export function clientIpFrom(headers: Headers, trustProxy: boolean = env().TRUST_PROXY): string {
  const address = trustProxy ? headers.get("x-forwarded-for")?.split(",").at(-1) : headers.get(SOCKET_ADDRESS_HEADER);
  return address?.trim() || "unknown";
}
