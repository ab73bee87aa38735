import { AppError, errorBody } from "@/lib/errors/app-error";
import { localeFromAcceptLanguage } from "@/lib/i18n/locale";
import { json } from "./respond";

/** A route handler; its second argument is the route's own context (its params). */
// biome-ignore lint/suspicious/noExplicitAny: each route's context has its own params type, which Next.js checks
type Handler = (request: Request, context?: any) => Response | Promise<Response>;
type ServedMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

const SERVABLE: readonly ServedMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Every HTTP method of a route file, for it to export: those it serves, HEAD as GET where it serves
 * GET, OPTIONS telling what it serves, and any other a 405 in the API's JSON error shape with an
 * Allow header (Next.js would answer it with an empty body). Used by every route file:
 *   export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
 */
export function routeMethods(
  served: Partial<Record<ServedMethod, Handler>>,
): Record<ServedMethod | "HEAD" | "OPTIONS", Handler> {
  const allowed = SERVABLE.filter((m) => served[m]);
  const allow = [...allowed, ...(served.GET ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const notAllowed: Handler = (request) => {
    const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
    const error = new AppError("method_not_allowed", {
      fr: `La méthode ${request.method} n'est pas permise ici (permises : ${allow}).`,
      en: `Method ${request.method} is not allowed here (allowed: ${allow}).`,
    });
    return json(errorBody(error, locale), 405, { Allow: allow });
  };
  const options: Handler = () => new Response(null, { status: 204, headers: { Allow: allow } });
  const methods = Object.fromEntries(SERVABLE.map((m) => [m, served[m] ?? notAllowed])) as Record<
    ServedMethod,
    Handler
  >;
  return { ...methods, HEAD: served.GET ?? notAllowed, OPTIONS: options };
}
