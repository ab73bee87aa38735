import { RIGHT_DEFINITIONS } from "@/lib/rights";
import type { Metadata } from "next";
import { AccessDenied } from "@/components/access-denied";
import { ActionForm } from "@/components/action-form";
import { SelectField } from "@/components/select-field";
import { can } from "@/lib/auth/permissions";
import { messages } from "@/lib/i18n/messages";
import { pageLocale } from "@/lib/i18n/page-locale";
import { CHANNELS, SUBJECT_RELATIONS } from "@/lib/requests/submit-request.constants";
import { RIGHTS } from "@/lib/rights/rights";
import { requireStaff } from "@/lib/staff/current-staff";
import { registerRequestAction } from "./actions";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return { title: messages(await pageLocale(params)).backoffice.registerRequest };
}

/** Registering a request received outside the portal: the same rules as the form and the API. */
export default async function RegisterRequestPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const viewer = await requireStaff(locale);
  const t = messages(locale);
  const b = t.backoffice;
  if (!can(viewer.role, "requests.create")) return <AccessDenied text={b.denied} />;
  const input = (id: string, label: string, type = "text") => (
    <div>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={id} type={type} />
    </div>
  );
  return (
    <main className="narrow">
      <h1>{b.registerRequest}</h1>
      <p>{b.registerIntro}</p>
      <ActionForm id="register" action={registerRequestAction.bind(null, locale)} submitLabel={b.registerSubmit}>
        <SelectField
          id="right"
          label={b.right}
          value="access"
          options={RIGHTS.map((r) => ({ value: r, label: RIGHT_DEFINITIONS[r].title[locale] }))}
        />
        <SelectField
          id="channel"
          label={b.channel}
          value="post"
          options={CHANNELS.filter((c) => c !== "web").map((c) => ({ value: c, label: b.channels[c] }))}
        />
        {input("receivedDay", b.receivedDay, "date")}
        {input("receivedTime", b.receivedTime, "time")}
        <SelectField
          id="locale"
          label={b.language}
          value="fr"
          options={[
            { value: "fr", label: "Français" },
            { value: "en", label: "English" },
          ]}
        />
        <fieldset>
          <legend>{b.requester}</legend>
          {input("requesterFirstName", t.form.firstName)}
          {input("requesterLastName", t.form.lastName)}
          {input("requesterEmail", t.form.email, "email")}
          {input("requesterPhone", t.form.phone, "tel")}
        </fieldset>
        <fieldset>
          <legend>{b.subject}</legend>
          <SelectField
            id="relation"
            label={b.relation}
            value="self"
            options={SUBJECT_RELATIONS.map((r) => ({ value: r, label: b.relations[r] }))}
          />
          {input("subjectFirstName", t.form.firstName)}
          {input("subjectLastName", t.form.lastName)}
          {input("subjectBirthDate", t.form.birthDate, "date")}
        </fieldset>
        <label htmlFor="message">{t.form.message}</label>
        <textarea id="message" name="message" />
      </ActionForm>
    </main>
  );
}
