import { expect, test } from "@playwright/test";
import { createDb } from "@/lib/db";
import { getStorage } from "@/lib/storage";
import { fileParentCase } from "@/prisma/seed/cases";
import { DEMO_PATIENTS } from "@/prisma/seed/demo";
import { expectAccessible, pdfFile, signInAsStaff as signIn, staffMember as newStaff, waitForMail } from "./support";

const db = createDb(process.env.DATABASE_URL!, 2);
const staffMember = (role: "dpo_agent" | "dpo_admin") => newStaff(db, role);
/** A patient's request for her child, with a proof of parental authority, filed as the form does. */
async function patientCase() {
  return (await fileParentCase(db, getStorage(), pdfFile("livret.pdf").buffer)).reference;
}

test.afterAll(async () => {
  await db.$disconnect();
});

test("a DPO agent signs in with TOTP, finds a patient's case and accepts the identity: the file is deleted", async ({
  page,
}) => {
  const agent = await staffMember("dpo_agent");
  const reference = await patientCase();
  await signIn(page, agent);
  await expectAccessible(page);

  await page.getByLabel("Référence, e-mail ou nom").fill(reference);
  await page.getByRole("button", { name: "Appliquer" }).click();
  await page.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { name: `Demande ${reference}` })).toBeVisible();
  await expect(page.getByText("Justificatif à examiner")).toBeVisible();

  // The proof opens inline, from the app only.
  const proofLink = page.getByRole("link", { name: /Voir « Preuve de l'autorité parentale/ });
  const href = await proofLink.getAttribute("href");
  const proof = await page.request.get(href!);
  expect(proof.status()).toBe(200);
  expect(proof.headers()["content-type"]).toBe("application/pdf");
  expect(proof.headers()["content-disposition"]).toBe("inline");
  await expectAccessible(page);

  await page.getByRole("radio", { name: "Accepter" }).check();
  await page.getByRole("button", { name: "Décider de l'identité" }).click();
  await expect(page.getByText(/Fichier supprimé le/)).toBeVisible();
  await expect(page.getByText("Acceptée", { exact: true })).toBeVisible();
  expect((await page.request.get(href!)).status()).toBe(404);

  // The patient is told, by e-mail.
  await waitForMail(DEMO_PATIENTS.camille.email, new RegExp(`Votre identité est vérifiée \\(${reference}\\)`));

  // Extend with a reason: a letter goes to the patient.
  await page.getByLabel(/Raisons \(complexité/).fill("Nombreuses données à rassembler auprès de plusieurs services.");
  await page.getByRole("button", { name: "Prolonger de deux mois" }).click();
  await expect(page.getByText("Prolongée", { exact: true })).toBeVisible();
  await waitForMail(
    DEMO_PATIENTS.camille.email,
    new RegExp(`Le délai de réponse à votre demande est prolongé \\(${reference}\\)`),
  );

  // Answer the platform's part with a partial refusal on a legal ground.
  await page.getByLabel("Partie", { exact: true }).selectOption({ label: "La plateforme" });
  await page.getByRole("radio", { name: "Accordée en partie" }).check();
  await page.getByRole("checkbox", { name: /17\(3\)\(b\)/ }).check();
  await page
    .getByLabel(/Réponse \(pour un acteur de santé/)
    .fill("Les données du compte sont communiquées ; les demandes de droits relèvent d'une obligation légale.");
  await page.getByRole("button", { name: "Répondre et envoyer le courrier" }).click();
  await expect(page.getByText("Réponse envoyée").first()).toBeVisible();
  const answerMail = await waitForMail(
    DEMO_PATIENTS.camille.email,
    new RegExp(`Réponse à votre demande \\(${reference}\\)`),
  );
  expect(answerMail.attachments?.[0]?.contentType).toBe("application/pdf");

  // The letter, opened as a PDF, states the ground and the remedies.
  const { extractText, getDocumentProxy } = await import("unpdf");
  const letterHref = await page.getByRole("link", { name: /^Réponse · / }).getAttribute("href");
  const letter = await page.request.get(letterHref!);
  const text = (await extractText(await getDocumentProxy(new Uint8Array(await letter.body())), { mergePages: true }))
    .text;
  expect(text).toContain("17(3)(b)");
  expect(text).toContain("CNIL");

  // An agent cannot reach an admin-only page.
  await page.goto("/fr/dpo/jetons");
  await expect(page.getByText("Accès refusé : votre rôle ne permet pas cette action.")).toBeVisible();
});

test("the case page's forms say what is wrong before anything is sent, next to the field, and move the focus there", async ({
  page,
}) => {
  const agent = await staffMember("dpo_agent");
  const reference = await patientCase();
  await signIn(page, agent);
  await page.goto(`/fr/dpo/demandes/${reference}`);
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });

  // An empty note: the error is tied to the field, listed above it with its label, and the field has the focus.
  const note = page.getByLabel("Note interne");
  await page.getByRole("button", { name: "Ajouter la note" }).click();
  await expect(note).toBeFocused();
  await expect(note).toHaveAttribute("aria-invalid", "true");
  await expect(note).toHaveAccessibleDescription("Ce champ est obligatoire.");
  await expect(page.getByRole("alert").filter({ hasText: "Note interne : Ce champ est obligatoire." })).toBeVisible();

  // A refusal without its ground, on leaving the fields: only the fields left show their error.
  await page.getByRole("radio", { name: "Refusée", exact: true }).check();
  const answer = page.getByLabel(/Réponse \(pour un acteur de santé/);
  await answer.fill("Refus.");
  await page.getByRole("button", { name: "Répondre et envoyer le courrier" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Motifs de refus" })).toBeVisible();
  expect(posts).toEqual([]);

  // Corrected, the note is sent and the form says it is saved, empty again.
  await note.fill("Appel de la patiente : elle envoie le livret de famille.");
  await expect(note).not.toHaveAttribute("aria-invalid");
  await page.getByRole("button", { name: "Ajouter la note" }).click();
  await expect(page.getByRole("status").filter({ hasText: "C'est enregistré." })).toBeVisible();
  await expect(page.getByText("Appel de la patiente : elle envoie le livret de famille.")).toBeVisible();
  await expect(note).toHaveValue("");
  expect(posts.length).toBe(1);
  await expectAccessible(page);
});

test("an agent registers a request received by post, with its real receipt time", async ({ page }) => {
  const agent = await staffMember("dpo_agent");
  await signIn(page, agent);
  await page.getByRole("link", { name: "Enregistrer une demande reçue hors du portail" }).click();
  await page.getByRole("button", { name: "Enregistrer la demande" }).click();
  // Nothing filled in: the receipt time is asked first (it is what the time limit runs from).
  await expect(page.locator("#register-error")).toContainText("receivedAt");
  await page.getByLabel("Canal").selectOption("post");
  await page.getByLabel("Reçue le").fill("2026-11-02");
  await page.getByLabel("À (heure de Paris)").fill("10:30");
  const requester = page.getByRole("group", { name: "Demandeur" });
  await requester.getByLabel("Prénom").fill("Thomas");
  await requester.getByLabel("Nom", { exact: true }).fill("Petit");
  await requester.getByLabel("Adresse e-mail").fill("thomas.petit@exemple.fr");
  const subject = page.getByRole("group", { name: "Personne concernée" });
  await subject.getByLabel("Prénom").fill("Thomas");
  await subject.getByLabel("Nom", { exact: true }).fill("Petit");
  await subject.getByLabel("Date de naissance").fill("1979-09-03");
  await page.getByRole("button", { name: "Enregistrer la demande" }).click();
  await expect(page.getByRole("heading", { name: /^Demande DR-2026-/ })).toBeVisible();
  // Received on Monday 2 November 2026 at 10:30 in Paris: due one month later, Wednesday 2 December.
  await expect(page.getByText("2 novembre 2026 à 10:30 (post)")).toBeVisible();
  await expect(page.getByText(/Échéance 2 décembre 2026/)).toBeVisible();
  await expectAccessible(page);
});

test("the patient sees each step of the DPO's handling in Mes demandes", async ({ page }) => {
  const { signInByMagicLink } = await import("./support");
  const agent = await staffMember("dpo_agent");
  const reference = await patientCase();
  const { decideIdentity } = await import("@/lib/cases/decide-identity");
  await decideIdentity(
    db,
    getStorage(),
    reference,
    { decision: "accepted" },
    { type: "staff", staffId: agent.id, actorId: agent.id },
  );
  await signInByMagicLink(page, DEMO_PATIENTS.camille.email);
  await page.goto(`/fr/mes-demandes/${reference}`);
  await expect(page.getByText("Identité vérifiée, justificatifs supprimés")).toBeVisible();
  await expect(
    page
      .getByText("En cours de traitement")
      .or(page.getByText("Reçue", { exact: true }))
      .first(),
  ).toBeVisible();
});

test("the agent asks for information; the patient answers in Mes demandes and the clock runs again", async ({
  page,
  browser,
}) => {
  const agent = await staffMember("dpo_agent");
  const reference = await patientCase();
  const { decideIdentity } = await import("@/lib/cases/decide-identity");
  const { assignCase } = await import("@/lib/cases/assign-case");
  const actor = { type: "staff" as const, staffId: agent.id, actorId: agent.id };
  await decideIdentity(db, getStorage(), reference, { decision: "accepted" }, actor);
  await assignCase(db, reference, agent.id, actor);

  await signIn(page, agent);
  await page.goto(`/fr/dpo/demandes/${reference}`);
  const question = "Sur quel compte portent les rendez-vous dont vous demandez la copie ?";
  await page.getByLabel(/Question envoyée par e-mail/).fill(question);
  await page.getByRole("button", { name: "Envoyer la question" }).click();
  await expect(page.getByText("Délai suspendu", { exact: true })).toBeVisible();
  await expect(page.getByText(/Sans réponse, le demandeur sera relancé automatiquement le/)).toBeVisible();
  const asked = await waitForMail(
    DEMO_PATIENTS.camille.email,
    new RegExp(`Une précision est nécessaire pour traiter votre demande \\(${reference}\\)`),
  );
  expect(asked.text).toContain(question);

  // The patient follows the e-mail's link, signs in and answers.
  const { signInByMagicLink } = await import("./support");
  const patientContext = await browser.newContext();
  const patient = await patientContext.newPage();
  await signInByMagicLink(patient, DEMO_PATIENTS.camille.email);
  await patient.goto(`/fr/mes-demandes/${reference}`);
  await expect(patient.getByRole("heading", { name: "Une précision vous est demandée" })).toBeVisible();
  await expect(patient.getByText(question)).toBeVisible();
  await patient.getByRole("button", { name: "Envoyer ma réponse" }).click();
  await expect(patient.locator("#reply-error")).toHaveText("Ce champ est obligatoire.");
  await expect(patient.getByLabel("Votre réponse")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(patient);
  await patient.getByLabel("Votre réponse").fill("Le compte de mon fils Léo, ouvert en 2021.");
  await patient.getByRole("button", { name: "Envoyer ma réponse" }).click();
  await expect(patient.getByRole("status")).toHaveText(
    "Votre réponse est enregistrée : le délai de réponse court de nouveau.",
  );
  await expect(patient.getByText("Précision reçue (délai repris)")).toBeVisible();
  await expect(patient.getByRole("heading", { name: "Une précision vous est demandée" })).toHaveCount(0);
  await patientContext.close();

  // The agent is told, and reads the answer in the case.
  await waitForMail(agent.email, new RegExp(`${reference} : le demandeur a répondu`));
  await page.reload();
  await expect(page.getByRole("heading", { name: "Messages du demandeur" })).toBeVisible();
  await expect(page.getByText("Le compte de mon fils Léo, ouvert en 2021.")).toBeVisible();
  await expect(page.getByText("Délai suspendu", { exact: true })).toHaveCount(0);
});

test("with no answer after the reminder, the agent closes the case and the patient gets the letter saying so", async ({
  page,
}) => {
  const agent = await staffMember("dpo_agent");
  const reference = await patientCase();
  const { decideIdentity } = await import("@/lib/cases/decide-identity");
  const { remindUnansweredRequests, requestInformation } = await import("@/lib/cases/request-information");
  const actor = { type: "staff" as const, staffId: agent.id, actorId: agent.id };
  const day = 86_400_000;
  await decideIdentity(db, getStorage(), reference, { decision: "accepted" }, actor);
  // Asked forty days ago; reminded twenty days ago, as the worker's daily run did then.
  await requestInformation(
    db,
    reference,
    { message: "Merci de préciser la période concernée." },
    actor,
    new Date(Date.now() - 40 * day),
  );
  await remindUnansweredRequests(db, new Date(Date.now() - 20 * day));

  await signIn(page, agent);
  await page.goto(`/fr/dpo/demandes/${reference}`);
  await expect(page.getByText(/toujours sans réponse : la demande peut être close/)).toBeVisible();
  await expectAccessible(page);
  const since = Date.now();
  await page.getByRole("button", { name: "Clore faute de réponse" }).click();
  await expect(page.getByText(/Clôturée/).first()).toBeVisible();
  const mail = await waitForMail(
    DEMO_PATIENTS.camille.email,
    new RegExp(`Votre demande est close faute de réponse \\(${reference}\\)`),
    since,
  );
  expect(mail.attachments?.[0]?.contentType).toBe("application/pdf");

  const { extractText, getDocumentProxy } = await import("unpdf");
  const letterHref = await page.getByRole("link", { name: /^Clôture faute de réponse · / }).getAttribute("href");
  const letter = await page.request.get(letterHref!);
  const text = (await extractText(await getDocumentProxy(new Uint8Array(await letter.body())), { mergePages: true }))
    .text;
  expect(text).toContain("Merci de préciser la période concernée.");
  expect(text).toContain("CNIL");
  expect(text).toContain("recours juridictionnel");
});

test("a proof missing at filing is sent later from Mes demandes; the agent then has it to examine", async ({
  page,
  browser,
}) => {
  const { fileParentCase: file } = await import("@/prisma/seed/cases");
  const reference = (await file(db, getStorage(), null)).reference;
  const { signInByMagicLink } = await import("./support");
  const patientContext = await browser.newContext();
  const patient = await patientContext.newPage();
  await signInByMagicLink(patient, DEMO_PATIENTS.camille.email);
  await patient.goto(`/fr/mes-demandes/${reference}`);
  await expect(patient.getByRole("heading", { name: "Un justificatif est attendu" })).toBeVisible();
  const field = patient.getByLabel("Preuve de l'autorité parentale (livret de famille, jugement)");
  // A file that is not a PDF, JPEG or PNG is refused, and the error is tied to its field.
  await field.setInputFiles({ name: "livret.txt", mimeType: "text/plain", buffer: Buffer.from("pas un PDF") });
  await patient.getByRole("button", { name: "Envoyer le justificatif" }).click();
  await expect(patient.getByRole("alert").filter({ hasText: "Preuve de l'autorité parentale" })).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(patient);
  await field.setInputFiles(pdfFile("livret.pdf"));
  await patient.getByRole("button", { name: "Envoyer le justificatif" }).click();
  await expect(patient.getByRole("status")).toHaveText(/Justificatif reçu : il sera vérifié puis supprimé/);
  await expect(patient.getByText("Justificatif envoyé")).toBeVisible();
  await expect(patient.getByRole("heading", { name: "Un justificatif est attendu" })).toHaveCount(0);
  await patientContext.close();

  const agent = await staffMember("dpo_agent");
  await signIn(page, agent);
  await page.goto(`/fr/dpo/demandes/${reference}`);
  await expect(page.getByText("Justificatif à examiner")).toBeVisible();
  await expect(page.getByRole("link", { name: /Voir « Preuve de l'autorité parentale/ })).toBeVisible();
});

test("an admin reaches the API tokens; a patient cannot reach the back office", async ({ page, browser }) => {
  const admin = await staffMember("dpo_admin");
  await signIn(page, admin);
  await page.getByRole("link", { name: "Jetons d'API" }).click();
  await page.getByLabel("Nom du jeton").fill("Outil de tri");
  await page.getByRole("button", { name: "Créer le jeton" }).click();
  await expect(page.getByText(/Jeton créé : copiez-le maintenant/)).toBeVisible();
  await expectAccessible(page);

  // A token for the marketing tools reaches who may be written to, and nothing else.
  const shown = page
    .getByRole("status")
    .filter({ hasText: /Jeton créé/ })
    .locator("code");
  const first = (await shown.textContent())!.trim();
  await page.getByLabel("Nom du jeton").fill("Outil de campagnes");
  await page.getByLabel("Agent", { exact: true }).selectOption({ label: "Adrien Admin" });
  await page.getByLabel("Portée").selectOption({ label: "Outils marketing seulement (audience et imports d'opt-in)" });
  await page.getByRole("button", { name: "Créer le jeton" }).click();
  await expect(shown).not.toHaveText(first);
  const marketing = (await shown.textContent())!.trim();
  const headers = { authorization: `Bearer ${marketing}` };
  expect((await page.request.get("/api/v1/marketing/audience?channel=email", { headers })).status()).toBe(200);
  expect((await page.request.get("/api/v1/health-actors", { headers })).status()).toBe(403);

  // The admin's other pages: the audit trail's integrity, the dashboard.
  await page.getByRole("link", { name: "Intégrité du journal" }).click();
  await expect(page.getByRole("status").filter({ hasText: /toutes les chaînes sont intactes/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Tableau de bord" }).click();
  await expect(page.getByRole("heading", { name: "Demandes par droit et par mois" })).toBeVisible();
  await expectAccessible(page);

  const patient = await browser.newPage();
  await patient.goto("/fr/dpo");
  await expect(patient).toHaveURL(/\/fr\/dpo\/connexion/);
  await patient.goto(`/fr/dpo/demandes/DR-2026-0000-0000`);
  await expect(patient).toHaveURL(/\/fr\/dpo\/connexion/);
  await patient.close();
});
