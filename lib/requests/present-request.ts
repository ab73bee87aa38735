import { fromDateColumn as day } from "@/lib/deadlines";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Localized } from "@/lib/registry/types";

/** What every view of a case loads: the case, its parts with their actor, and optionally events. */
export const REQUEST_VIEW_INCLUDE = {
  parts: {
    include: { healthActor: { select: { id: true, name: true } } },
    orderBy: [{ handler: "asc" }, { createdAt: "asc" }],
  },
  events: { orderBy: { id: "asc" } },
} as const satisfies Prisma.RightsRequestInclude;

export type RequestWithParts = Prisma.RightsRequestGetPayload<{ include: typeof REQUEST_VIEW_INCLUDE }>;

/** The case in the API's shape (`GET /api/v1/requests/{reference}`). Reasons in the given language. */
export function presentRequest(r: RequestWithParts, lang: "fr" | "en", withEvents: boolean) {
  return {
    reference: r.reference,
    status: r.status,
    right: r.right,
    channel: r.channel,
    receivedAt: r.receivedAt.toISOString(),
    dueDate: day(r.dueDate),
    paused: r.pausedSince !== null,
    extended: r.extended,
    identityStatus: r.identityStatus,
    /** The details lack what the right needs: the DPO asks the requester (lib/rights/missing-details.ts). */
    needsClarification: r.needsClarification,
    registryVersion: r.registryVersion,
    subject: { relation: r.subjectRelation, found: r.subjectPatientId !== null || r.subjectRelativeId !== null },
    parts: r.parts.map((p) => ({
      id: p.id,
      handler: p.handler,
      healthActor: p.healthActor ? { id: p.healthActor.id, name: p.healthActor.name } : null,
      activities: p.activities,
      applicable: p.applicable,
      reason: p.reason ? (p.reason as unknown as Localized)[lang] : null,
      dueDate: day(p.dueDate),
      olderInformationDueDate: p.olderInformationDueDate ? day(p.olderInformationDueDate) : null,
      earliestAnswerAt: p.earliestAnswerAt?.toISOString() ?? null,
      deadlineRule: p.deadlineRule,
      status: p.status,
    })),
    ...(withEvents
      ? {
          events: r.events.map((e) => ({
            type: e.type,
            actorType: e.actorType,
            at: e.createdAt.toISOString(),
            data: e.payload,
          })),
        }
      : {}),
  };
}

export type PresentedRequest = ReturnType<typeof presentRequest>;
