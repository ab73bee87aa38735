import { expect, test } from "@playwright/test";
import { createDb } from "@/lib/db";
import { DEMO_ACTORS } from "@/prisma/seed/demo";
import { expectAccessible, grantPlatformPartAsDpo, signInByMagicLink, uniqueEmail, waitForMail } from "./support";

const db = createDb(process.env.DATABASE_URL!, 2);

test.afterAll(async () => {
  await db.$disconnect();
});

test("a patient has her account erased: the DPO grants it, she reads the certificate, Dr Dupont's agenda keeps its appointment", async ({
  page,
  browser,
}) => {
  // A patient of her own, with an appointment with Dr Dupont, a document and a consent.
  const email = uniqueEmail("nina");
  const nina = await db.patient.create({
    data: {
      email,
      firstName: "Nina",
      lastName: "Garnier",
      birthDate: new Date("1990-10-11"),
      phone: "+33 6 11 22 33 44",
      city: "Lyon",
    },
  });
  await db.appointment.create({
    data: {
      patientId: nina.id,
      healthActorId: DEMO_ACTORS.dupont.id,
      startsAt: new Date("2026-09-01T08:00:00Z"),
      status: "done",
      motive: "Consultation",
    },
  });
  await db.document.create({
    data: {
      patientId: nina.id,
      title: "Ordonnance de septembre",
      kind: "prescription",
      sharedBy: "health_actor",
      healthActorId: DEMO_ACTORS.dupont.id,
    },
  });
  await db.consent.create({
    data: { patientId: nina.id, activityKey: "personalised_services", grantedAt: new Date("2025-02-01T10:00:00Z") },
  });

  // She asks, from the form, that the platform erase her data.
  await signInByMagicLink(page, email);
  await page.goto("/fr/demande?droit=erasure");
  await page.getByRole("radio", { name: "Pour moi-même" }).check();
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByRole("radio", { name: /Toutes mes données/ }).check();
  // Her details come from her account: on to the summary, which says who answers what.
  for (const step of ["Étape 4 sur 6", "Étape 5 sur 6", "Étape 6 sur 6"]) {
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page.getByText(step)).toBeVisible();
  }
  await expect(page.getByText(/La loi oblige la plateforme à conserver ces données/)).toBeVisible();
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.getByRole("heading", { name: "Votre demande est enregistrée" })).toBeVisible();
  const reference = (await page.locator("dd strong").first().textContent())!.trim();

  // The DPO grants the platform's part.
  const since = Date.now();
  const dpo = await grantPlatformPartAsDpo(
    browser,
    db,
    reference,
    "Votre compte et les données qu'il contenait sont effacés.",
    "Effacement effectué (certificat dans le courrier de réponse)",
  );
  // The case page states the certificate too, and the recipients to tell.
  await dpo.reload();
  await expect(dpo.getByRole("heading", { name: /^Certificat d'effacement/ })).toBeVisible();
  await expect(dpo.getByText("Documents retirés du compte : 1.")).toBeVisible();
  await expect(dpo.getByText(/17\(1\)\(a\)/)).toBeVisible();
  await expectAccessible(dpo);
  await dpo.context().close();
  await waitForMail(email, new RegExp(`Réponse à votre demande \\(${reference}\\)`), since);

  // The worker tells the recipients by e-mail (Braze has a contact in the demo data).
  await expect
    .poll(() => db.recipientNotice.count({ where: { request: { reference }, recipient: "Braze", status: "sent" } }), {
      timeout: 20_000,
    })
    .toBe(1);

  // In "Mes demandes": the erasure in the timeline, the recipients told, and the certificate in the letter.
  await page.goto(`/fr/mes-demandes/${reference}`);
  await expect(page.getByText(/^Braze : informé le /)).toBeVisible();
  await expect(page.getByText("Effacement effectué (certificat dans le courrier de réponse)")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Destinataires/ })).toBeVisible();
  await expectAccessible(page);
  const letter = await page.request.get((await page.getByRole("link", { name: /^Réponse ·/ }).getAttribute("href"))!);
  expect(letter.headers()["content-type"]).toBe("application/pdf");
  const { extractText, getDocumentProxy } = await import("unpdf");
  const text = (await extractText(await getDocumentProxy(new Uint8Array(await letter.body())), { mergePages: true }))
    .text;
  expect(text).toContain("Certificat d'effacement");
  expect(text).toContain("Documents retirés du compte : 1.");
  expect(text).toContain("Consentements enregistrés supprimés : 1.");
  expect(text).toContain(`1 rendez-vous dans l'agenda de : ${DEMO_ACTORS.dupont.name}`);
  expect(text).toContain("7 jours");

  // What the database holds now: the identity Dr Dupont's agenda refers to, nothing of the account.
  const after = await db.patient.findUniqueOrThrow({
    where: { id: nina.id },
    include: { documents: true, consents: true, appointments: true },
  });
  expect(after).toMatchObject({
    email: `closed+${nina.id}@invalid`,
    phone: null,
    city: null,
    documents: [],
    consents: [],
  });
  expect(after.appointments).toHaveLength(1);
});
