import { routeMethods } from "@/lib/api/methods";
import { handleApi, json } from "@/lib/api/respond";
import { authorizeActorKey } from "@/lib/actors/api-keys";
import { listActorParts } from "@/lib/actors/inbox";
import { db } from "@/lib/db";
import { isIsoDay } from "@/lib/deadlines";
import { AppError } from "@/lib/errors/app-error";
import { badCursor, isUuid } from "@/lib/validation/ids";

/**
 * The parts of the key's health actor, by due date: `?status=open` (default) or `done`, and
 * `?cursor=` from the previous page's `nextCursor`.
 */
async function list(request: Request) {
  return handleApi(request, async () => {
    const caller = await authorizeActorKey(db(), request.headers.get("authorization"));
    const params = new URL(request.url).searchParams;
    const status = params.get("status") ?? "open";
    if (status !== "open" && status !== "done") throw AppError.validation([{ path: "status", key: "choice" }]);
    const cursor = params.get("cursor");
    const [dueDate, id] = cursor?.split("_") ?? [];
    if (cursor && !(dueDate && id && isIsoDay(dueDate) && isUuid(id))) throw badCursor("cursor");
    const page = await listActorParts(
      db(),
      [caller.healthActorId],
      status,
      cursor ? { dueDate: dueDate!, id: id! } : null,
    );
    return json({
      items: page.rows.map((r) => ({
        id: r.partId,
        reference: r.reference,
        right: r.right,
        receivedAt: r.receivedAt.toISOString(),
        dueDate: r.dueDate,
        daysLeft: r.daysLeft,
        status: r.status,
        acknowledged: r.acknowledged,
      })),
      nextCursor: page.next ? `${page.next.dueDate}_${page.next.id}` : null,
    });
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: list });
