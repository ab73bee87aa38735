import { describe, expect, it } from "vitest";
import { identificationRequestEmail } from "./identification-request";

describe("the request for identification documents", () => {
  const data = {
    reference: "DR-2026-7K4M-Q9TZ",
    message: "Merci de joindre une copie de votre pièce d'identité <recto>.",
    documents: ["Pièce d'identité", "Mandat signé"],
    answerUrl: "https://droits.exemple.fr/fr/mes-demandes/DR-2026-7K4M-Q9TZ/repondre?jeton=abc.def",
  };

  it("names each document, says the clock stops and what may be blacked out, and links to the answer, in French", () => {
    const mail = identificationRequestEmail("fr", data);
    expect(mail.subject).toBe("Des justificatifs sont nécessaires pour traiter votre demande (DR-2026-7K4M-Q9TZ)");
    expect(mail.text).toContain("- Pièce d'identité\n- Mandat signé");
    expect(mail.text).toContain("Le délai de réponse est suspendu jusqu'à votre réponse");
    expect(mail.text).toContain("Vous pouvez masquer sur la copie");
    expect(mail.text).toContain(`Répondre et envoyer les justificatifs: ${data.answerUrl}`);
    // What the DPO typed is escaped in the HTML.
    expect(mail.html).toContain("&lt;recto&gt;");
    expect(mail.html).toContain(`href="${data.answerUrl}"`);
    expect(mail.html).toContain('<html lang="fr">');
  });

  it("in English", () => {
    const mail = identificationRequestEmail("en", { ...data, documents: ["ID document"] });
    expect(mail.subject).toBe("We need documents to handle your request (DR-2026-7K4M-Q9TZ)");
    expect(mail.text).toContain("- ID document");
    expect(mail.text).toContain("The time limit is suspended until you answer");
    expect(mail.text).toContain("You may black out");
  });
});
