import { routeMethods } from "@/lib/api/methods";
import { marketingAudience, ZAudienceQuery } from "@/lib/marketing/audience";
import { handleApi, json } from "@/lib/api/respond";
import { authorizeApiCall } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { badCursor, isUuid } from "@/lib/validation/ids";

/** GET /api/v1/marketing/audience?channel=email[&after=<id>][&limit=500][&email=…]: who marketing may write to now. */
async function audience(request: Request) {
  return handleApi(request, async () => {
    await authorizeApiCall(db(), request.headers.get("authorization"), "marketing.sync");
    const params = new URL(request.url).searchParams;
    const after = params.get("after") ?? undefined;
    if (after !== undefined && !isUuid(after)) throw badCursor("after");
    const query = ZAudienceQuery.parse({
      channel: params.get("channel"),
      after,
      limit: params.get("limit") ?? undefined,
      email: params.getAll("email"),
    });
    return json(await marketingAudience(db(), query));
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: audience });
