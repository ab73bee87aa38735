"use server";

import { cookies, headers } from "next/headers";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { z } from "zod";
import { AppError, type FieldError, fieldErrorsFromZod, runAction, toAppError } from "@/lib/errors/app-error";
import { currentRegistry } from "@/lib/registry";
import { checkRegistryKeys, requireDetails } from "@/lib/requests/submit-request";
import { fieldMessage } from "@/lib/i18n/errors";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { PROOF_KINDS } from "@/lib/identity/assess-identity";
import { sendEmailCode, verifyEmailCode, ZSendEmailCode, ZVerifyEmailCode } from "@/lib/identity/email-code";
import { EMAIL_PROOF_COOKIE, EMAIL_PROOF_TTL_SECONDS, signEmailProof } from "@/lib/identity/email-proof";
import { previewRequest } from "@/lib/requests/preview-request";
import { webIdentity } from "@/lib/requests/requester-access";
import { webVerification } from "@/lib/requests/submit-web-request";
import { ZDetails, ZScope, ZSubmitRequest } from "@/lib/requests/submit-request.schema";
import { RIGHTS } from "@/lib/rights/rights";
import { clientIpFrom } from "@/lib/http/client-ip";
import { lineText } from "@/lib/validation/text";

const localeOf = (value: unknown): Locale => (isLocale(value) ? value : "fr");
/** The part of the form's payload that says what the right needs. */
const ZRightDetails = z.object({ right: z.enum(RIGHTS), scope: ZScope.default({}), details: ZDetails.default({}) });
/** The form's answers as an object to complete (anything else holds no answer). */
const objectOrEmpty = (value: unknown): object =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};

async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}

/** The search box's text: a line of free text, cut at 60 characters (a name or a city). */
const ZActorSearch = lineText(200).transform((q) => q.slice(0, 60));

/** Health actors whose name or city contains the text; none for anything that is not such a text. */
export async function searchHealthActorsAction(query: unknown) {
  const parsed = ZActorSearch.safeParse(query);
  const q = parsed.success ? parsed.data : "";
  if (q.length < 2) return [];
  return db().healthActor.findMany({
    where: { OR: [{ name: { contains: q, mode: "insensitive" } }, { city: { contains: q, mode: "insensitive" } }] },
    select: { id: true, name: true, specialty: true, city: true },
    orderBy: { name: "asc" },
    take: 10,
  });
}

export async function sendCodeAction(locale: string, email: string) {
  const lang = localeOf(locale);
  return runAction(lang, async () => {
    const input = ZSendEmailCode.parse({ email });
    await sendEmailCode(db(), input.email, await clientIp(), lang, env().AUTH_SECRET);
    return {};
  });
}

export async function verifyCodeAction(locale: string, email: string, code: string) {
  return runAction(localeOf(locale), async () => {
    const input = ZVerifyEmailCode.parse({ email, code });
    await verifyEmailCode(db(), input.email, input.code, env().AUTH_SECRET);
    (await cookies()).set(EMAIL_PROOF_COOKIE, signEmailProof(input.email, env().AUTH_SECRET), {
      httpOnly: true,
      sameSite: "lax",
      secure: env().APP_URL.startsWith("https://"),
      path: "/",
      maxAge: EMAIL_PROOF_TTL_SECONDS,
    });
    return { email: input.email };
  });
}

/**
 * Checks the form's answers with the server's own schema and returns the errors of the fields under
 * `paths` (the current step), translated. Keeps the validation library out of the browser.
 */
export async function validateStepAction(locale: string, payload: unknown, paths: unknown) {
  const lang = localeOf(locale);
  const steps = z.array(z.string().max(40)).max(10).safeParse(paths);
  if (!steps.success || typeof payload !== "object" || payload === null) return [];
  const result = ZSubmitRequest.safeParse({
    ...objectOrEmpty(payload),
    channel: "web",
    receivedAt: new Date().toISOString(),
  });
  const fields: FieldError[] = result.success ? [] : fieldErrorsFromZod(result.error);
  const registryChecks = (check: () => void) => {
    try {
      check();
    } catch (error) {
      fields.push(...(toAppError(error)?.fields ?? []));
    }
  };
  if (result.success) registryChecks(() => checkRegistryKeys(result.data, currentRegistry()));
  // The details the right needs, asked at their step while later steps are still empty.
  const request = ZRightDetails.safeParse(payload);
  if (request.success) registryChecks(() => requireDetails(request.data, currentRegistry()));
  return fields
    .filter((f) => steps.data.some((p) => f.path === p || f.path.startsWith(`${p}.`)))
    .map((f) => ({ path: f.path, message: fieldMessage(f.key, lang) }));
}

/** The kinds of proof the form holds a file for. */
const ZProofKinds = z.array(z.enum(PROOF_KINDS, "choice"), "invalid").max(PROOF_KINDS.length, "too_long");

export async function previewAction(locale: string, payload: unknown, proofKinds: unknown) {
  const lang = localeOf(locale);
  return runAction(lang, async () => {
    const proofs = ZProofKinds.safeParse(proofKinds);
    if (!proofs.success) throw AppError.validation([{ path: "proofKinds", key: "invalid" }]);
    const input = ZSubmitRequest.parse({
      ...objectOrEmpty(payload),
      channel: "web",
      receivedAt: new Date().toISOString(),
    });
    const verification = webVerification(await webIdentity(), input.requester.email) ?? "none";
    return { preview: await previewRequest(db(), input, verification, lang, proofs.data) };
  });
}
