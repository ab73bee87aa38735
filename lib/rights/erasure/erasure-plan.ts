import { parisDay } from "@/lib/deadlines";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Localized, Registry } from "@/lib/registry/types";
import { rightApplicability } from "@/lib/rights/applicability";

/**
 * Erasure (GDPR Art. 17) of the platform's own data, as the privacy policy (seed 001, section 5)
 * organises it: what an erasure covers follows the processing in scope, and what stays is listed,
 * with its reason, in the deletion certificate.
 */

/** Documents and account information stay this long in the archive after an erasure, then are purged. */
export const ARCHIVE_DAYS = 7;

export interface ErasurePlan {
  /** The account itself ("Création et gestion de Compte Utilisateur"), or a relative's profile in it. */
  profile: boolean;
  /** Documents moved to the archive: every one, only the prescriptions shared, or none. */
  documents: "all" | "prescriptions" | "none";
  /** Consent records deleted: every one (the account goes), or those of the activities in scope. */
  consents: "all" | string[];
  /** Marketing preferences deleted. */
  marketing: boolean;
}

/** What an erasure of the platform's part covering `activities` removes. */
export function erasurePlan(activities: readonly string[]): ErasurePlan {
  const has = (key: string) => activities.includes(key);
  const profile = has("account_management");
  return {
    profile,
    documents: profile || has("personalised_services") ? "all" : has("prescription_sharing") ? "prescriptions" : "none",
    consents: profile ? "all" : [...activities],
    marketing: profile || has("direct_marketing"),
  };
}

export type ErasedItem =
  | "account"
  | "relative_profiles"
  | "relative_links"
  | "documents"
  | "consents"
  | "marketing_preferences";
export type KeptItem =
  | "case_file"
  | "account_data"
  | "actor_appointments"
  | "actor_documents"
  | "closed_relative_profiles"
  | "shared_relative_profiles"
  | "marketing_suppression"
  | "archive"
  | "legal_obligation";

/** The grounds of Art. 17(1) an erasure rests on. */
export type ErasureGround = "a" | "b" | "c" | "f";

/**
 * Each erased activity's ground, from its legal basis in the registry: consent withdrawn (b), the
 * contract ended by closing the account so the data is no longer needed (a), an objection to a
 * legitimate interest or to marketing (c); a child's data collected online (f, LIL art. 51 II).
 * Activities the law requires keeping have none (Art. 17(3)(b)).
 */
export function erasureGrounds(
  registry: Registry,
  activities: readonly string[],
  child: boolean,
): { ground: ErasureGround; activities: string[] }[] {
  const grounds = new Map<ErasureGround, string[]>();
  for (const activity of registry.activities) {
    if (
      activity.controller !== "platform" ||
      !activities.includes(activity.key) ||
      !rightApplicability("erasure", activity).applicable
    )
      continue;
    const bases = activity.legalBases;
    const ground: ErasureGround = child
      ? "f"
      : bases.includes("consent")
        ? "b"
        : bases.includes("contract")
          ? "a"
          : "c";
    grounds.set(ground, [...(grounds.get(ground) ?? []), activity.key]);
  }
  return [...grounds].sort(([a], [b]) => a.localeCompare(b)).map(([ground, keys]) => ({ ground, activities: keys }));
}

const GROUNDS: Record<ErasureGround, Localized> = {
  a: {
    fr: "Les données ne sont plus nécessaires : le compte est fermé, ce qui met fin au contrat (RGPD art. 17(1)(a))",
    en: "The data is no longer necessary: the account is closed, ending the contract (GDPR Art. 17(1)(a))",
  },
  b: {
    fr: "Retrait du consentement sur lequel le traitement reposait (RGPD art. 17(1)(b))",
    en: "Withdrawal of the consent the processing rested on (GDPR Art. 17(1)(b))",
  },
  c: {
    fr: "Opposition au traitement, sans motif légitime impérieux qui prévale (RGPD art. 17(1)(c))",
    en: "Objection to the processing, with no overriding legitimate grounds (GDPR Art. 17(1)(c))",
  },
  f: {
    fr: "Données d'un mineur collectées dans le cadre de services en ligne (RGPD art. 17(1)(f) ; loi Informatique et Libertés, art. 51 II)",
    en: "Data of a minor collected in relation to online services (GDPR Art. 17(1)(f); French Data Protection Act, Art. 51 II)",
  },
};

