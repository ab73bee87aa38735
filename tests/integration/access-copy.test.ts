import { strFromU8, unzipSync } from "fflate";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { expireDataExports, isAvailable } from "@/lib/rights/access/data-export";
import { answerPart } from "@/lib/cases/answer-part";
import { db } from "@/lib/db";
import { upsertStaff } from "@/lib/staff/create-staff";
import { getStorage } from "@/lib/storage";
import { fileSelfCase } from "@/prisma/seed/cases";
import { DEMO_PATIENTS, DEMO_RELATIVES } from "@/prisma/seed/demo";
import { demoData, uniqueEmail } from "./support";

let actor: { type: "staff"; staffId: string; actorId: string };

beforeAll(async () => {
  await demoData();
  const staff = await upsertStaff(
    db(),
    { email: uniqueEmail("dpo-copie"), name: "DPO", role: "dpo_agent", password: "un mot de passe assez long" },
    process.env.AUTH_SECRET!,
  );
  actor = { type: "staff", staffId: staff.id, actorId: staff.id };
});

/** Camille's access request, answered by the DPO: the copy is prepared with the answer. */
async function answeredAccess() {
  const request = await fileSelfCase(db(), getStorage(), "access");
  const platform = await db().requestPart.findFirstOrThrow({ where: { requestId: request.id, handler: "platform" } });
  await answerPart(
    db(),
    getStorage(),
    request.reference,
    { partId: platform.id, outcome: "granted", grounds: [], message: "Voici la copie de vos données." },
    actor,
  );
  const copy = await db().dataExport.findFirstOrThrow({ where: { requestId: request.id } });
  return { request, copy };
}

