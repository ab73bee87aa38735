import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { expireDataExports } from "@/lib/rights/access/data-export";
import { createDb } from "@/lib/db";
import { getStorage } from "@/lib/storage";
import { DEMO_PATIENTS } from "@/prisma/seed/demo";
import { expectAccessible, grantPlatformPartAsDpo, signInByMagicLink, waitForMail } from "./support";

const db = createDb(process.env.DATABASE_URL!, 2);
const camille = DEMO_PATIENTS.camille;

test.afterAll(async () => {
  await db.$disconnect();
});

test("a patient gets the copy of her data: the DPO answers, she downloads the PDF and the ZIP; once expired, the link says so", async ({
  page,
  browser,
}) => {
  // The patient files an access request about the platform's own data.
  await signInByMagicLink(page, camille.email);
  await page.goto("/fr/demande?droit=access");
  await page.getByRole("radio", { name: "Pour moi-même" }).check();
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByRole("radio", { name: /Toutes mes données/ }).check();
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.getByRole("heading", { name: "Votre demande est enregistrée" })).toBeVisible();
  const reference = (await page.locator("dd strong").first().textContent())!.trim();

  // The DPO answers the platform's part.
  const since = Date.now();
  await (
    await grantPlatformPartAsDpo(browser, db, reference, "Vous trouverez la copie de vos données dans votre espace.")
  )
    .context()
    .close();
  await waitForMail(camille.email, new RegExp(`Réponse à votre demande \\(${reference}\\)`), since);

  // The patient downloads both files and opens them.
  await page.goto(`/fr/mes-demandes/${reference}`);
  await page.getByRole("link", { name: /Copie de vos données \(jusqu'au/ }).click();
  await expect(page.getByRole("heading", { name: "La copie de vos données" })).toBeVisible();
  await expectAccessible(page);
  const zip = await page.request.get((await page.getByRole("link", { name: /Données \(ZIP/ }).getAttribute("href"))!);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  const data = JSON.parse(strFromU8(unzipSync(new Uint8Array(await zip.body()))["donnees.json"]!)) as {
    account: { email: string };
    rightsRequests: { reference: string }[];
  };
  expect(data.account.email).toBe(camille.email);
  expect(data.rightsRequests.map((r) => r.reference)).toContain(reference);
  const pdf = await page.request.get((await page.getByRole("link", { name: /Rapport lisible/ }).getAttribute("href"))!);
  const { extractText, getDocumentProxy } = await import("unpdf");
  const text = (await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true })).text;
  expect(text).toContain("Sommaire");
  expect(text).toContain(`${camille.firstName}`);

  // A week later the files are gone, and the link shows a readable page.
  const copy = await db.dataExport.findFirstOrThrow({ where: { request: { reference } } });
  await expireDataExports(db, getStorage(), new Date(copy.expiresAt.getTime() + 1000));
  const expired = await page.request.get(`/fr/mes-demandes/${reference}/copie/${copy.id}/fichier?format=zip`, {
    maxRedirects: 0,
  });
  expect(expired.status()).toBe(303);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Ce lien a expiré" })).toBeVisible();
  await expect(page.getByText(/les fichiers ont été supprimés/)).toBeVisible();
  await expectAccessible(page);
});
