import { type CaseActor, recordEvent, withCase } from "@/lib/case-file/with-case";
import type { Db } from "@/lib/db";
import { parisDay } from "@/lib/deadlines";
import { AppError } from "@/lib/errors/app-error";
import { activitiesHolding, queueNoticesTo } from "@/lib/recipients/queue-recipient-notices";
import { rectificationBatches } from "./rectification-scope";
import { registryOf } from "@/lib/registry/registry-of";
import type { RectifiableField } from "./rectifiable-fields";
import { subjectRecord } from "@/lib/identity/subject-record";
import type { TRectify } from "./rectify.schema";

/**
 * Rectification (GDPR Art. 16): the DPO applies the corrections the requester asked for, field by
 * field, to the subject's record in one transaction; the case keeps each field's value before and
 * after. (Refusing, or refusing in part, is an answer with its grounds.)
 */
/** A relative's profile holds only these. */
const RELATIVE_FIELDS: readonly RectifiableField[] = ["firstName", "lastName", "birthDate"];

export interface FieldChange {
  field: RectifiableField;
  before: string | null;
  after: string;
}

/** The changes that differ from the record, each with its value before (days as YYYY-MM-DD). */
export function diffRecord(
  record: Partial<Record<RectifiableField, string | Date | null>>,
  changes: TRectify["changes"],
): FieldChange[] {
  const shown = (v: string | Date | null | undefined) =>
    v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null);
  const last = new Map(changes.map((c) => [c.field, c.value]));
  return [...last]
    .filter(([field, value]) => shown(record[field]) !== value)
    .map(([field, value]) => ({ field, before: shown(record[field]), after: value }));
}

export async function rectifySubject(
  db: Db,
  reference: string,
  input: TRectify,
  actor: CaseActor,
  now = new Date(),
): Promise<FieldChange[]> {
  return withCase(db, reference, async (tx, request) => {
    if (request.right !== "rectification")
      throw new AppError("conflict", {
        fr: "Cette demande n'est pas une demande de rectification.",
        en: "This request is not a rectification request.",
      });
    if (request.status !== "received" && request.status !== "in_progress") {
      throw new AppError("conflict", {
        fr: "La rectification se fait quand la demande est en cours de traitement.",
        en: "Rectification is done while the request is being handled.",
      });
    }
    if (input.changes.some((c) => c.field === "birthDate" && c.value > parisDay(now)))
      throw AppError.validation([{ path: "changes", key: "future" }]);
    const { patient, relative } = await subjectRecord(tx, request);
    if (relative && input.changes.some((c) => !RELATIVE_FIELDS.includes(c.field)))
      throw AppError.validation([{ path: "changes", key: "invalid" }]);
    const record = patient ?? relative;
    const changes = diffRecord(record as Partial<Record<RectifiableField, string | Date | null>>, input.changes);
    if (changes.length === 0) return changes;
    const data = Object.fromEntries(
      changes.map((c) => [c.field, c.field === "birthDate" ? new Date(`${c.after}T00:00:00Z`) : c.after]),
    );
    if (relative) await tx.relative.update({ where: { id: relative.id }, data });
    else await tx.patient.update({ where: { id: patient.id }, data });
    await recordEvent(tx, request.id, "rectification_applied", actor, { changes });
    // The recipients find the person as they knew them, before the correction.
    const subject = {
      firstName: record.firstName,
      lastName: record.lastName,
      birthDate: record.birthDate,
      email: patient?.email ?? null,
    };
    // Each recipient is told of the corrected fields its processing holds, and only of those.
    const registry = await registryOf(tx, request.registryVersion);
    const batches = rectificationBatches(
      registry,
      await activitiesHolding(tx, request),
      changes.map(({ field, after }) => ({ field, after })),
    );
    await queueNoticesTo(
      tx,
      request,
      batches.map((b) => ({
        payload: { right: "rectification", subject, changes: b.changes },
        recipients: b.recipients,
      })),
      actor,
    );
    return changes;
  });
}
