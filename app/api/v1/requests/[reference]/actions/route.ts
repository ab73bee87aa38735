import { handleApi, json, readJson } from "@/lib/api/respond";
import { authorizeApiCall } from "@/lib/auth/api-token";
import { CASE_ACTION_PERMISSIONS, type CaseActionName } from "@/lib/cases/case-action.schema";
import { runCaseAction } from "@/lib/cases/run-case-action";
import { db } from "@/lib/db";
import { presentRequest, REQUEST_VIEW_INCLUDE } from "@/lib/requests/present-request";

/** A back-office action on a case, under the same rules and permission matrix as the pages. */
export async function POST(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  return handleApi(request, async (locale) => {
    const body = await readJson(request);
    const kind = typeof body === "object" && body !== null && "action" in body ? String((body as { action: unknown }).action) : "";
    const caller = await authorizeApiCall(db(), request.headers.get("authorization"), CASE_ACTION_PERMISSIONS[kind as CaseActionName] ?? "requests.read");
    const { reference } = await params;
    await runCaseAction(reference, body, { type: "api", staffId: caller.staffUserId, actorId: caller.tokenId });
    const updated = await db().rightsRequest.findUniqueOrThrow({ where: { reference }, include: REQUEST_VIEW_INCLUDE });
    return json(presentRequest(updated, locale, true));
  });
}
