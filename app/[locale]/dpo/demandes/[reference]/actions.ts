"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addNote } from "@/lib/cases/add-note";
import { assignCase } from "@/lib/cases/assign-case";
import { decideIdentity, ZIdentityDecision } from "@/lib/cases/decide-identity";
import { db } from "@/lib/db";
import { runAction } from "@/lib/errors/app-error";
import { isLocale } from "@/lib/i18n/locale";
import { staffAllowedTo } from "@/lib/staff/current-staff";
import { getStorage } from "@/lib/storage";

const lang = (locale: string) => (isLocale(locale) ? locale : "fr");
const ZNote = z.object({ text: z.string().trim().min(1, "required").max(5000, "too_long") });
const ZAssign = z.object({ agentId: z.union([z.uuid("uuid"), z.literal("")]) });

export async function assignAction(locale: string, reference: string, _previous: unknown, form: FormData) {
  return runAction(lang(locale), async () => {
    const viewer = await staffAllowedTo("requests.assign");
    const { agentId } = ZAssign.parse({ agentId: form.get("agentId") ?? "" });
    await assignCase(db(), reference, agentId || null, { type: "staff", staffId: viewer.id, actorId: viewer.id });
    revalidatePath(`/${lang(locale)}/dpo/demandes/${reference}`);
    return {};
  });
}

export async function noteAction(locale: string, reference: string, _previous: unknown, form: FormData) {
  return runAction(lang(locale), async () => {
    const viewer = await staffAllowedTo("requests.note");
    const { text } = ZNote.parse({ text: form.get("text") });
    await addNote(db(), reference, text, { type: "staff", staffId: viewer.id, actorId: viewer.id });
    revalidatePath(`/${lang(locale)}/dpo/demandes/${reference}`);
    return {};
  });
}

export async function decideIdentityAction(locale: string, reference: string, _previous: unknown, form: FormData) {
  return runAction(lang(locale), async () => {
    const viewer = await staffAllowedTo("identity.decide");
    const input = ZIdentityDecision.parse({ decision: form.get("decision"), reason: form.get("reason") || undefined });
    await decideIdentity(db(), getStorage(), reference, input, { type: "staff", staffId: viewer.id, actorId: viewer.id });
    revalidatePath(`/${lang(locale)}/dpo/demandes/${reference}`);
    return {};
  });
}
