import { db } from "@/lib/db";

/**
 * The benchmark's baseline (npm run bench:intake): one plain INSERT of the request body, on the same
 * server and database. Exists only when the server is started with BENCH_BASELINE=1.
 */
export async function POST(request: Request) {
  if (process.env.BENCH_BASELINE !== "1") return new Response(null, { status: 404 });
  const body = await request.text();
  await db().$executeRaw`INSERT INTO bench_baseline (body) VALUES (${body}::jsonb)`;
  return Response.json({ ok: true }, { status: 201 });
}
