import { routeMethods } from "@/lib/api/methods";
import { handleApi, json } from "@/lib/api/respond";
import { db } from "@/lib/db";
import { readCallbackBody, receiveOpenDsrCallback } from "@/lib/recipients/receive-opendsr-callback";

/**
 * Status callbacks from the recipients' OpenDSR services (GDPR Art. 19 notices of an erasure):
 * authenticated by the signature of the recipient's certificate over the raw body (docs/destinataires-art19.md).
 */
async function receive(request: Request) {
  return handleApi(request, async () => {
    const outcome = await receiveOpenDsrCallback(db(), {
      body: await readCallbackBody(request),
      headers: request.headers,
    });
    return json(outcome.body, outcome.status);
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: receive });
