import { routeMethods } from "@/lib/api/methods";
import { handleApi } from "@/lib/api/respond";
import { registerCsv } from "@/lib/backoffice/register-export";
import { db } from "@/lib/db";
import { AppError, type FieldError } from "@/lib/errors/app-error";
import { staffAllowedTo } from "@/lib/staff/current-staff";
import { rangeDayProblem } from "@/lib/validation/dates";

/** The register of requests for a date range (?from=YYYY-MM-DD&to=YYYY-MM-DD), as CSV. */
async function exportRegister(request: Request) {
  return handleApi(request, async () => {
    await staffAllowedTo("register.export");
    const url = new URL(request.url);
    const from = url.searchParams.get("from") ?? "";
    const to = url.searchParams.get("to") ?? "";
    const fields: FieldError[] = [];
    for (const [path, value] of [
      ["from", from],
      ["to", to],
    ] as const) {
      const problem = rangeDayProblem(value);
      if (problem) fields.push({ path, key: problem });
    }
    if (fields.length === 0 && from > to) fields.push({ path: "to", key: "date_order" });
    if (fields.length) throw AppError.validation(fields);
    return new Response(registerCsv(db(), from, to), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="registre-demandes-${from}-${to}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: exportRegister });
