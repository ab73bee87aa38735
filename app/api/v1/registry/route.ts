import { routeMethods } from "@/lib/api/methods";
import { handleApi, json } from "@/lib/api/respond";
import { authorizeApiCall } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { currentRegistry } from "@/lib/registry";

async function read(request: Request) {
  return handleApi(request, async () => {
    await authorizeApiCall(db(), request.headers.get("authorization"), "registry.read");
    const registry = currentRegistry();
    return json({
      version: registry.version,
      activities: registry.activities.map((a) => ({
        key: a.key,
        purpose: a.purpose,
        controller: a.controller,
        legalBases: a.legalBases,
        dataCategories: a.dataCategories,
        retention: a.retention,
        recipients: a.recipients,
        directMarketing: a.directMarketing,
        medicalRecord: a.medicalRecord,
      })),
    });
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
