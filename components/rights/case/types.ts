import type { ComponentProps, ComponentType } from "react";
import type { ActionForm } from "@/components/form/action-form";
import type { CaseFile } from "@/lib/backoffice/case-file";
import type { CaseActionName } from "@/lib/cases/case-action.schema";
import type { Locale } from "@/lib/i18n/locale";
import type { Registry } from "@/lib/registry/types";

export interface CasePanelProps {
  locale: Locale;
  request: CaseFile;
  /** The registry the case was filed under. */
  registry: Registry;
  /** The viewer may answer the case (act on it). */
  mayAnswer: boolean;
  /** The case action of that name, bound to this case, for a form. */
  action: (name: CaseActionName) => ComponentProps<typeof ActionForm>["action"];
}

/** What the DPO's case page shows and offers for one right, beyond what every case has. */
export interface RightCasePieces {
  /** A section of its own (the balancing of an objection, the restriction in force, the corrections). */
  Panel?: ComponentType<CasePanelProps>;
  /** Fields of the answer form, when the platform's part is still open. */
  AnswerFields?: ComponentType<CasePanelProps>;
}
