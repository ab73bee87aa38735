import { expect, test } from "@playwright/test";
import { emailedCode, expectAccessible, pdfFile, signInByMagicLink, uniqueEmail, waitForMail } from "./support";

test.describe("a patient exercises their rights", () => {
  test("signs in by magic link, files an access request and finds it in Mes demandes", async ({ page }) => {
    await signInByMagicLink(page, "camille.martin@exemple.fr");
    await expect(page).toHaveURL(/\/fr\/mes-demandes/);

    await page.getByRole("link", { name: "Exercer un droit" }).first().click();
    await page.getByRole("radio", { name: /Accéder à mes données/ }).check();
    await page.getByRole("button", { name: "Continuer" }).click();

    await page.getByRole("radio", { name: "Pour moi-même" }).check();
    // The account's identity is filled in for the patient.
    await expect(page.getByLabel("Prénom")).toHaveValue("Camille");
    await expect(page.getByLabel("Date de naissance")).toHaveValue("1986-04-12");
    await page.getByRole("button", { name: "Continuer" }).click();

    await page.getByRole("radio", { name: /Toutes mes données/ }).check();
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.getByRole("button", { name: "Continuer" }).click(); // no details needed for access
    await expect(page.getByText(/Vous êtes connecté\(e\) avec camille.martin@exemple.fr/)).toBeVisible();
    await page.getByRole("button", { name: "Continuer" }).click();

    // Before sending: who handles which part, and by when.
    const routing = page.getByRole("region", { name: "Vérifiez avant d'envoyer" });
    await expect(routing.getByText("La plateforme", { exact: true })).toBeVisible();
    for (const doctor of ["Dr Antoine Dupont", "Dr Marc Lefebvre", "Dr Paul Mercier"])
      await expect(routing.getByText(doctor)).toBeVisible();
    await expect(routing.getByText("Dr Hélène Rousseau")).toHaveCount(0); // Léo's pediatrician, not Camille's
    await expect(routing.getByText(/Accès au dossier médical : 8 jours/).first()).toBeVisible();
    await page.getByRole("button", { name: "Envoyer ma demande" }).click();

    await expect(page.getByRole("heading", { name: "Votre demande est enregistrée" })).toBeVisible();
    const reference = (await page.locator("dd strong").first().textContent())!.trim();
    expect(reference).toMatch(/^DR-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const mail = await waitForMail("camille.martin@exemple.fr", new RegExp(reference));
    expect(mail.text).toContain("Dr Antoine Dupont");
    expect(mail.attachments?.[0]?.contentType).toBe("application/pdf");

    const receipt = await page.request.get(`/fr/demande/recu/${reference}`);
    expect(receipt.headers()["content-type"]).toBe("application/pdf");
    expect((await receipt.body()).subarray(0, 5).toString()).toBe("%PDF-");

    await page.getByRole("link", { name: "Voir mes demandes" }).click();
    await expect(page.getByRole("link", { name: reference })).toBeVisible();
    await page.getByRole("link", { name: reference }).click();
    await expect(page.getByText("Demande reçue, identité vérifiée")).toBeVisible();
    await expectAccessible(page);

    // Withdrawing needs an explicit confirmation.
    await page.getByRole("button", { name: "Retirer ma demande" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Ce champ est obligatoire." })).toBeVisible();
    await page.getByLabel("Je confirme vouloir retirer cette demande").check();
    await page.getByRole("button", { name: "Retirer ma demande" }).click();
    await expect(page.getByText("Votre demande a été retirée.")).toBeVisible();
    await expect(page.getByText("Retirée", { exact: true }).first()).toBeVisible();
  });

  test("files an erasure request without an account, proving the address by an e-mailed code", async ({ page }) => {
    const email = uniqueEmail("sans-compte");
    await page.goto("/fr/demande?droit=erasure");
    await page.getByRole("radio", { name: "Pour moi-même" }).check();
    await page.getByLabel("Prénom").fill("Inès");
    await page.getByLabel("Nom", { exact: true }).fill("Garcia");
    await page.getByLabel("Date de naissance").fill("1990-02-14");
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.getByRole("button", { name: "Continuer" }).click(); // all data
    await page.getByLabel("Message (facultatif)").fill("Merci de supprimer mon compte.");
    await page.getByRole("button", { name: "Continuer" }).click();

    await page.getByLabel("Prénom").fill("Inès");
    await page.getByLabel("Nom", { exact: true }).fill("Garcia");
    await page.getByLabel("Adresse e-mail").fill(email);
    // Continuing without proving the address is refused.
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page.getByRole("alert").getByText(/Vérifiez votre adresse e-mail avec le code/)).toBeVisible();

    const codeSentAfter = Date.now();
    await page.getByRole("button", { name: "Recevoir un code par e-mail" }).click();
    await expect(page.getByText(/Un code à 6 chiffres a été envoyé/)).toBeVisible();
    await page.getByLabel("Code reçu par e-mail").fill("000000".replace(/0/g, "9"));
    await page.getByRole("button", { name: "Vérifier le code" }).click();
    await expect(page.getByText("Ce code est incorrect.").first()).toBeVisible();
    await page.getByLabel("Code reçu par e-mail").fill(await emailedCode(email, codeSentAfter));
    await page.getByRole("button", { name: "Vérifier le code" }).click();
    await expect(page.getByText(`Adresse ${email} vérifiée.`)).toBeVisible();
    await page.getByRole("button", { name: "Continuer" }).click();

    // Unknown to the platform: only the platform's part, and the rights-request records it must keep.
    await expect(page.getByText(/Réclamations et demandes de droits/).first()).toBeVisible();
    await page.getByRole("button", { name: "Envoyer ma demande" }).click();
    await expect(page.getByRole("heading", { name: "Votre demande est enregistrée" })).toBeVisible();
    await expect(page.getByText(/Un justificatif reste nécessaire/)).toBeVisible();
    await expectAccessible(page);
    await waitForMail(email, /a bien été reçue/);
  });

  test("a parent files for their minor child with a proof of parental authority", async ({ page }) => {
    await page.goto("/fr/demande?droit=access");
    await page.getByRole("radio", { name: "Pour mon enfant ou un mineur que je représente" }).check();
    await page.getByLabel("Prénom").fill("Léo");
    await page.getByLabel("Nom", { exact: true }).fill("Martin");
    await page.getByLabel("Date de naissance").fill("2016-06-21");
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.getByRole("button", { name: "Continuer" }).click();

    await page.getByLabel("Prénom").fill("Camille");
    await page.getByLabel("Nom", { exact: true }).fill("Martin");
    await page.getByLabel("Adresse e-mail").fill("camille.martin@exemple.fr");
    const codeSentAfter = Date.now();
    await page.getByRole("button", { name: "Recevoir un code par e-mail" }).click();
    await page.getByLabel("Code reçu par e-mail").fill(await emailedCode("camille.martin@exemple.fr", codeSentAfter));
    await page.getByRole("button", { name: "Vérifier le code" }).click();
    await expect(page.getByText("Adresse camille.martin@exemple.fr vérifiée.")).toBeVisible();

    // The proof is required, and its type is checked.
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page.getByRole("alert").getByText("Ce justificatif est nécessaire.")).toBeVisible();
    await page
      .getByLabel(/Preuve de l'autorité parentale/)
      .setInputFiles({ name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("bonjour") });
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page.getByRole("alert").getByText("Le fichier doit être un PDF, un JPEG ou un PNG.")).toBeVisible();
    await page.getByLabel(/Preuve de l'autorité parentale/).setInputFiles(pdfFile("livret-de-famille.pdf"));
    await page.getByRole("button", { name: "Continuer" }).click();

    // The doctors who saw the child receive the parts about the child's records; the parent's own do not.
    const review = page.getByRole("region", { name: "Vérifiez avant d'envoyer" });
    await expect(review.getByText("Dr Hélène Rousseau")).toBeVisible();
    await expect(review.getByText("Dr Antoine Dupont")).toBeVisible();
    await expect(review.getByText("Dr Marc Lefebvre")).toHaveCount(0);
    await page.getByRole("button", { name: "Envoyer ma demande" }).click();
    await expect(page.getByRole("heading", { name: "Votre demande est enregistrée" })).toBeVisible();
    await expect(page.getByRole("cell", { name: /Dr Hélène Rousseau/ })).toBeVisible();
  });

  test("wrong inputs show clear errors, announced and linked to their fields", async ({ page }) => {
    await page.goto("/fr/demande");
    await page.getByRole("button", { name: "Continuer" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Corrigez les erreurs suivantes" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Choisissez une des options proposées." })).toBeVisible();

    await page.getByRole("radio", { name: /Corriger mes données/ }).check();
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.getByRole("radio", { name: "Pour mon enfant ou un mineur que je représente" }).check();
    await page.getByLabel("Prénom").fill("Paul");
    await page.getByLabel("Nom", { exact: true }).fill("Durand");
    await page.getByLabel("Date de naissance").fill("1980-01-01");
    await page.getByLabel(/Adresse e-mail de la personne/).fill("pas-une-adresse");
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(
      page.getByText("La personne doit avoir moins de 18 ans à la date de la demande.").first(),
    ).toBeVisible();
    await expect(page.getByText(/Saisissez une adresse e-mail valide/).first()).toBeVisible();
    await expect(page.getByLabel("Date de naissance")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Date de naissance").fill("2015-01-01");
    await page.getByLabel(/Adresse e-mail de la personne/).fill("");
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.getByRole("button", { name: "Continuer" }).click();
    // Rectification needs the correct value.
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page.getByText("Ce champ est obligatoire.").first()).toBeVisible();
    await expectAccessible(page);
  });

  test("English pages and the public registry", async ({ page }) => {
    await page.goto("/fr/registre");
    await expect(page.getByRole("heading", { name: "Qui est responsable de quoi", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Réclamations et demandes de droits", exact: true })).toBeVisible();
    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/en\/registre/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Who is responsible for what", level: 1 })).toBeVisible();
  });
});

test.describe("accessibility of every patient page", () => {
  for (const path of [
    "/fr",
    "/en",
    "/fr/registre",
    "/en/registre",
    "/fr/demande",
    "/en/demande",
    "/fr/connexion",
    "/fr/connexion/verifiez",
    "/fr/mes-demandes",
    "/en/mes-demandes",
  ]) {
    test(`${path} has no serious WCAG 2.1 AA violation`, async ({ page }) => {
      await page.goto(path);
      await expectAccessible(page);
    });
  }

  test("every step of the form is accessible @phone", async ({ page }) => {
    await page.goto("/fr/demande?droit=portability");
    await page.getByRole("radio", { name: "Pour moi-même" }).check();
    await expectAccessible(page);
    await page.getByLabel("Prénom").fill("Zoé");
    await page.getByLabel("Nom", { exact: true }).fill("Roux");
    await page.getByLabel("Date de naissance").fill("1995-05-05");
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.getByRole("radio", { name: /Seulement certains traitements/ }).check();
    await expectAccessible(page);
    await page.getByLabel("Fourniture de Services Personnalisés", { exact: false }).first().check();
    await page.getByRole("button", { name: "Continuer" }).click();
    await expectAccessible(page);
    await page.getByRole("radio", { name: "JSON" }).check();
    await page.getByRole("button", { name: "Continuer" }).click();
    await expectAccessible(page);
    // Nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
