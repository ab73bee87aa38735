import { routeMethods } from "@/lib/api/methods";
import { handleApi, json, readJson } from "@/lib/api/respond";
import { authorizeApiCall } from "@/lib/auth/api-token";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { presentRequest } from "@/lib/requests/present-request";
import { submitRequest } from "@/lib/requests/submit-request";
import { ZSubmitRequest } from "@/lib/requests/submit-request.schema";

/** Registers a request received by any channel (staff tools). */
async function register(request: Request) {
  return handleApi(request, async (locale) => {
    const caller = await authorizeApiCall(db(), request.headers.get("authorization"), "requests.create");
    const key = request.headers.get("idempotency-key");
    if (key !== null && !/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw new AppError("malformed", {
        fr: "En-tête Idempotency-Key invalide.",
        en: "Invalid Idempotency-Key header.",
      });
    }
    const input = ZSubmitRequest.parse(await readJson(request));
    const { request: created, replayed } = await submitRequest(db(), input, {
      actor: { type: "api", tokenId: caller.tokenId, staffUserId: caller.staffUserId },
      idempotencyKey: key ? `api:${caller.staffUserId}:${key}` : undefined,
    });
    return json(presentRequest(created, locale, false), 201, replayed ? { "Idempotent-Replayed": "true" } : {});
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: register });
