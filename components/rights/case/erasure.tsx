import { ChoiceField } from "@/components/form/fields";
import { messages } from "@/lib/i18n/messages";
import { isOpenPart } from "@/lib/case-file/state-machine";
import type { CasePanelProps, RightCasePieces } from "./types";

/** GDPR Art. 17 granted in part: the processing erased, among the platform's part's own. */
function ErasureAnswerFields({ locale, request, registry }: CasePanelProps) {
  const platformPart = request.parts.find((p) => p.handler === "platform");
  if (!platformPart || !isOpenPart(platformPart.status)) return null;
  const purposes = new Map(registry.activities.map((a) => [a.key, a.purpose[locale]]));
  return (
    <ChoiceField
      name="grantedActivities"
      legend={messages(locale).backoffice.grantedActivities}
      multiple
      options={platformPart.activities.map((key) => ({ value: key, label: purposes.get(key) ?? key }))}
    />
  );
}

export const erasureCase: RightCasePieces = { AnswerFields: ErasureAnswerFields };
