import { expect, test } from "@playwright/test";
import { requestInformation } from "@/lib/cases/request-information";
import { createDb } from "@/lib/db";
import { submitRequest } from "@/lib/requests/submit-request";
import { ZSubmitRequest } from "@/lib/requests/submit-request.schema";
import { DEMO_PATIENTS } from "@/prisma/seed/demo";
import {
  expectAccessible,
  pdfFile,
  signInAsStaff,
  signInByMagicLink,
  staffMember,
  uniqueEmail,
  waitForMail,
} from "./support";

const db = createDb(process.env.DATABASE_URL!, 2);
const thomas = DEMO_PATIENTS.thomas;

test.afterAll(async () => {
  await db.$disconnect();
});

test("a letter asking for portability without saying in which format: the DPO sees the flag and asks; the requester answers from Mes demandes with the document asked", async ({
  page,
  browser,
}) => {
  const requester = uniqueEmail("courrier");
  const agent = await staffMember(db, "dpo_agent");
  await signInAsStaff(page, agent);

  // Registered as received, with its real receipt date, though the letter lacks the format.
  await page.getByRole("link", { name: "Enregistrer une demande reçue hors du portail" }).click();
  await expect(
    page.getByRole("heading", { name: "Enregistrer une demande reçue hors du portail", level: 1 }),
  ).toBeVisible();
  await page.getByLabel("Droit").selectOption({ label: "Récupérer mes données" });
  await page.getByLabel("Canal").selectOption("post");
  await page.getByLabel("Reçue le").fill("2026-11-23");
  await page.getByLabel("À (heure de Paris)").fill("09:15");
  const from = page.getByRole("group", { name: "Demandeur" });
  await from.getByLabel("Prénom").fill(thomas.firstName);
  await from.getByLabel("Nom", { exact: true }).fill(thomas.lastName);
  await from.getByLabel("Adresse e-mail").fill(requester);
  const about = page.getByRole("group", { name: "Personne concernée" });
  await about.getByLabel("Prénom").fill(thomas.firstName);
  await about.getByLabel("Nom", { exact: true }).fill(thomas.lastName);
  await about.getByLabel("Date de naissance").fill(thomas.birthDate);
  await page.getByRole("button", { name: "Enregistrer la demande" }).click();
  const heading = page.getByRole("heading", { name: /^Demande DR-2026-/, level: 1 });
  await expect(heading).toBeVisible();
  const reference = (await heading.textContent())!.replace("Demande ", "");
  await expect(page.getByText("23 novembre 2026 à 09:15 (post)")).toBeVisible();
  // One month from receipt: Wednesday 23 December 2026.
  await expect(page.getByText(/Échéance 23 décembre 2026/)).toBeVisible();
  const flag = page.getByRole("region", { name: /Demande à préciser/ });
  await expect(flag).toContainText("le format des données (JSON ou CSV)");
  await expectAccessible(page);

  // The queue lists it under "to clarify", with its badge.
  await page.goto("/fr/dpo");
  await page.getByRole("checkbox", { name: "À préciser seulement" }).check();
  await page.getByLabel("Référence, e-mail ou nom").fill(requester);
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/clarify=1/);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: reference }) });
  await expect(row.getByText("À préciser", { exact: true })).toBeVisible();
  await row.getByRole("link", { name: reference }).click();

  // The question starts from what is missing; the identity is still to check: an ID document too.
  const question = page.getByLabel(/Question envoyée par e-mail/);
  await expect(question).toHaveValue(
    "Pour traiter votre demande, merci de nous préciser : le format des données (JSON ou CSV).",
  );
  await page
    .getByRole("group", { name: /Justificatifs à demander/ })
    .getByRole("checkbox", { name: "Pièce d'identité" })
    .check();
  await page.getByRole("button", { name: "Envoyer la question" }).click();
  await expect(page.getByText("Délai suspendu", { exact: true })).toBeVisible();
  await expect(page.getByText(/En attente de votre réponse/).first()).toBeVisible();
  const mail = await waitForMail(
    requester,
    new RegExp(`Des justificatifs sont nécessaires pour traiter votre demande \\(${reference}\\)`),
  );
  expect(mail.text).toContain("- Pièce d'identité");
  expect(mail.text).toContain("format des données (JSON ou CSV)");

  // The requester signs in and answers from Mes demandes, with the document.
  const context = await browser.newContext();
  const patient = await context.newPage();
  await signInByMagicLink(patient, requester);
  await patient.goto(`/fr/mes-demandes/${reference}`);
  const ask = patient.getByRole("region", { name: "Une précision vous est demandée" });
  await expect(ask).toContainText("le format des données (JSON ou CSV)");
  await expectAccessible(patient);
  await ask.getByLabel("Votre réponse").fill("Au format JSON, s'il vous plaît.");
  await ask.getByLabel("Pièce d'identité").setInputFiles(pdfFile("carte-identite.pdf"));
  await ask.getByRole("button", { name: "Envoyer ma réponse" }).click();
  await expect(patient.getByRole("status")).toHaveText(
    "Votre réponse est enregistrée : le délai de réponse court de nouveau.",
  );
  await expect(patient.getByText("Réponse reçue : vérification de l'identité à suivre")).toBeVisible();
  await expect(patient.getByRole("region", { name: "Une précision vous est demandée" })).toHaveCount(0);
  await context.close();

  // The DPO reads the answer, checks the document, and records the format: the flag clears.
  await page.reload();
  await expect(page.getByText("Au format JSON, s'il vous plaît.")).toBeVisible();
  await expect(page.getByText("Délai suspendu", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Voir « Pièce d'identité »" })).toBeVisible();
  await page.getByRole("radio", { name: "Accepter" }).check();
  await page.getByRole("button", { name: "Décider de l'identité" }).click();
  await expect(page.getByText("Acceptée", { exact: true })).toBeVisible();
  await page
    .getByRole("region", { name: /Demande à préciser/ })
    .getByRole("radio", { name: "JSON" })
    .check();
  await page.getByRole("button", { name: "Enregistrer la précision" }).click();
  await expect(page.getByRole("region", { name: /Demande à préciser/ })).toHaveCount(0);
  await expect(page.getByText("Précisions de la demande enregistrées")).toBeVisible();
});

