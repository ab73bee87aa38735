import type { ComponentType } from "react";
import type { FieldErrors } from "@/components/request-form/fields";
import type { FormActivity } from "@/components/request-form/request-form";
import type { Messages } from "@/lib/i18n/messages";
import type { TSubmitRequest } from "@/lib/requests/submit-request.schema";

/** What the request form holds of the details while the patient types (strings as typed). */
export type DetailsState = {
  message: string;
  objectionGrounds: string;
  consents: string[];
  portabilityFormat: string;
  restrictionGround: string;
  directives: string;
  designated: { firstName: string; lastName: string; email: string };
  rectifications: { field: string; current: string; corrected: string }[];
};

export interface RightFieldsProps {
  t: Messages["form"];
  details: DetailsState;
  set: (patch: Partial<DetailsState>) => void;
  errors: FieldErrors;
  activities: FormActivity[];
}

/** What the request form asks for one right, and what of it is sent. */
export interface RightFormPiece {
  /** The right's own fields on the details step (none: only the message). */
  Fields?: ComponentType<RightFieldsProps>;
  /** The right's details as the server reads them (lib/rights/<right>/details.ts). */
  payload(details: DetailsState): Omit<TSubmitRequest["details"], "message">;
}