/** What an erasure did, stored with the case (no personal data: counts, health actors' names, activity keys). */
export interface ErasureSummary {
  erasedAt: string;
  grounds: { ground: ErasureGround; activities: string[] }[];
  erased: { item: ErasedItem; count: number }[];
  /** `names`: health actors the requester may know of; `others`: some are not named (their part is hidden from the requester). */
  kept: { item: KeptItem; count: number; names?: string[]; others?: boolean }[];
  /** When the archive is purged for good (ISO instant), if anything went to it. */
  archivedUntil: string | null;
}

/** The platform's activities in scope that erasure does not reach: the law requires keeping them (Art. 17(3)(b)). */
export function legalObligationActivities(registry: Registry, activities: readonly string[]): string[] {
  return registry.activities
    .filter((a) => a.controller === "platform" && activities.includes(a.key) && a.key !== "rights_requests")
    .filter((a) => !rightApplicability("erasure", a).applicable)
    .map((a) => a.key);
}

const ERASED: Record<ErasedItem, (n: number) => Localized> = {
  account: () => ({
    fr: "Votre compte : coordonnées (adresse e-mail, téléphone, adresse postale), nom de naissance, lieu de naissance, date du dernier rendez-vous pris.",
    en: "Your account: contact details (e-mail address, phone, postal address), birth name, place of birth, date of the last appointment booked.",
  }),
  relative_profiles: (n) => ({ fr: `Profils de proches supprimés : ${n}.`, en: `Relatives' profiles deleted: ${n}.` }),
  relative_links: (n) => ({
    fr: `Rattachements de proches au compte supprimés : ${n}.`,
    en: `Links between relatives and the account deleted: ${n}.`,
  }),
  documents: (n) => ({ fr: `Documents retirés du compte : ${n}.`, en: `Documents removed from the account: ${n}.` }),
  consents: (n) => ({ fr: `Consentements enregistrés supprimés : ${n}.`, en: `Recorded consents deleted: ${n}.` }),
  marketing_preferences: (n) => ({
    fr: `Préférences de communication supprimées : ${n}.`,
    en: `Communication preferences deleted: ${n}.`,
  }),
};

type KeptText = (n: number, names: string, until: string, others: boolean) => { what: Localized; why: Localized };