test("the e-mail's link lets the requester answer without signing in, once", async ({ page }) => {
  const agent = await staffMember(db, "dpo_agent");
  const requester = uniqueEmail("telephone");
  const input = ZSubmitRequest.parse({
    right: "access",
    channel: "phone",
    receivedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    requester: { firstName: thomas.firstName, lastName: thomas.lastName, email: requester },
    subject: { relation: "self", firstName: thomas.firstName, lastName: thomas.lastName, birthDate: thomas.birthDate },
  });
  const { request } = await submitRequest(db, input, { actor: { type: "staff", staffUserId: agent.id } });
  const since = Date.now();
  await requestInformation(
    db,
    request.reference,
    { message: "Sur quelle période portent les rendez-vous demandés ?" },
    { type: "staff", staffId: agent.id, actorId: agent.id },
  );
  const mail = await waitForMail(requester, /Une précision est nécessaire pour traiter votre demande/, since);
  const link = mail.html.match(/href="([^"]*\/repondre\?jeton=[^"]*)"/)?.[1];
  expect(link).toBeTruthy();

  await page.goto(link!.replaceAll("&amp;", "&"));
  await expect(page.getByRole("heading", { name: `Répondre à votre demande ${request.reference}` })).toBeVisible();
  await expect(page.getByText("Sur quelle période portent les rendez-vous demandés ?")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Votre réponse").fill("De janvier à juin 2026.");
  await page.getByRole("button", { name: "Envoyer ma réponse" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Votre réponse est enregistrée : le délai de réponse court de nouveau.",
  );

  // Spent once the answer is in.
  await page.goto(link!.replaceAll("&amp;", "&"));
  await expect(page.getByText(/Ce lien n'est plus valable/)).toBeVisible();
  const stored = await db.rightsRequest.findUniqueOrThrow({
    where: { id: request.id },
    select: { status: true, pausedSince: true },
  });
  expect(stored).toEqual({ status: "awaiting_identity", pausedSince: null });
});

test("a sign-in refused for too many links says how many minutes to wait, in French and English", async ({ page }) => {
  const email = uniqueEmail("pressee");
  const limit = Number(process.env.MAGIC_LINKS_PER_ADDRESS_PER_HOUR ?? 5);
  // The address asked for as many links as an hour allows, the first of them twenty minutes ago.
  const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000);
  await db.rateLimitHit.createMany({
    data: Array.from({ length: limit }, () => ({ bucket: `magic-link:${email}`, createdAt: twentyMinutesAgo })),
  });

  await page.goto("/fr/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(page.locator("#email-error")).toHaveText("Trop de tentatives, réessayez dans 40 minutes.");
  await expect(page.getByLabel("Adresse e-mail")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.goto("/en/connexion");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me the link" }).click();
  await expect(page.locator("#email-error")).toHaveText("Too many attempts, try again in 40 minutes.");
  // No link was sent.
  expect(await db.outboxEmail.count({ where: { to: email } })).toBe(0);
});

test("the public files are served as they are, and the private spaces are not to be indexed", async ({ request }) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
  const rules = await robots.text();
  for (const path of ["/fr/dpo", "/en/dpo", "/fr/pro", "/en/pro", "/fr/mes-demandes", "/en/mes-demandes", "/api/"])
    expect(rules).toContain(`Disallow: ${path}\n`);

  const security = await request.get("/.well-known/security.txt");
  expect(security.status()).toBe(200);
  expect(security.headers()["content-type"]).toMatch(/^text\/plain/);
  const fields = Object.fromEntries(
    (await security.text())
      .split("\n")
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]),
  );
  expect(fields.Contact).toMatch(/^mailto:\S+@\S+$/);
  expect(fields["Preferred-Languages"]).toBe("fr, en");
  expect(fields.Canonical).toMatch(/^https:\/\/[^/]+\/\.well-known\/security\.txt$/);
  // RFC 9116: an expiry less than a year ahead, renewed before it passes (see README).
  const expires = Date.parse(fields.Expires!);
  expect(expires).toBeGreaterThan(Date.now());
  expect(expires).toBeLessThanOrEqual(Date.now() + 366 * 86_400_000);

  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect([...(await icon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  expect((await request.get("/favicon.svg")).headers()["content-type"]).toMatch(/^image\/svg\+xml/);

  expect((await request.get("/fr/dpo/connexion")).headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect((await request.get("/fr/mes-demandes")).headers()["x-robots-tag"]).toBe("noindex, nofollow");
  expect((await request.get("/fr")).headers()["x-robots-tag"]).toBeUndefined();
});
