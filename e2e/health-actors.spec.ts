import { expect, type Page, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { createDb } from "@/lib/db";
import { DEMO_ACTORS, DEMO_PATIENTS } from "@/prisma/seed/demo";
import { expectAccessible, pdfFile, signInAsStaff, signInByMagicLink, staffMember, waitForMail } from "./support";

const db = createDb(process.env.DATABASE_URL!, 2);
const camille = DEMO_PATIENTS.camille;

test.afterAll(async () => {
  await db.$disconnect();
});

/** A member of a health actor signs in from the actors' space, through the magic link they receive. */
async function signInToInbox(page: Page, email: string) {
  const since = Date.now();
  await page.goto("/fr/pro");
  await expect(page).toHaveURL(/\/fr\/pro\/connexion/);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(page.getByRole("heading", { name: "Consultez votre messagerie" })).toBeVisible();
  const mail = await waitForMail(email, /lien de connexion|sign-in link/, since);
  const link = mail.html.match(/href="([^"]*\/api\/auth\/callback\/email[^"]*)"/)?.[1];
  if (!link) throw new Error("No sign-in link in the e-mail");
  await page.goto(link.replaceAll("&amp;", "&"));
  await expect(page.getByRole("heading", { name: "Demandes reçues", level: 1 })).toBeVisible();
}

/** Camille files, from the form, an erasure request about Dr Dupont and Dr Lefebvre only. */
async function fileAboutTwoDoctors(page: Page): Promise<string> {
  await signInByMagicLink(page, camille.email);
  await page.goto("/fr/demande?droit=erasure");
  await page.getByRole("radio", { name: "Pour moi-même" }).check();
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByRole("radio", { name: /Seulement certains traitements ou certains acteurs de santé/ }).check();
  for (const [query, name] of [
    ["Dupont", "Dr Antoine Dupont"],
    ["Lefebvre", "Dr Marc Lefebvre"],
  ] as const) {
    await page.getByLabel("Rechercher un médecin ou un établissement").fill(query);
    await page.getByRole("button", { name: `Ajouter ${name}` }).click();
  }
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByRole("button", { name: "Continuer" }).click();
  const review = page.getByRole("region", { name: "Vérifiez avant d'envoyer" });
  await expect(review.getByText("Dr Antoine Dupont")).toBeVisible();
  await expect(review.getByText("Dr Marc Lefebvre")).toBeVisible();
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.getByRole("heading", { name: "Votre demande est enregistrée" })).toBeVisible();
  return (await page.locator("dd strong").first().textContent())!.trim();
}

