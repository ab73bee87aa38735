import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email/outbox";
import { type CaseUpdate, caseUpdateEmail } from "@/lib/email/templates/case-update";
import { env } from "@/lib/env";
import type { LetterKind, RightsRequest } from "@/lib/generated/prisma/client";
import { buildLetterPdf, type LetterContent } from "./letter";
import type { FileStorage } from "@/lib/storage";

type CaseFields = Pick<
  RightsRequest,
  "id" | "reference" | "right" | "receivedAt" | "locale" | "requesterEmail" | "requesterFirstName" | "requesterLastName"
>;

/**
 * Tells the requester of a step by e-mail (in the transaction of the step). Its button opens the
 * case in "Mes demandes", or `url` (the link to answer a question: lib/requests/answer-link.ts).
 */
export async function notifyRequester(
  tx: Tx,
  request: CaseFields,
  update: CaseUpdate,
  options: { letterId?: string; url?: string } = {},
): Promise<void> {
  const url = options.url ?? `${env().APP_URL}/${request.locale}/mes-demandes/${request.reference}`;
  await queueEmail(tx, request.requesterEmail, caseUpdateEmail(request.locale, request.reference, update, url), {
    requestId: request.id,
    attachments: options.letterId ? [{ kind: "letter", letterId: options.letterId }] : [],
  });
}

/**
 * A letter in the requester's language: built as a PDF, stored encrypted in the case file, recorded,
 * and e-mailed as an attachment. Returns a cleanup that deletes the file if the step is not saved.
 */
export async function sendLetter(
  tx: Tx,
  storage: FileStorage,
  request: CaseFields,
  letter: { kind: LetterKind; partId?: string; content: LetterContent; update: CaseUpdate },
): Promise<() => Promise<void>> {
  const pdf = await buildLetterPdf(
    {
      reference: request.reference,
      right: request.right,
      receivedAt: request.receivedAt,
      requesterName: `${request.requesterFirstName} ${request.requesterLastName}`,
      date: new Date(),
      content: letter.content,
    },
    request.locale,
  );
  const storageKey = `letters/${randomUUID()}`;
  await storage.put(storageKey, Buffer.from(pdf), { contentType: "application/pdf" });
  const row = await tx.caseLetter.create({
    data: { requestId: request.id, partId: letter.partId, kind: letter.kind, locale: request.locale, storageKey },
    select: { id: true },
  });
  await notifyRequester(tx, request, letter.update, { letterId: row.id });
  return () => storage.delete(storageKey);
}
