import { routeMethods } from "@/lib/api/methods";
import { handleApi, json } from "@/lib/api/respond";
import { authorizeApiCall } from "@/lib/auth/api-token";
import { caseNotFound } from "@/lib/case-file/with-case";
import { db } from "@/lib/db";
import { presentRequest, REQUEST_VIEW_INCLUDE } from "@/lib/requests/present-request";
import { isReference } from "@/lib/validation/ids";

async function read(request: Request, { params }: { params: Promise<{ reference: string }> }) {
  return handleApi(request, async (locale) => {
    await authorizeApiCall(db(), request.headers.get("authorization"), "requests.read");
    const { reference } = await params;
    const found = isReference(reference)
      ? await db().rightsRequest.findUnique({ where: { reference }, include: REQUEST_VIEW_INCLUDE })
      : null;
    if (!found) throw caseNotFound(isReference(reference) ? reference : null);
    return json(presentRequest(found, locale, true));
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