test("two doctors receive a patient's erasure request: one answers, one declines; the patient and the DPO see both", async ({
  page,
  browser,
}) => {
  const reference = await fileAboutTwoDoctors(page);
  const patientSince = Date.now();

  // Dr Dupont: the e-mail, the inbox, his part only, the assistance package, his answer.
  const forwarded = await waitForMail("dr.dupont@exemple.fr", new RegExp(`Demande de droits à traiter ${reference}`));
  expect(forwarded.text).toContain("Identité vérifiée par la plateforme");
  expect(forwarded.text).not.toContain(camille.lastName);
  const dupontContext = await browser.newContext();
  const dupont = await dupontContext.newPage();
  await signInToInbox(dupont, "dr.dupont@exemple.fr");
  await expectAccessible(dupont);
  // In the inbox, by its reference; the e-mail's button leads to the same page.
  await dupont.getByLabel("Rechercher une référence").fill(reference);
  await dupont.getByRole("button", { name: "Rechercher" }).click();
  await expect(dupont.getByRole("row")).toHaveCount(2);
  await dupont.getByRole("link", { name: reference }).click();
  await expect(dupont.getByRole("heading", { name: `Demande ${reference}` })).toBeVisible();
  const emailLink = forwarded.html.match(/href="([^"]*\/fr\/pro\/demandes\/[^"]*)"/)?.[1];
  expect(new URL(emailLink!).pathname).toBe(new URL(dupont.url()).pathname);
  await expect(dupont.getByText(`${camille.firstName} ${camille.lastName}, née le 12 avril 1986`)).toBeVisible();
  await expect(dupont.getByText("Dr Marc Lefebvre")).toHaveCount(0);
  await expectAccessible(dupont);

  const zip = await dupont.request.get(
    await dupont
      .getByRole("link", { name: /Télécharger les données/ })
      .getAttribute("href")
      .then((h) => h!),
  );
  expect(zip.headers()["content-type"]).toBe("application/zip");
  const files = unzipSync(new Uint8Array(await zip.body()));
  const dossier = JSON.parse(strFromU8(files["dossier.json"]!)) as { appointments: { id: string }[] };
  const agenda = await db.appointment.findMany({
    where: { patientId: camille.id, relativeId: null, healthActorId: DEMO_ACTORS.dupont.id },
    select: { id: true },
  });
  expect(dossier.appointments.map((a) => a.id).sort()).toEqual(agenda.map((a) => a.id).sort());
  const others = await db.appointment.findMany({
    where: { patientId: camille.id, NOT: { healthActorId: DEMO_ACTORS.dupont.id } },
    select: { id: true },
  });
  expect(dossier.appointments.some((a) => others.some((o) => o.id === a.id))).toBe(false);
  const report = await dupont.request.get(
    await dupont
      .getByRole("link", { name: /Télécharger le rapport/ })
      .getAttribute("href")
      .then((h) => h!),
  );
  const { extractText, getDocumentProxy } = await import("unpdf");
  const reportText = (
    await extractText(await getDocumentProxy(new Uint8Array(await report.body())), { mergePages: true })
  ).text;
  expect(reportText).toContain(`Rendez-vous de votre agenda (${agenda.length})`);

  await dupont.getByRole("button", { name: "Indiquer que la demande est prise en compte" }).click();
  await expect(dupont.getByText(/Prise en compte le/)).toBeVisible();
  await dupont.getByLabel(/Votre réponse \(PDF/).setInputFiles(pdfFile("reponse-dr-dupont.pdf"));
  await dupont.getByRole("button", { name: "Enregistrer la réponse" }).click();
  await expect(dupont.getByText(/Répondue le/)).toBeVisible();
  const dupontPartUrl = dupont.url();
  await dupontContext.close();

  // Dr Lefebvre: only his part; Dr Dupont's part is not his to open.
  const lefebvreContext = await browser.newContext();
  const lefebvre = await lefebvreContext.newPage();
  await signInToInbox(lefebvre, "dr.lefebvre@exemple.fr");
  expect((await lefebvre.goto(dupontPartUrl))?.status()).toBe(404);
  const lefebvreMail = await waitForMail(
    "dr.lefebvre@exemple.fr",
    new RegExp(`Demande de droits à traiter ${reference}`),
  );
  await lefebvre.goto(lefebvreMail.html.match(/href="([^"]*\/fr\/pro\/demandes\/[^"]*)"/)![1]!);
  await lefebvre.getByRole("button", { name: "Refuser la demande" }).click();
  await expect(lefebvre.locator("#decline-error")).toContainText("Ce champ est obligatoire.");
  await lefebvre
    .getByLabel(/Motifs du refus/)
    .fill("Le dossier médical doit être conservé vingt ans après le dernier passage.");
  await lefebvre.getByRole("button", { name: "Refuser la demande" }).click();
  await expect(lefebvre.getByText(/Refusée le/)).toBeVisible();
  await lefebvreContext.close();

  // The patient: both outcomes by e-mail and in Mes demandes.
  const answered = await waitForMail(
    camille.email,
    new RegExp(`Réponse de l'acteur de santé à votre demande \\(${reference}\\)`),
    patientSince,
  );
  // The doctor's document may hold health data: not attached, read in "Mes demandes" once signed in.
  expect(answered.attachments ?? []).toEqual([]);
  const declined = await waitForMail(
    camille.email,
    new RegExp(`Réponse à votre demande \\(${reference}\\)`),
    patientSince,
  );
  expect(declined.attachments?.[0]?.contentType).toBe("application/pdf");
  await page.goto(`/fr/mes-demandes/${reference}`);
  await expect(page.getByText("Réponse de l'acteur de santé", { exact: true })).toBeVisible();
  await expect(page.getByText("Refus de l'acteur de santé (motifs et recours dans le courrier)")).toBeVisible();
  await expect(page.getByText("Répondue", { exact: true }).first()).toBeVisible();
  const doctorsAnswer = await page.request.get(
    (await page.getByRole("link", { name: /^Réponse de l'acteur de santé · / }).getAttribute("href"))!,
  );
  expect(doctorsAnswer.headers()["content-type"]).toBe("application/pdf");
  await expectAccessible(page);

  // The DPO: the case answered, each part with its outcome and the doctors' steps in the timeline.
  const dpoContext = await browser.newContext();
  const dpo = await dpoContext.newPage();
  await signInAsStaff(dpo, await staffMember(db, "dpo_agent"));
  await dpo.goto(`/fr/dpo/demandes/${reference}`);
  await expect(dpo.getByText("Répondue", { exact: true }).first()).toBeVisible();
  const parts = dpo.getByRole("table").first();
  await expect(parts.getByRole("row").filter({ hasText: "Dr Antoine Dupont" })).toContainText("Répondue");
  await expect(parts.getByRole("row").filter({ hasText: "Dr Marc Lefebvre" })).toContainText("Refusée");
  await expect(dpo.getByText("Refus de l'acteur de santé (motifs et recours dans le courrier)")).toBeVisible();
  await dpoContext.close();
});

test("a clinic's admin invites a member and connects its software: key and signing secret shown once", async ({
  page,
}) => {
  await signInToInbox(page, "accueil.clinique-des-tilleuls@exemple.fr");
  await page.getByRole("link", { name: "Membres" }).click();
  await expect(page.getByRole("heading", { name: "Membres de Clinique des Tilleuls" })).toBeVisible();
  await expectAccessible(page);
  const invited = `infirmiere.${Date.now()}@exemple.fr`;
  await page.getByLabel("Nom", { exact: true }).fill("Infirmière coordinatrice");
  await page.getByLabel("Adresse e-mail").fill(invited);
  await page.getByRole("button", { name: "Inviter" }).click();
  await expect(page.getByRole("cell", { name: invited })).toBeVisible();
  await waitForMail(invited, /Invitation à l'espace de Clinique des Tilleuls/);

  await page.getByRole("link", { name: "Intégration" }).click();
  await page.getByLabel(/Nom de la clé/).fill("Logiciel de la clinique");
  await page.getByRole("button", { name: "Créer une clé" }).click();
  const key = (await page.getByRole("status").filter({ hasText: "Clé créée" }).locator("code").textContent())!;
  expect(key).toMatch(/^dsra_/);
  const api = await page.request.get("/api/v1/actor/parts", { headers: { authorization: `Bearer ${key}` } });
  expect(api.status()).toBe(200);

  const url = page.getByLabel(/Adresse \(https:\/\/…\)/);
  await url.fill("ftp://logiciel.exemple.fr/rappels");
  await page.getByRole("button", { name: "Enregistrer l'adresse" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /adresse/ })).toBeVisible();
  await url.fill("http://127.0.0.1:9/rappels");
  await page.getByRole("button", { name: "Enregistrer l'adresse" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Secret de signature" }).locator("code")).toHaveText(
    /^whsec_/,
  );
  await expect(page.getByText("Adresse actuelle : http://127.0.0.1:9/rappels")).toBeVisible();
  await expectAccessible(page);
});
