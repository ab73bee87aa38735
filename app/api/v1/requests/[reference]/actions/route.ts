import { handleApi, json, readJson } from "@/lib/api/respond";
import { authorizeApiCall } from "@/lib/auth/api-token";
import type { Permission } from "@/lib/auth/permissions";
import { addNote } from "@/lib/cases/add-note";
import { assignCase } from "@/lib/cases/assign-case";
import { ZCaseAction } from "@/lib/cases/case-action.schema";
import { decideIdentity, ZIdentityDecision } from "@/lib/cases/decide-identity";
import { db } from "@/lib/db";
import { presentRequest, REQUEST_VIEW_INCLUDE } from "@/lib/requests/present-request";
import { getStorage } from "@/lib/storage";

const PERMISSION: Record<string, Permission> = { assign: "requests.assign", note: "requests.note", decide_identity: "identity.decide" };

/** A back-office action on a case, under the same rules and permission matrix as the pages. */
export async function POST(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  return handleApi(request, async (locale) => {
    const body = await readJson(request);
    const kind = typeof body === "object" && body !== null && "action" in body ? String((body as { action: unknown }).action) : "";
    const caller = await authorizeApiCall(db(), request.headers.get("authorization"), PERMISSION[kind] ?? "requests.read");
    const action = ZCaseAction.parse(body);
    const { reference } = await params;
    const actor = { type: "api" as const, staffId: caller.staffUserId, actorId: caller.tokenId };
    switch (action.action) {
      case "assign":
        await assignCase(db(), reference, action.agentId, actor);
        break;
      case "note":
        await addNote(db(), reference, action.text, actor);
        break;
      case "decide_identity":
        await decideIdentity(db(), getStorage(), reference, ZIdentityDecision.parse(action), actor);
        break;
    }
    const updated = await db().rightsRequest.findUniqueOrThrow({ where: { reference }, include: REQUEST_VIEW_INCLUDE });
    return json(presentRequest(updated, locale, true));
  });
}
