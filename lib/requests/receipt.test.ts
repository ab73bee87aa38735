import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { REGISTRY } from "@/lib/registry/activities";
import type { RequestWithParts } from "@/lib/requests/present-request";
import { buildReceiptPdf } from "./receipt";

const day = (d: string) => new Date(`${d}T00:00:00Z`);

function fixture(): RequestWithParts {
  const now = new Date("2026-11-20T09:00:00Z");
  const part = (over: Partial<RequestWithParts["parts"][number]>): RequestWithParts["parts"][number] => ({
    id: crypto.randomUUID(),
    requestId: "r",
    handler: "platform",
    healthActorId: null,
    activities: [],
    applicable: true,
    reason: null,
    deadlineRule: "gdpr_art12",
    dueDate: day("2026-12-21"),
    olderInformationDueDate: null,
    earliestAnswerAt: null,
    status: "pending",
    visibleToRequester: true,
    outcome: null,
    grounds: [],
    answeredAt: null,
    forwardedAt: null,
    acknowledgedAt: null,
    escalatedAt: null,
    createdAt: now,
    updatedAt: now,
    healthActor: null,
    ...over,
  });
  return {
    id: "r",
    reference: "DR-2026-7K4M-Q9TZ",
    right: "access",
    channel: "web",
    status: "received",
    receivedAt: now,
    dueDate: day("2026-12-21"),
    locale: "fr",
    registryVersion: "2026-04.1",
    identityStatus: "verified",
    requesterFirstName: "Camille",
    requesterLastName: "Martin",
    requesterNameKey: "martin",
    requesterEmail: "camille.martin@exemple.fr",
    requesterPhone: null,
    subjectRelation: "self",
    subjectFirstName: "Camille",
    subjectLastName: "Martin",
    subjectNameKey: "martin",
    subjectBirthDate: day("1986-04-12"),
    subjectEmail: null,
    subjectPatientId: null,
    subjectRelativeId: null,
    scope: {},
    details: {},
    needsClarification: false,
    pausedDays: 0,
    pausedSince: null,
    informationReminderAt: null,
    effectsAppliedAt: null,
    extended: false,
    assigneeId: null,
    legalHoldReason: null,
    idempotencyKey: null,
    idempotencyHash: null,
    createdAt: now,
    updatedAt: now,
    events: [],
    parts: [
      part({}),
      part({
        handler: "health_actor",
        healthActorId: "a",
        healthActor: { id: "a", name: "Dr Antoine Dupont" },
        deadlineRule: "csp_l1111_7",
        dueDate: day("2026-11-30"),
        status: "awaiting_forwarding",
      }),
      part({
        handler: "health_actor",
        healthActorId: "b",
        healthActor: { id: "b", name: "Dr Marc Lefebvre" },
        deadlineRule: "csp_l1111_7",
        dueDate: day("2026-11-30"),
        status: "awaiting_forwarding",
        visibleToRequester: false,
      }),
    ],
  };
}

async function text(pdf: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
  return text;
}

describe("PDF receipt", () => {
  it("states the reference, receipt time, each handler and due date, in French", async () => {
    const content = await text(await buildReceiptPdf(fixture(), "fr", REGISTRY));
    expect(content).toContain("Accusé de réception");
    expect(content).toContain("DR-2026-7K4M-Q9TZ");
    expect(content).toContain("20 novembre 2026 à 10:00");
    expect(content).toContain("Dr Antoine Dupont");
    expect(content).toContain("30 novembre 2026");
    expect(content).toContain("21 décembre 2026");
    expect(content).toContain("L1111-7");
    expect(content).toContain("CNIL");
  });

  it("names no health actor the requester may not know of, and says so neutrally", async () => {
    const content = await text(await buildReceiptPdf(fixture(), "fr", REGISTRY));
    expect(content).not.toContain("Lefebvre");
    expect(content).toContain("Si des acteurs de santé détiennent des données de la personne");
  });

  it("in English", async () => {
    const content = await text(await buildReceiptPdf(fixture(), "en", REGISTRY));
    expect(content).toContain("Acknowledgement of a data-rights request");
    expect(content).toContain("30 November 2026");
    expect(content).toContain("The platform (data protection officer)");
  });
});
