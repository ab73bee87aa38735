import { ActionForm } from "@/components/form/action-form";
import { ChoiceField, TextField } from "@/components/form/fields";
import { fill } from "@/lib/i18n/fill";
import { messages } from "@/lib/i18n/messages";
import { balancedActivities } from "@/lib/rights/objection/objection";
import type { CasePanelProps, RightCasePieces } from "./types";

/** GDPR Art. 21(1): the processing on legitimate or public interest, whose balancing the DPO decides. */
function ObjectionPanel({ locale, request, registry, mayAnswer, action }: CasePanelProps) {
  const b = messages(locale).backoffice;
  const purposes = new Map(registry.activities.map((a) => [a.key, a.purpose[locale]]));
  const balanced = balancedActivities(
    registry,
    request.parts.filter((p) => p.handler === "platform").flatMap((p) => p.activities),
  ).map((key) => purposes.get(key) ?? key);
  if (balanced.length === 0) return null;
  return (
    <section aria-labelledby="balance-title">
      <h2 id="balance-title">{b.balanceTitle}</h2>
      <p>{fill(b.balanceIntro, { activities: balanced.join(", ") })}</p>
      {mayAnswer ? (
        <div className="card">
          <ActionForm
            id="balance"
            form="case.balance_objection"
            locale={locale}
            action={action("balance_objection")}
            submitLabel={b.balanceSubmit}
          >
            <ChoiceField
              legend={b.balanceDecision}
              name="decision"
              options={[
                { value: "objection_upheld", label: b.balanceUpheld },
                { value: "compelling_grounds", label: b.balanceCompelling },
              ]}
            />
            <TextField name="reasons" label={b.balanceReasons} multiline />
          </ActionForm>
        </div>
      ) : null}
    </section>
  );
}

export const objectionCase: RightCasePieces = { Panel: ObjectionPanel };
