import type { Activity } from "@/lib/registry/types";
import { RIGHT_DEFINITIONS } from ".";
import type { DetailField, RequestToAct } from "./types";

export type { DetailField, DetailsGiven, RequestToAct } from "./types";

const given = (value: string | readonly unknown[] | undefined) =>
  typeof value === "string" ? value.trim() !== "" : (value?.length ?? 0) > 0;

/**
 * The details a request still lacks for its right (by default every field the right reads). The
 * clock of a request starts when it is received, whatever it says (GDPR Art. 12(3)): one received
 * by post, e-mail, phone or through the API is registered without them and flagged to clarify, and
 * the DPO asks the requester (Recital 63). The patient's own form asks for them before it submits.
 */
export function missingDetails(request: RequestToAct, activities: readonly Activity[]): DetailField[] {
  const right = RIGHT_DEFINITIONS[request.right];
  if (right.needs) return right.needs(request, new Map(activities.map((a) => [a.key, a])));
  return right.detailFields.filter((field) => !given(request.details[field]));
}
