import { can } from "@/lib/auth/permissions";
import { registerCsv } from "@/lib/backoffice/register-export";
import { db } from "@/lib/db";
import { isIsoDay } from "@/lib/deadlines";
import { currentStaff } from "@/lib/staff/current-staff";

/** The register of requests for a date range (?from=YYYY-MM-DD&to=YYYY-MM-DD), as CSV. */
export async function GET(request: Request) {
  const viewer = await currentStaff();
  if (!viewer || !can(viewer.role, "register.export")) return new Response(null, { status: viewer ? 403 : 401 });
  const url = new URL(request.url);
  const from = url.searchParams.get("from") ?? "";
  const to = url.searchParams.get("to") ?? "";
  if (!isIsoDay(from) || !isIsoDay(to) || from > to) {
    return new Response("from and to must be dates YYYY-MM-DD, from <= to / « from » et « to » : dates AAAA-MM-JJ, from <= to", { status: 422 });
  }
  return new Response(registerCsv(db(), from, to), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="registre-demandes-${from}-${to}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
