import { routeMethods } from "@/lib/api/methods";
import { handleApi, json, readJson } from "@/lib/api/respond";
import { authenticateApiCall, requirePermission } from "@/lib/auth/api-token";
import { CASE_ACTION_PERMISSIONS, caseActionName } from "@/lib/cases/case-action.schema";
import { runCaseAction } from "@/lib/cases/run-case-action";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { presentRequest, REQUEST_VIEW_INCLUDE } from "@/lib/requests/present-request";
import { requireReference } from "@/lib/validation/ids";

/**
 * A back-office action on a case, under the same rules and permission matrix as the pages. The token
 * is checked before the body is read: an anonymous call is a 401 whatever it sends.
 */
async function act(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  return handleApi(request, async (locale) => {
    const caller = await authenticateApiCall(db(), request.headers.get("authorization"));
    const reference = requireReference((await params).reference);
    const body = await readJson(request);
    const action = caseActionName(body);
    if (!action) throw AppError.validation([{ path: "action", key: "choice" }]);
    requirePermission(caller, CASE_ACTION_PERMISSIONS[action]);
    await runCaseAction(reference, body, { type: "api", staffId: caller.staffUserId, actorId: caller.tokenId });
    const updated = await db().rightsRequest.findUniqueOrThrow({ where: { reference }, include: REQUEST_VIEW_INCLUDE });
    return json(presentRequest(updated, locale, true));
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: act });
