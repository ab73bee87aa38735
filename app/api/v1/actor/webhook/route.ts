import { routeMethods } from "@/lib/api/methods";
import { handleApi, json } from "@/lib/api/respond";
import { authorizeActorKey } from "@/lib/actors/api-keys";
import { db } from "@/lib/db";

/** The key's actor's callback URL and its latest deliveries (the delivery log). */
async function read(request: Request) {
  return handleApi(request, async () => {
    const caller = await authorizeActorKey(db(), request.headers.get("authorization"));
    const webhook = await db().actorWebhook.findUnique({
      where: { healthActorId: caller.healthActorId },
      select: {
        url: true,
        deliveries: {
          orderBy: { createdAt: "desc" },
          take: Math.min(100, Math.max(1, Number(new URL(request.url).searchParams.get("limit") ?? 20) || 20)),
          select: {
            id: true,
            partId: true,
            event: true,
            status: true,
            attempts: true,
            lastStatusCode: true,
            lastError: true,
            createdAt: true,
            deliveredAt: true,
          },
        },
      },
    });
    return json({ url: webhook?.url ?? null, deliveries: webhook?.deliveries ?? [] });
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: read });
