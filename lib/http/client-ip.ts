/**
 * The client's address as the reverse proxy in front of the app saw it: the LAST entry of
 * X-Forwarded-For (earlier entries are whatever the client claimed). Without a proxy: "direct".
 */
export function clientIpFrom(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() || "direct";
}
