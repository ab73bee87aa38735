import { describe, expect, it } from "vitest";
import { acknowledgementEmail } from "./acknowledgement";
import { emailCodeEmail } from "./email-code";
import { magicLinkEmail } from "./magic-link";
import { withdrawalEmail } from "./withdrawal";

describe("e-mail templates, French and English", () => {
  const ack = {
    reference: "DR-2026-7K4M-Q9TZ",
    right: "access" as const,
    receivedAt: new Date("2026-11-20T09:00:00Z"),
    parts: [
      { handlerName: null, dueDate: "2026-12-21", applicable: true },
      { handlerName: "Dr Antoine Dupont", dueDate: "2026-11-30", applicable: true },
    ],
    hiddenActors: true,
    documentsRequired: true,
    casesUrl: "https://droits.exemple.fr/fr/mes-demandes",
  };

  it("acknowledgement lists each handler with its due date, in the requester's language", () => {
    const fr = acknowledgementEmail("fr", ack);
    expect(fr.subject).toBe("Votre demande DR-2026-7K4M-Q9TZ a bien été reçue");
    expect(fr.text).toContain("21 décembre 2026");
    expect(fr.text).toContain("Dr Antoine Dupont (acteur de santé");
    expect(fr.text).toContain("30 novembre 2026");
    expect(fr.text).toContain(
      "Si des acteurs de santé détiennent des données de la personne, chacun recevra sa partie",
    );
    expect(fr.text).toContain("20 novembre 2026 à 10:00");
    expect(fr.text).toContain("Le délai de réponse est suspendu");
    expect(fr.html).toContain('<html lang="fr">');
    const en = acknowledgementEmail("en", ack);
    expect(en.subject).toBe("Your request DR-2026-7K4M-Q9TZ has been received");
    expect(en.text).toContain("21 December 2026");
    expect(en.html).toContain('<html lang="en">');
  });

  it("escapes what the requester typed", () => {
    const mail = acknowledgementEmail("fr", {
      ...ack,
      parts: [{ handlerName: "<script>x</script>", dueDate: "2026-12-21", applicable: true }],
    });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
  });

  it("the code e-mail shows the code and its 10-minute life", () => {
    expect(emailCodeEmail("fr", "042917").text).toContain("    042917");
    expect(emailCodeEmail("fr", "042917").text).toContain("expire dans 10 minutes");
    expect(emailCodeEmail("fr", "042917").subject).toBe("042917 : votre code de vérification");
    expect(emailCodeEmail("en", "042917").text).toContain("expires in 10 minutes");
  });

  it("the magic link and the withdrawal notice carry their links", () => {
    expect(magicLinkEmail("fr", "https://x.fr/api/auth/callback/email?token=t").html).toContain(
      "https://x.fr/api/auth/callback/email?token=t",
    );
    expect(withdrawalEmail("en", "DR-2026-7K4M-Q9TZ", "https://x.fr/en/mes-demandes").text).toContain(
      "You withdrew request DR-2026-7K4M-Q9TZ",
    );
  });
});
