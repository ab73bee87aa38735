import type { Locale } from "@/lib/i18n/locale";
import type { Localized } from "@/lib/registry/types";
import { access } from "./access";
import { consentWithdrawal } from "./consent-withdrawal";
import { erasure } from "./erasure";
import { objection } from "./objection";
import { portability } from "./portability";
import { postMortemDirectives } from "./post-mortem-directives";
import { rectification } from "./rectification";
import { restriction } from "./restriction";
import { RIGHTS, type RightKey } from "./rights";
import type { DetailsGiven, RightDefinition } from "./types";

/**
 * The rights, each defined in its own folder. Intake, applicability, routing, the letters and the
 * pages ask this table what a right is; a new right is a new folder and a new line here.
 */
export const RIGHT_DEFINITIONS: Record<RightKey, RightDefinition> = {
  access,
  rectification,
  erasure,
  restriction,
  portability,
  objection,
  consent_withdrawal: consentWithdrawal,
  post_mortem_directives: postMortemDirectives,
};

export { LEGAL_BASIS_LABELS, RIGHTS, type RightKey } from "./rights";

const table = <T>(pick: (right: RightDefinition) => T) =>
  Object.fromEntries(RIGHTS.map((key) => [key, pick(RIGHT_DEFINITIONS[key])])) as Record<RightKey, T>;

export const RIGHT_LABELS: Record<RightKey, Localized> = table((r) => r.label);

/** Each right as a patient picks it, in one language (what the request form is given). */
export function rightChoices(locale: Locale): Record<RightKey, { title: string; summary: string }> {
  return table((r) => ({ title: r.title[locale], summary: r.summary[locale] }));
}
export const RIGHT_ARTICLES: Record<RightKey, string> = table((r) => r.article);

/** GDPR Art. 19: the rights after which the recipients of the data are told. */
export const ART_19_RIGHTS: readonly RightKey[] = RIGHTS.filter((key) => RIGHT_DEFINITIONS[key].tellsRecipients);

/** LIL art. 85 II: the rights heirs may not exercise for a deceased person without directives. */
export const HEIR_EXCLUDED_RIGHTS: readonly RightKey[] = RIGHTS.filter((key) => !RIGHT_DEFINITIONS[key].openToHeirs);

/** What a health actor is shown of a request's details (the right's own view), in its language. */
export function actorDetailLines(
  right: RightKey,
  details: DetailsGiven,
  locale: Locale,
): { label: string; value: string }[] {
  return (RIGHT_DEFINITIONS[right].actorView?.(details) ?? []).map((line) => ({
    label: line.label[locale],
    value: typeof line.value === "string" ? line.value : line.value[locale],
  }));
}
