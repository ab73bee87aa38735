import { authenticateApiCall, createApiToken } from "@/lib/auth/api-token";
import { createDb } from "@/lib/db";
import { DEMO_PATIENTS, seedDemo } from "@/prisma/seed/demo";
import { startLocalStack } from "./lib/stack";
import { submitRequest } from "@/lib/requests/submit-request";
import { ZSubmitRequest } from "@/lib/requests/submit-request.schema";
import { presentRequest } from "@/lib/requests/present-request";

const stack = await startLocalStack();
Object.assign(process.env, stack.env);
const db = createDb(stack.env.DATABASE_URL!, 10);
await seedDemo(db);
const staff = await db.staffUser.create({ data: { email: "bench@exemple.fr", name: "Bench", role: "dpo_agent" } });
const { token, id: tokenId } = await createApiToken(db, staff.id, "bench");
const camille = DEMO_PATIENTS.camille;
const body = (i: number) => ({
  right: i % 3 === 0 ? "erasure" : "access", channel: "post", receivedAt: new Date(Date.now() - 3600_000).toISOString(),
  requester: { firstName: "Bench", lastName: `Client ${i}`, email: `bench-${i}@exemple.fr` },
  subject: i % 2 === 0 ? { relation: "self", firstName: camille.firstName, lastName: camille.lastName, birthDate: camille.birthDate } : { relation: "self", firstName: "Inconnu", lastName: `Numéro ${i}`, birthDate: "1990-01-01" },
  scope: {},
});
async function run(label: string, n: number, f: (i: number) => Promise<unknown>) {
  let next = 0; const t0 = performance.now(); const cpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: 20 }, async () => { while (next < n) await f(next++); }));
  const s = (performance.now() - t0) / 1000; const cpu = process.cpuUsage(cpu0);
  console.log(`${label.padEnd(20)} ${(n / s).toFixed(0)} /s  node cpu ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms per call`);
}
const full = async (i: number) => {
  await authenticateApiCall(db, `Bearer ${token}`);
  const input = ZSubmitRequest.parse(body(i));
  const { request } = await submitRequest(db, input, { actor: { type: "api", tokenId, staffUserId: staff.id } });
  return JSON.stringify(presentRequest(request, "fr", false));
};
await run("warm", 3000, full);
for (let k = 0; k < 3; k++) await run("full", 3000, full);
await stack.stop();
process.exit(0);
