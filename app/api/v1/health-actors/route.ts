import { handleApi, json } from "@/lib/api/respond";
import { authorizeApiCall } from "@/lib/auth/api-token";
import { db } from "@/lib/db";

export async function GET(request: Request) {
  return handleApi(request, async () => {
    await authorizeApiCall(db(), request.headers.get("authorization"), "health_actors.read");
    const actors = await db().healthActor.findMany({
      select: { id: true, name: true, kind: true, specialty: true, city: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    return json(actors);
  });
}
