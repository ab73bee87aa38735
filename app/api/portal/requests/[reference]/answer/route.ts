import { routeMethods } from "@/lib/api/methods";
import { ZRequesterReply } from "@/lib/cases/case-action.schema";
import { replyToInformationRequest } from "@/lib/cases/request-information";
import { db } from "@/lib/db";
import { proofsFromForm } from "@/lib/identity/store-proofs";
import { requesterUploadRoute } from "@/lib/requests/requester-upload";
import { getStorage } from "@/lib/storage";

/** The requester answers a request for information (multipart: `message` and/or `proof_<kind>`). */
const answer = requesterUploadRoute(
  { fr: "Connectez-vous pour répondre.", en: "Sign in to answer." },
  async ({ reference, email, form }) => {
    const { message } = ZRequesterReply.parse({ message: form.get("message") ?? undefined });
    await replyToInformationRequest(db(), getStorage(), reference, email, {
      message,
      uploads: await proofsFromForm(form),
    });
    return {};
  },
);

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: answer });
