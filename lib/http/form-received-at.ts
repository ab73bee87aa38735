import { isIsoDay, parisInstant } from "@/lib/deadlines";
import { AppError } from "@/lib/errors/app-error";
import { rangeDayProblem } from "@/lib/validation/dates";

/**
 * A receipt time typed by staff as a Paris date and time (fields `<prefix>Day` and `<prefix>Time`),
 * as an RFC 3339 instant. `fallback` when both are empty; a 422 on `path` when malformed.
 */
export function receivedAtFromForm(form: FormData, prefix: string, path: string, fallback?: Date): string {
  const day = String(form.get(`${prefix}Day`) ?? "").trim();
  const time = String(form.get(`${prefix}Time`) ?? "").trim() || "09:00";
  if (!day && fallback) return fallback.toISOString();
  if (!isIsoDay(day) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw AppError.validation([{ path, key: "datetime" }]);
  // Within the portal's calendar (the schema of the instant then bounds it further).
  const outside = rangeDayProblem(day);
  if (outside) throw AppError.validation([{ path, key: outside }]);
  return parisInstant(day, time).toISOString();
}
