import { handleApi, json, notFound } from "@/lib/api/respond";
import { authorizeApiCall } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { presentRequest, REQUEST_VIEW_INCLUDE } from "@/lib/requests/present-request";

export async function GET(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  return handleApi(request, async (locale) => {
    await authorizeApiCall(db(), request.headers.get("authorization"), "requests.read");
    const { reference } = await params;
    const found = await db().rightsRequest.findUnique({ where: { reference }, include: REQUEST_VIEW_INCLUDE });
    if (!found) throw notFound({ fr: `Aucune demande ${reference}.`, en: `No request ${reference}.` });
    return json(presentRequest(found, locale, true));
  });
}
