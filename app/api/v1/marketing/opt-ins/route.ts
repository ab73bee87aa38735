import { routeMethods } from "@/lib/api/methods";
import { importMarketingOptIns, ZOptIns } from "@/lib/marketing/suppression";
import { handleApi, json, readJson } from "@/lib/api/respond";
import { authorizeApiCall } from "@/lib/auth/api-token";
import { db } from "@/lib/db";

/** POST /api/v1/marketing/opt-ins { contacts: [{ email, channel }] }: imported, except the addresses of those who objected. */
async function importOptIns(request: Request) {
  return handleApi(request, async () => {
    await authorizeApiCall(db(), request.headers.get("authorization"), "marketing.sync");
    const { contacts } = ZOptIns.parse(await readJson(request));
    return json(await importMarketingOptIns(db(), contacts));
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: importOptIns });
