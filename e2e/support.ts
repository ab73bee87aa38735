import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Browser, expect, type Page, request as requests } from "@playwright/test";
import { totpAt } from "@/lib/auth/totp";
import type { Db } from "@/lib/db";
import { upsertStaff } from "@/lib/staff/create-staff";

const MAILDEV = process.env.MAILDEV_URL ?? "http://127.0.0.1:1080";

interface Mail {
  id: string;
  time: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string }[];
  attachments?: { generatedFileName: string; contentType: string }[];
}

/**
 * Waits for a message to an address in the SMTP catcher, as a person would check their inbox: the
 * newest matching one received since `since` (so an older link or code is never picked).
 */
export async function waitForMail(address: string, subject: RegExp, since = 0, timeoutMs = 20_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${MAILDEV}/api/email?to.address=${encodeURIComponent(address)}`);
    const mails = (await response.json()) as Mail[];
    // maildev keeps whole seconds: allow for the rounding.
    const found = mails.reverse().find((m) => subject.test(m.subject) && Date.parse(m.time) >= since - 1000);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`No e-mail to ${address} matching ${subject} within ${timeoutMs} ms`);
}

/** The Message-ID header of a caught message, read from its source as it arrived. */
export async function mailMessageId(id: string): Promise<string | null> {
  const response = await fetch(`${MAILDEV}/api/email/${id}/source`);
  return /^message-id:\s*(<[^>\r\n]+>)/im.exec(await response.text())?.[1] ?? null;
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@exemple.fr`;
}

/** Signs in through the real magic link received by e-mail. */
export async function signInByMagicLink(page: Page, email: string, locale: "fr" | "en" = "fr") {
  const since = Date.now();
  await page.goto(`/${locale}/connexion`);
  await page.getByLabel(locale === "fr" ? "Adresse e-mail" : "E-mail address").fill(email);
  await page.getByRole("button", { name: locale === "fr" ? "Recevoir le lien" : "Send me the link" }).click();
  await expect(
    page.getByRole("heading", { name: locale === "fr" ? "Consultez votre messagerie" : "Check your mailbox" }),
  ).toBeVisible();
  const mail = await waitForMail(email, /lien de connexion|sign-in link/, since);
  const link = mail.html.match(/href="([^"]*\/api\/auth\/callback\/email[^"]*)"/)?.[1];
  if (!link) throw new Error("No sign-in link in the e-mail");
  await page.goto(link.replaceAll("&amp;", "&"));
}

/**
 * A browserless client signed in through the real magic link (Auth.js's CSRF token, the sign-in
 * endpoint, the link from the mailbox): its cookies are the session. Dispose of it when done.
 */
export async function signedInClient(baseURL: string, email: string): Promise<APIRequestContext> {
  const client = await requests.newContext({ baseURL });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const since = Date.now();
  const asked = await client.post("/api/auth/signin/email", {
    form: { email, csrfToken, callbackUrl: `${baseURL}/fr`, json: "true" },
  });
  expect(asked.status()).toBe(200);
  const mail = await waitForMail(email, /lien de connexion|sign-in link/, since);
  const link = mail.html.match(/href="([^"]*\/api\/auth\/callback\/email[^"]*)"/)?.[1];
  if (!link) throw new Error("No sign-in link in the e-mail");
  await client.get(link.replaceAll("&amp;", "&"), { maxRedirects: 0 });
  const session = (await (await client.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(email);
  return client;
}

/** The 6-digit code of the latest verification e-mail to an address. */
export async function emailedCode(address: string, since: number): Promise<string> {
  const mail = await waitForMail(address, /code de vérification|verification code/, since);
  const code = mail.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error("No code in the e-mail");
  return code;
}

/** An automated WCAG 2.1 A/AA check: no serious or critical violation. */
export async function expectAccessible(page: Page) {
  // After a client-side navigation the page's title arrives with its streamed metadata: wait for it.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A small but real PDF file. */
export function pdfFile(name: string) {
  const body =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  return { name, mimeType: "application/pdf", buffer: Buffer.from(body) };
}

const STAFF_PASSWORD = "mot de passe de l'agent";

/** A new DPO agent or admin, with the TOTP secret their authenticator app would hold. */
export async function staffMember(db: Db, role: "dpo_agent" | "dpo_admin") {
  const email = uniqueEmail(role === "dpo_agent" ? "agent" : "admin");
  const { id, totpSecret } = await upsertStaff(
    db,
    { email, name: role === "dpo_agent" ? "Agnès Agent" : "Adrien Admin", role, password: STAFF_PASSWORD },
    process.env.AUTH_SECRET!,
  );
  return { id, email, totpSecret };
}

/** Signs a staff member in to the back office: password, then the current TOTP code. */
export async function signInAsStaff(page: Page, staff: { email: string; totpSecret: string }) {
  await page.goto("/fr/dpo");
  await expect(page).toHaveURL(/\/fr\/dpo\/connexion/);
  await page.getByLabel("Adresse e-mail").fill(staff.email);
  await page.getByLabel("Mot de passe").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByLabel(/Code à 6 chiffres/).fill(totpAt(staff.totpSecret, new Date()));
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "File des demandes", level: 1 })).toBeVisible();
}

/**
 * A new DPO agent, in a browser context of their own, grants the platform's part of a case with a
 * message. Returns the agent's page on the case once the answer is recorded (close its context when done).
 */
export async function grantPlatformPartAsDpo(
  browser: Browser,
  db: Db,
  reference: string,
  message: string,
  recorded = "Réponse envoyée",
): Promise<Page> {
  const context = await browser.newContext();
  const dpo = await context.newPage();
  await signInAsStaff(dpo, await staffMember(db, "dpo_agent"));
  await dpo.goto(`/fr/dpo/demandes/${reference}`);
  await dpo.getByLabel("Partie", { exact: true }).selectOption({ label: "La plateforme" });
  await dpo.getByRole("radio", { name: "Accordée", exact: true }).check();
  await dpo.getByLabel(/Réponse \(pour un acteur de santé/).fill(message);
  await dpo.getByRole("button", { name: "Répondre et envoyer le courrier" }).click();
  await expect(dpo.getByText(recorded).first()).toBeVisible();
  return dpo;
}
