import { ActionForm } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { db } from "@/lib/db";
import { fill } from "@/lib/i18n/fill";
import { formatInstant } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import type { CasePanelProps, RightCasePieces } from "./types";

/** GDPR Art. 18: whether this case's restriction is in force, and its lifting (told first, Art. 18(3)). */
async function RestrictionPanel({ locale, request, mayAnswer, action }: CasePanelProps) {
  const b = messages(locale).backoffice;
  const restricted = request.subjectPatientId
    ? await db().patient.findUnique({
        where: { id: request.subjectPatientId },
        select: { restrictedAt: true, restrictionReference: true, restrictionLiftNoticeAt: true },
      })
    : null;
  return (
    <section aria-labelledby="restriction-title">
      <h2 id="restriction-title">{b.restrictionTitle}</h2>
      {restricted?.restrictionReference === request.reference && restricted.restrictedAt ? (
        <div className="card">
          <p>{fill(b.restrictionActive, { date: formatInstant(restricted.restrictedAt, locale) })}</p>
          {restricted.restrictionLiftNoticeAt ? (
            <>
              <p>
                {fill(b.restrictionNoticeSent, { date: formatInstant(restricted.restrictionLiftNoticeAt, locale) })}
              </p>
              {mayAnswer ? (
                <ActionForm
                  id="lift"
                  form="case.lift_restriction"
                  locale={locale}
                  action={action("lift_restriction")}
                  submitLabel={b.restrictionLift}
                >
                  {null}
                </ActionForm>
              ) : null}
            </>
          ) : mayAnswer ? (
            <ActionForm
              id="announce"
              form="case.announce_lift"
              locale={locale}
              action={action("announce_lift")}
              submitLabel={b.restrictionAnnounce}
            >
              <TextField name="reason" label={b.restrictionAnnounceReason} multiline />
            </ActionForm>
          ) : null}
        </div>
      ) : (
        <p>{b.restrictionNone}</p>
      )}
    </section>
  );
}

export const restrictionCase: RightCasePieces = { Panel: RestrictionPanel };
