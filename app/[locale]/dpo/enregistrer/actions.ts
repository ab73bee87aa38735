"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { runAction } from "@/lib/errors/app-error";
import { receivedAtFromForm } from "@/lib/http/form-received-at";
import { isLocale } from "@/lib/i18n/locale";
import { submitRequest } from "@/lib/requests/submit-request";
import { ZSubmitRequest } from "@/lib/requests/submit-request.schema";
import { staffAllowedTo } from "@/lib/staff/current-staff";
import { actionForm } from "@/lib/http/action-form";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
};

/** A request received by post, e-mail, phone or in person, registered with its real receipt time. */
export async function registerRequestAction(locale: string, _previous: unknown, formData: unknown) {
  const lang = isLocale(locale) ? locale : "fr";
  const result = await runAction(lang, async () => {
    const viewer = await staffAllowedTo("requests.create");
    const form = actionForm(formData);
    const input = ZSubmitRequest.parse({
      right: text(form, "right"),
      channel: text(form, "channel"),
      receivedAt: receivedAtFromForm(form, "received", "receivedAt"),
      locale: text(form, "locale") ?? "fr",
      requester: {
        firstName: text(form, "requesterFirstName"),
        lastName: text(form, "requesterLastName"),
        email: text(form, "requesterEmail"),
        phone: text(form, "requesterPhone"),
      },
      subject: {
        relation: text(form, "relation"),
        firstName: text(form, "subjectFirstName"),
        lastName: text(form, "subjectLastName"),
        birthDate: text(form, "subjectBirthDate"),
      },
      details: { message: text(form, "message") },
    });
    const { request } = await submitRequest(db(), input, { actor: { type: "staff", staffUserId: viewer.id } });
    return { reference: request.reference };
  });
  if (result.ok) redirect(`/${lang}/dpo/demandes/${result.reference}`);
  return result;
}
