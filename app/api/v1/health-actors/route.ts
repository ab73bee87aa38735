import { routeMethods } from "@/lib/api/methods";
import { handleApi, json } from "@/lib/api/respond";
import { authorizeApiCall } from "@/lib/auth/api-token";
import { db } from "@/lib/db";

async function list(request: Request) {
  return handleApi(request, async () => {
    await authorizeApiCall(db(), request.headers.get("authorization"), "health_actors.read");
    const actors = await db().healthActor.findMany({
      select: { id: true, name: true, kind: true, specialty: true, city: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    return json(actors);
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: list });
