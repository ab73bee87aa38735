import { describe, expect, it } from "vitest";
import { recipientNoticeEmail } from "./notice-email";

const subject = {
  firstName: "Camille",
  lastName: "Martin",
  birthDate: "1988-04-12",
  email: "camille.martin@exemple.fr",
};

describe("the Art. 19 notice to a recipient, French then English", () => {
  it("a rectification: the reference, the subject and the new values", () => {
    const mail = recipientNoticeEmail({
      reference: "DR-2026-7K4M-Q9TZ",
      recipient: "Braze",
      content: {
        right: "rectification",
        subject,
        changes: [
          { field: "lastName", after: "Martin-Durand" },
          { field: "birthDate", after: "1988-04-21" },
        ],
      },
    });
    expect(mail.subject).toBe(
      "DR-2026-7K4M-Q9TZ : rectification à répercuter (RGPD art. 19) / rectification to pass on (GDPR Art. 19)",
    );
    expect(mail.text).toContain("Donnée: Nom · Nouvelle valeur: Martin-Durand");
    expect(mail.text).toContain("Donnée: Date de naissance · Valeur: 12 avril 1988");
    expect(mail.text).toContain("Donnée: Date de naissance · Nouvelle valeur: 21 avril 1988");
    expect(mail.text).toContain("Item: Last name · New value: Martin-Durand");
    expect(mail.text).toContain("Item: Date of birth · New value: 21 April 1988");
    expect(mail.text).toContain("nous vous demandons d'apporter la même rectification");
    expect(mail.text.indexOf("nous vous demandons")).toBeLessThan(mail.text.indexOf("we ask you"));
    expect(mail.html).toContain('<html lang="fr">');
  });

  it("an erasure lists the data erased; a restriction says processing stops except storage", () => {
    const erasure = recipientNoticeEmail({
      reference: "DR-1",
      recipient: "Datadog",
      content: { right: "erasure", subject, erasedCategories: ["Compte / Account"] },
    });
    expect(erasure.text).toContain("Données effacées :");
    expect(erasure.text).toContain("- Compte / Account");
    expect(erasure.text).toContain("we ask you to erase likewise");
    const restriction = recipientNoticeEmail({
      reference: "DR-2",
      recipient: "Braze",
      content: { right: "restriction", subject: { ...subject, email: null } },
    });
    expect(restriction.text).toContain("hormis leur conservation, elles ne doivent plus être traitées");
    expect(restriction.text).toContain("apart from storing it, it must no longer be processed");
    expect(restriction.text).toContain("Donnée: Adresse e-mail · Valeur: aucune");
  });

  it("the lifting of a restriction says processing may resume", () => {
    const lifted = recipientNoticeEmail({
      reference: "DR-4",
      recipient: "Braze",
      content: { right: "restriction", lifted: true, subject },
    });
    expect(lifted.subject).toBe(
      "DR-4 : levée de la limitation à répercuter (RGPD art. 19) / restriction lifted to pass on (GDPR Art. 19)",
    );
    expect(lifted.text).toContain("nous avons procédé à : levée de la limitation du traitement.");
    expect(lifted.text).toContain("vous pouvez de nouveau les traiter comme avant");
    expect(lifted.text).toContain("you may process it again as before");
    expect(lifted.text).not.toContain("hormis leur conservation");
  });

  it("escapes what it is given", () => {
    const mail = recipientNoticeEmail({
      reference: "DR-3",
      recipient: "Braze",
      content: { right: "rectification", subject, changes: [{ field: "city", after: "<b>Lyon</b>" }] },
    });
    expect(mail.html).toContain("&lt;b&gt;Lyon&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>Lyon</b>");
  });
});