describe("the access copy", () => {
  it("holds every category the platform keeps about the subject, and no other person's data", async () => {
    const { request, copy } = await answeredAccess();
    const camille = await db().patient.findUniqueOrThrow({ where: { email: DEMO_PATIENTS.camille.email } });
    const files = unzipSync(new Uint8Array(await getStorage().get(copy.zipKey!)));
    expect(Object.keys(files).sort()).toEqual([
      "LISEZMOI-README.txt",
      "demandes-de-droits.csv",
      "documents.csv",
      "donnees.json",
      "e-mails.csv",
      "rendez-vous.csv",
    ]);
    const data = JSON.parse(strFromU8(files["donnees.json"]!)) as {
      account: { email: string; lastName: string };
      relatives: { firstName: string }[];
      appointments: { id: string }[];
      documents: { id: string; title: string }[];
      consents: unknown[];
      marketingPreferences: unknown[];
      rightsRequests: { reference: string }[];
      emailsSent: { subject: string }[];
      article15: { activities: { purpose: string; retention: string }[]; complaint: string };
    };
    expect(data.account).toMatchObject({ email: camille.email, lastName: "Martin" });
    expect(data.relatives.map((r) => r.firstName)).toEqual([DEMO_RELATIVES.leo.firstName]);
    const appointments = await db().appointment.findMany({ where: { patientId: camille.id }, select: { id: true } });
    expect(data.appointments.map((a) => a.id).sort()).toEqual(appointments.map((a) => a.id).sort());
    const documents = await db().document.count({ where: { patientId: camille.id } });
    expect(data.documents).toHaveLength(documents);
    expect(data.consents.length).toBe(await db().consent.count({ where: { patientId: camille.id } }));
    expect(data.marketingPreferences.length).toBe(
      await db().marketingPreference.count({ where: { patientId: camille.id } }),
    );
    expect(data.rightsRequests.map((r) => r.reference)).toContain(request.reference);
    expect(data.emailsSent.length).toBeGreaterThan(0);
    expect(data.article15.activities.length).toBeGreaterThan(0);
    expect(data.article15.complaint).toContain("CNIL");

    // Nobody else: other patients' addresses, names and rows are not in any file.
    const everything = Object.values(files)
      .map((f) => strFromU8(f))
      .join("\n");
    for (const other of [DEMO_PATIENTS.thomas, DEMO_PATIENTS.julien, DEMO_PATIENTS.claire]) {
      expect(everything).not.toContain(other.email);
      expect(everything).not.toContain(other.lastName);
    }
    expect(everything).not.toContain(DEMO_RELATIVES.jeanne.firstName);
    const foreign = await db().appointment.findFirstOrThrow({ where: { NOT: { patientId: camille.id } } });
    expect(everything).not.toContain(foreign.id);

    const pdf = await getStorage().get(copy.pdfKey!);
    const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;
    for (const title of [
      "Sommaire",
      "Votre demande",
      "Informations sur le traitement",
      "Votre compte",
      "Vos proches",
      "Rendez-vous",
      "Documents",
      "Demandes de droits",
    ]) {
      expect(text).toContain(title);
    }
    expect(text).toContain("CNIL");
    // The answer letter says where the copy is and until when.
    const letter = await db().caseLetter.findFirstOrThrow({ where: { requestId: request.id } });
    const letterText = (
      await extractText(await getDocumentProxy(new Uint8Array(await getStorage().get(letter.storageKey))), {
        mergePages: true,
      })
    ).text;
    expect(letterText).toContain("Mes demandes");
  });

  it("expires: the files are deleted, the fact of delivery stays", async () => {
    const { request, copy } = await answeredAccess();
    expect(isAvailable(copy)).toBe(true);
    expect(copy.expiresAt.getTime() - copy.createdAt.getTime()).toBeGreaterThanOrEqual(7 * 86_400_000 - 60_000);
    // Not before its time.
    await expireDataExports(db(), getStorage(), new Date(copy.expiresAt.getTime() - 60_000));
    expect((await db().dataExport.findUniqueOrThrow({ where: { id: copy.id } })).deletedAt).toBeNull();

    await expireDataExports(db(), getStorage(), new Date(copy.expiresAt.getTime() + 1000));
    const after = await db().dataExport.findUniqueOrThrow({ where: { id: copy.id } });
    expect(after).toMatchObject({ zipKey: null, pdfKey: null });
    expect(isAvailable(after)).toBe(false);
    await expect(getStorage().get(copy.zipKey!)).rejects.toThrow();
    await expect(getStorage().get(copy.pdfKey!)).rejects.toThrow();
    const events = await db().requestEvent.findMany({
      where: { requestId: request.id, type: { in: ["access_copy_ready", "access_copy_deleted"] } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual(["access_copy_ready", "access_copy_deleted"]);
  });
});

describe("the portability export", () => {
  it("holds only what she provided or generated, in JSON that follows the published schema, and CSV", async () => {
    const { readFile } = await import("node:fs/promises");
    const schema = JSON.parse(await readFile("docs/portability/schema-v1.json", "utf8")) as {
      required: string[];
      properties: Record<string, { items?: { required: string[] }; properties?: Record<string, unknown> }>;
    };
    const request = await fileSelfCase(db(), getStorage(), "portability", {}, { portabilityFormat: "json" });
    const platform = await db().requestPart.findFirstOrThrow({ where: { requestId: request.id, handler: "platform" } });
    await answerPart(
      db(),
      getStorage(),
      request.reference,
      { partId: platform.id, outcome: "granted", grounds: [], message: "Vos données portables." },
      actor,
    );
    const copy = await db().dataExport.findFirstOrThrow({ where: { requestId: request.id } });
    expect(copy).toMatchObject({ kind: "portability", pdfKey: null });

    const files = unzipSync(new Uint8Array(await getStorage().get(copy.zipKey!)));
    expect(Object.keys(files).sort()).toEqual([
      "LISEZMOI-README.txt",
      "compte.csv",
      "consentements.csv",
      "documents.csv",
      "donnees-portables.json",
      "proches.csv",
      "rendez-vous.csv",
    ]);
    const data = JSON.parse(strFromU8(files["donnees-portables.json"]!)) as Record<string, unknown> & {
      documents: Record<string, unknown>[];
      appointments: Record<string, unknown>[];
    };
    expect(Object.keys(data).sort()).toEqual([...schema.required].sort());
    for (const list of ["relatives", "consents", "marketingPreferences", "appointments", "documents"]) {
      const items = data[list] as Record<string, unknown>[];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items)
        expect(Object.keys(item).sort()).toEqual([...schema.properties[list]!.items!.required].sort());
    }
    // Only documents she uploaded; not the platform's own records about her.
    const camille = await db().patient.findUniqueOrThrow({ where: { email: DEMO_PATIENTS.camille.email } });
    expect(data.documents).toHaveLength(
      await db().document.count({ where: { patientId: camille.id, sharedBy: "patient" } }),
    );
    const everything = Object.values(files)
      .map((f) => strFromU8(f))
      .join("\n");
    expect(everything).not.toContain(request.reference);
    expect(everything).not.toContain("Ordonnance – Dr Antoine Dupont");
  });
});
