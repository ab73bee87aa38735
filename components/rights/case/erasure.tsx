import { messages } from "@/lib/i18n/messages";
import { isOpenPart } from "@/lib/case-file/state-machine";
import type { CasePanelProps, RightCasePieces } from "./types";

/** GDPR Art. 17 granted in part: the processing erased, among the platform's part's own. */
function ErasureAnswerFields({ locale, request, registry }: CasePanelProps) {
  const platformPart = request.parts.find((p) => p.handler === "platform");
  if (!platformPart || !isOpenPart(platformPart.status)) return null;
  const purposes = new Map(registry.activities.map((a) => [a.key, a.purpose[locale]]));
  return (
    <fieldset>
      <legend>{messages(locale).backoffice.grantedActivities}</legend>
      {platformPart.activities.map((key) => (
        <label key={key} className="choice">
          <input type="checkbox" name="grantedActivities" value={key} /> <span>{purposes.get(key) ?? key}</span>
        </label>
      ))}
    </fieldset>
  );
}

export const erasureCase: RightCasePieces = { AnswerFields: ErasureAnswerFields };
