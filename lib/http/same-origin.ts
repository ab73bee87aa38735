import { env } from "@/lib/env";

/**
 * Cookie-authenticated POSTs accept only this site's own pages: a browser always sends Origin on a
 * cross-site POST, so a foreign origin is refused (a missing header is a same-origin or non-browser call).
 */
export function isForeignOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  return origin !== null && origin !== new URL(env().APP_URL).origin;
}
