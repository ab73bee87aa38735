import { randomUUID } from "node:crypto";
import { appendEvent, lockCase } from "@/lib/case-file/events";
import type { Db, Tx } from "@/lib/db";
import { parisDay } from "@/lib/deadlines";
import { env } from "@/lib/env";
import type { DataExport, RightsRequest } from "@/lib/generated/prisma/client";
import type { ExportKind } from "@/lib/generated/prisma/enums";
import { registryOf } from "@/lib/registry/registry-of";
import type { FileStorage } from "@/lib/storage";
import { isReference, isUuid } from "@/lib/validation/ids";
import { accessCopyPdf, accessCopyZip, copyScopeOf } from "./access-copy";
import { portabilityZip } from "@/lib/rights/portability/portability-zip";
import type { GrantContext, GrantDone } from "@/lib/rights/effects";

/**
 * Prepares the data copy of a case, in the transaction of the answer that grants it: the ZIP is
 * streamed into encrypted storage, for an access copy the PDF report stored next to it, and the
 * download window set (ACCESS_COPY_DAYS, 7 by default). Returns the export and a cleanup for when
 * the answer is not saved.
 */
export async function prepareExport(
  tx: Tx,
  storage: FileStorage,
  request: RightsRequest,
  kind: ExportKind,
  now = new Date(),
): Promise<{ copy: DataExport; discard: () => Promise<void> }> {
  const platform = await tx.requestPart.findFirst({
    where: { requestId: request.id, handler: "platform" },
    select: { activities: true },
  });
  const scope = await copyScopeOf(
    tx,
    request,
    platform?.activities ?? [],
    await registryOf(tx, request.registryVersion),
  );
  const id = randomUUID();
  const zipKey = `exports/${id}.zip`;
  const pdfKey = `exports/${id}.pdf`;
  const discard = async () => {
    await Promise.all([storage.delete(zipKey), storage.delete(pdfKey)]);
  };
  try {
    const zip = await storage.put(
      zipKey,
      kind === "access" ? accessCopyZip(tx, scope, now) : portabilityZip(tx, scope, now),
      { contentType: "application/zip" },
    );
    const pdf =
      kind === "access"
        ? await storage.put(pdfKey, Buffer.from(await accessCopyPdf(tx, scope, now)), {
            contentType: "application/pdf",
          })
        : null;
    const expiresAt = new Date(now.getTime() + env().ACCESS_COPY_DAYS * 86_400_000);
    const copy = await tx.dataExport.create({
      data: {
        id,
        requestId: request.id,
        kind,
        zipKey,
        pdfKey: pdf ? pdfKey : null,
        zipBytes: zip.size,
        pdfBytes: pdf?.size ?? 0,
        expiresAt,
      },
    });
    await appendEvent(tx, request.id, {
      type: "access_copy_ready",
      actorType: "system",
      actorId: null,
      payload: { exportId: id, kind, expiresAt: expiresAt.toISOString() },
    });
    return { copy, discard };
  } catch (error) {
    await discard();
    throw error;
  }
}

/** Access or portability granted on the platform's data: the copy is prepared with the answer. */
export async function copyWithAnswer({ tx, storage, request }: GrantContext, kind: ExportKind): Promise<GrantDone> {
  const prepared = await prepareExport(tx, storage, request, kind);
  return { copyUntil: parisDay(prepared.copy.expiresAt), discard: prepared.discard };
}

/** The requester's copy, scoped by the case's reference and their proven address; null when not theirs. */
export async function findRequesterExport(db: Db, reference: string, requesterEmails: string[], exportId: string) {
  if (requesterEmails.length === 0 || !isReference(reference) || !isUuid(exportId)) return null;
  return db.dataExport.findFirst({
    where: { id: exportId, request: { reference, requesterEmail: { in: requesterEmails } } },
  });
}

export function isAvailable(copy: Pick<DataExport, "expiresAt" | "deletedAt">, now = new Date()): boolean {
  return copy.deletedAt === null && copy.expiresAt > now;
}

/** Records the first download (the fact of delivery). */
export async function markDownloaded(db: Db, copy: DataExport, now = new Date()): Promise<void> {
  if (copy.downloadedAt) return;
  await db.$transaction(async (tx) => {
    await lockCase(tx, copy.requestId);
    const first = await tx.dataExport.updateMany({
      where: { id: copy.id, downloadedAt: null },
      data: { downloadedAt: now },
    });
    if (first.count > 0)
      await appendEvent(tx, copy.requestId, {
        type: "access_copy_downloaded",
        actorType: "requester",
        actorId: null,
        payload: { exportId: copy.id },
      });
  });
}

/**
 * The worker's sweep: copies past their window have their files deleted; the row and the case's
 * events stay as the fact of delivery. Returns how many were deleted.
 */
export async function expireDataExports(db: Db, storage: FileStorage, now = new Date()): Promise<number> {
  const expired = await db.dataExport.findMany({ where: { deletedAt: null, expiresAt: { lte: now } }, take: 500 });
  for (const copy of expired) {
    for (const key of [copy.zipKey, copy.pdfKey]) if (key) await storage.delete(key);
    await db.$transaction(async (tx) => {
      await lockCase(tx, copy.requestId);
      await tx.dataExport.update({ where: { id: copy.id }, data: { deletedAt: now, zipKey: null, pdfKey: null } });
      await appendEvent(tx, copy.requestId, {
        type: "access_copy_deleted",
        actorType: "system",
        actorId: null,
        payload: { exportId: copy.id },
      });
    });
  }
  return expired.length;
}

/** The files a case's copies still hold, for the retention job. */
export function exportKeys(copies: Pick<DataExport, "zipKey" | "pdfKey">[]): string[] {
  return copies.flatMap((c) => [c.zipKey, c.pdfKey]).filter((k): k is string => k !== null);
}