const KEPT: Record<KeptItem, KeptText> = {
  case_file: () => ({
    what: {
      fr: "Le dossier de cette demande (identité, échanges, réponses).",
      en: "The file of this request (identity, exchanges, answers).",
    },
    why: {
      fr: "Conservé 5 ans à compter de la demande pour prouver que vos droits ont été respectés : obligation légale et défense de droits en justice (RGPD art. 17(3)(b) et (e)).",
      en: "Kept 5 years from the request to prove your rights were honoured: legal obligation and defence of legal claims (GDPR Art. 17(3)(b) and (e)).",
    },
  }),
  actor_appointments: (n, names, _until, others) => ({
    what: {
      fr: `${n} rendez-vous dans l'agenda ${names ? `de : ${names}${others ? ", et d'autres acteurs de santé" : ""}` : "d'acteurs de santé"}, avec les nom, prénom et date de naissance de la personne.`,
      en: `${n} appointments in the agenda ${names ? `of: ${names}${others ? ", and other health actors" : ""}` : "of health actors"}, with the person's names and date of birth.`,
    },
    why: {
      fr: "La plateforme les traite pour le compte de ces acteurs de santé, responsables du traitement, qui fixent leur durée de conservation (dossier médical : code de la santé publique, art. R1112-7). Votre demande leur est transmise s'ils sont concernés ; vous pouvez aussi vous adresser à eux.",
      en: "The platform processes them on behalf of these health actors, the controllers, who set how long they are kept (medical records: Public Health Code, Art. R1112-7). Your request goes to those concerned; you may also contact them.",
    },
  }),
  account_data: (_n, names) => ({
    what: {
      fr: `Les données du compte ou du profil que ces traitements utilisent : ${names}.`,
      en: `The account's or profile's data this processing uses: ${names}.`,
    },
    why: {
      fr: "Elles servent aussi au compte ou au profil, qui reste ouvert : elles ne sont effacées qu'avec lui (demande d'effacement du compte ou du profil). Ces traitements n'en détenaient pas d'autres à effacer.",
      en: "They also serve the account or profile, which stays open: they are erased only with it (a request to erase the account or profile). This processing held nothing else to erase.",
    },
  }),
  actor_documents: (n) => ({
    what: {
      fr: `${n} document(s) que des acteurs de santé avaient partagé(s) dans le compte.`,
      en: `${n} document(s) health actors had shared in the account.`,
    },
    why: {
      fr: "Retirés du compte avec les autres ; l'acteur de santé qui les a établis en garde l'original dans son propre dossier, hors de la plateforme, sous sa responsabilité (code de la santé publique, art. R1112-7).",
      en: "Removed from the account with the others; the health actor who wrote them keeps the original in its own records, outside the platform, under its responsibility (Public Health Code, Art. R1112-7).",
    },
  }),
  closed_relative_profiles: (n) => ({
    what: {
      fr: `${n} profil(s) de proche réduit(s) aux nom, prénom et date de naissance.`,
      en: `${n} relative's profile(s) reduced to names and date of birth.`,
    },
    why: {
      fr: "Les agendas d'acteurs de santé y renvoient encore ; ils sont supprimés dès que ces acteurs ont effacé ces rendez-vous.",
      en: "Health actors' agendas still refer to them; they are deleted as soon as those actors have erased these appointments.",
    },
  }),
  shared_relative_profiles: (n) => ({
    what: {
      fr: `${n} profil(s) de proche rattaché(s) aussi à un autre compte.`,
      en: `${n} relative's profile(s) also attached to another account.`,
    },
    why: {
      fr: "La suppression d'un compte n'entraîne pas celle de la fiche d'un proche dans les autres comptes auxquels il est rattaché (politique de confidentialité, section 5) : seul le rattachement à votre compte est supprimé.",
      en: "Deleting an account does not delete a relative's profile from the other accounts it is attached to (privacy policy, section 5): only the link to your account is deleted.",
    },
  }),
  marketing_suppression: () => ({
    what: {
      fr: "Une empreinte non réversible de votre adresse e-mail dans la liste d'opposition à la prospection.",
      en: "A one-way fingerprint of your e-mail address in the marketing opt-out list.",
    },
    why: {
      fr: "Pour que votre adresse ne soit plus jamais utilisée à des fins de prospection, même importée de nouveau (RGPD art. 21(3)).",
      en: "So that your address is never used for marketing again, even if imported again (GDPR Art. 21(3)).",
    },
  }),
  archive: (n, _names, until) => ({
    what: {
      fr: `Les documents (${n}) et informations retirés, chiffrés, dans l'archive.`,
      en: `The documents (${n}) and information removed, encrypted, in the archive.`,
    },
    why: {
      fr: `La politique de confidentialité les garde 7 jours en archive après la suppression, jusqu'au ${until} ; ils sont ensuite supprimés définitivement.`,
      en: `The privacy policy keeps them 7 days in the archive after deletion, until ${until}; they are then permanently deleted.`,
    },
  }),
  legal_obligation: (_n, names) => ({
    what: { fr: `Les données de ces traitements : ${names}.`, en: `The data of this processing: ${names}.` },
    why: {
      fr: "La loi oblige la plateforme à les conserver (RGPD art. 17(3)(b)).",
      en: "The law requires the platform to keep it (GDPR Art. 17(3)(b)).",
    },
  }),
};

export interface ErasureCertificate {
  title: string;
  erasedAt: string;
  grounds: string[];
  erased: string[];
  kept: { what: string; why: string }[];
}

/** The deletion certificate's text: what was erased and when, what was kept and why. */
export function erasureCertificate(summary: ErasureSummary, registry: Registry, locale: Locale): ErasureCertificate {
  const purposes = new Map(registry.activities.map((a) => [a.key, a.purpose[locale]]));
  const until = summary.archivedUntil ? formatDay(parisDay(new Date(summary.archivedUntil)), locale) : "";
  return {
    title: locale === "fr" ? "Certificat d'effacement" : "Erasure certificate",
    erasedAt: formatInstant(new Date(summary.erasedAt), locale),
    grounds: summary.grounds.map(
      (g) =>
        `${GROUNDS[g.ground][locale]}${locale === "fr" ? " : " : ": "}${g.activities.map((k) => purposes.get(k) ?? k).join(", ")}.`,
    ),
    erased: summary.erased.filter((e) => e.count > 0).map((e) => ERASED[e.item](e.count)[locale]),
    kept: summary.kept.map((k) => {
      const byPurpose = k.item === "legal_obligation" || k.item === "account_data";
      const names = (k.names ?? []).map((n) => (byPurpose ? (purposes.get(n) ?? n) : n)).join(", ");
      const text = KEPT[k.item](k.count, names, until, k.others ?? false);
      return { what: text.what[locale], why: text.why[locale] };
    }),
  };
}
