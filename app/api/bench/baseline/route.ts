import { routeMethods } from "@/lib/api/methods";
import { handleApi, json, MAX_JSON_BYTES, notFound, readJson } from "@/lib/api/respond";
import { db, hotQuery } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The benchmark's baseline (npm run bench:intake): one plain INSERT of the request body, on the same
 * server and database, sent the way the intake sends its own statements (hotQuery). Exists only when
 * the server is started with BENCH_BASELINE=1.
 */
async function insert(request: Request) {
  return handleApi(request, async () => {
    if (process.env.BENCH_BASELINE !== "1")
      throw notFound({ fr: "Cette route de l'API n'existe pas.", en: "This API route does not exist." });
    const body = JSON.stringify(await readJson(request, MAX_JSON_BYTES));
    await hotQuery(db(), Prisma.sql`INSERT INTO bench_baseline (body) VALUES (${body}::jsonb)`);
    return json({ ok: true }, 201);
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: insert });
