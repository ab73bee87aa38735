import { expect, test } from "@playwright/test";
import { noticeRecipientsOf } from "@/lib/registry/recipients";
import { createDb } from "@/lib/db";
import { activitiesHolding, queueRecipientNotices } from "@/lib/recipients/queue-recipient-notices";
import { currentRegistry } from "@/lib/registry";
import { getStorage } from "@/lib/storage";
import { fileAsAccountHolder } from "@/prisma/seed/cases";
import { DEMO_RECIPIENT_CONTACTS } from "@/prisma/seed/recipient-contacts";
import { expectAccessible, mailMessageId, signInAsStaff, staffMember, waitForMail } from "./support";

const db = createDb(process.env.DATABASE_URL!, 2);

test.afterAll(async () => {
  await db.$disconnect();
});

test("an admin sets a recipient's contacts; field errors are shown in French; an agent has no access", async ({
  page,
  browser,
}) => {
  await db.recipientContact.deleteMany({ where: { name: "Typeform" } });
  await signInAsStaff(page, await staffMember(db, "dpo_admin"));
  await page.getByRole("link", { name: "Destinataires" }).click();
  await expect(
    page.getByRole("heading", { name: "Contacts des destinataires (RGPD art. 19)", level: 1 }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Modifier les contacts de Typeform" }).click();
  await expect(page.getByRole("heading", { name: "Contacts de Typeform" })).toBeVisible();

  await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
  await page.getByLabel(/Adresse du service OpenDSR/).fill("ftp://opendsr.typeform.exemple.com/v1");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  const errors = page.locator("#contact-error");
  await expect(errors).toContainText("Saisissez une adresse e-mail valide");
  await expect(errors).toContainText("L'adresse doit commencer par https://");
  await expectAccessible(page);

  await page.getByLabel("Adresse e-mail").fill("rgpd.typeform@exemple.fr");
  await page.getByLabel(/Adresse du service OpenDSR/).fill("");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(
    page
      .getByRole("table", { name: "Destinataires du registre et leurs contacts" })
      .getByRole("row", { name: /Typeform/ }),
  ).toContainText("rgpd.typeform@exemple.fr");
  // The change is traced, with who made it.
  await expect(
    page
      .getByRole("table", { name: /Dernières modifications des contacts/ })
      .getByRole("row", { name: /Typeform/ })
      .first(),
  ).toContainText("Adrien Admin");
  expect(await db.recipientContact.findUnique({ where: { name: "Typeform" } })).toMatchObject({
    email: "rgpd.typeform@exemple.fr",
    opendsrUrl: null,
  });
  await expectAccessible(page);

  const context = await browser.newContext();
  const agent = await context.newPage();
  await signInAsStaff(agent, await staffMember(db, "dpo_agent"));
  await expect(agent.getByRole("link", { name: "Destinataires" })).toHaveCount(0);
  await agent.goto("/fr/dpo/destinataires");
  await expect(agent.getByText(/Accès refusé/)).toBeVisible();
  await context.close();
  await db.recipientContact.deleteMany({ where: { name: "Typeform" } });
});

test("the worker tells the recipients of a restriction; the case page shows each notice and those to tell another way", async ({
  page,
}) => {
  // A patient of her own restricts the platform's processing; the change is applied with its notices.
  const patient = await db.patient.create({
    data: {
      email: `lea-${Date.now().toString(36)}@exemple.fr`,
      firstName: "Léa",
      lastName: "Fontaine",
      birthDate: new Date("1991-03-08T00:00:00Z"),
    },
  });
  const filed = await fileAsAccountHolder(db, getStorage(), patient, {
    right: "restriction",
    scope: {},
    details: { restrictionGround: "accuracy_contested" },
    subject: { relation: "self", firstName: patient.firstName, lastName: patient.lastName, birthDate: "1991-03-08" },
  });
  const request = await db.rightsRequest.findUniqueOrThrow({ where: { id: filed.id } });
  const since = Date.now();
  // Her account holds only account data: the recipients of those activities are told, the platform's own providers are not.
  const subject = {
    firstName: patient.firstName,
    lastName: patient.lastName,
    birthDate: patient.birthDate,
    email: patient.email,
  };
  const actor = { type: "staff" as const, staffId: "e2e", actorId: "e2e" };
  const activities = await db.$transaction((tx) => activitiesHolding(tx, request));
  expect(activities.sort()).toEqual(["account_information", "account_management"]);
  const queued = await db.$transaction((tx) =>
    queueRecipientNotices(tx, request, { right: "restriction", subject }, activities, actor),
  );
  const recipients = noticeRecipientsOf(currentRegistry(), activities);
  expect(recipients).toEqual(["Braze", "Walkme"]);
  expect(queued).toBe(recipients.length);
  const withEmail = DEMO_RECIPIENT_CONTACTS.find((c) => recipients.includes(c.name))!;

  // The worker sends them: the demo contact gets the e-mail, the others have no contact.
  const mail = await waitForMail(withEmail.email, new RegExp(request.reference), since);
  expect(mail.text).toContain("hormis leur conservation");
  await expect
    .poll(() => db.recipientNotice.count({ where: { requestId: request.id, status: "pending" } }), { timeout: 20_000 })
    .toBe(0);

  await signInAsStaff(page, await staffMember(db, "dpo_agent"));
  await page.goto(`/fr/dpo/demandes/${request.reference}`);
  const table = page.getByRole("table", { name: "Destinataires informés ou à informer" });
  await expect(table.getByRole("row", { name: new RegExp(withEmail.name) })).toContainText("envoyée");
  await expect(table.getByRole("row", { name: /^Walkme/ })).toContainText(
    "aucun contact configuré : à informer par un autre moyen",
  );
  await expect(page.getByText(/Le DPO doit informer ce destinataire par un autre moyen/)).toBeVisible();
  await expect(page.getByText("Destinataire informé (RGPD art. 19)").first()).toBeVisible();
  // Should the mail server later refuse that e-mail, the notice is one to tell another way, and the
  // case lists the e-mail with the server's answer, to be sent again.
  const sent = await db.recipientNotice.findFirstOrThrow({
    where: { requestId: request.id, recipient: withEmail.name },
  });
  const refusal = `550 5.1.1 <${withEmail.email}>: Recipient address rejected: User unknown in virtual mailbox table`;
  await db.outboxEmail.update({
    where: { id: sent.outboxId! },
    data: { status: "failed", serverResponse: refusal, serverResponseCode: 550, rejectedRecipients: [withEmail.email] },
  });
  await page.reload();
  await expect(table.getByRole("row", { name: new RegExp(withEmail.name) })).toContainText(
    "e-mail refusé par le serveur d'envoi : à informer par un autre moyen",
  );
  const undelivered = page.getByRole("table", { name: "E-mails de la demande non remis" });
  const refused = undelivered.getByRole("row", { name: withEmail.email });
  await expect(refused).toContainText("L'adresse n'existe pas chez son fournisseur de messagerie");
  await expect(refused).toContainText(`Réponse du serveur : ${refusal}`);
  await expectAccessible(page);

  const resentAt = Date.now();
  await refused.getByRole("button", { name: "Renvoyer" }).click();
  await expect(undelivered).toHaveCount(0);
  await expect(page.getByText("E-mail non remis renvoyé")).toBeVisible();
  // The worker sends it again, with the Message-ID it always had.
  const again = await waitForMail(withEmail.email, new RegExp(request.reference), resentAt);
  const resent = await db.outboxEmail.findUniqueOrThrow({ where: { id: sent.outboxId! } });
  expect(await mailMessageId(again.id)).toBe(resent.messageId);
  await expect
    .poll(async () => (await db.outboxEmail.findUniqueOrThrow({ where: { id: sent.outboxId! } })).status, {
      timeout: 20_000,
    })
    .toBe("sent");
  await page.reload();
  await expect(table.getByRole("row", { name: new RegExp(withEmail.name) })).toContainText("envoyée");
});
