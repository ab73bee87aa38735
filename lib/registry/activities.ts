/**
 * Processing registry built from seed 001 (Doctolib privacy policy, April 2026).
 *
 * - Section 5 ("Que fait Doctolib de vos données personnelles ?"): the platform is
 *   controller — 15 rows, one activity each, in policy order.
 * - Section 6 ("… quand elle agit comme sous-traitant pour le compte des Acteurs de
 *   santé"): the health actor is controller — 19 rows, one activity each, in policy order.
 * - Recipients come from Annex 1 (sub-processors, "Type de tâche effectuée" column)
 *   and from section 7 (independent controllers and other recipients).
 *
 * French strings are quoted (sometimes slightly condensed) from the policy; the English
 * strings are our own translations. Keys are stable: they are stored in cases.
 */
import type { Activity, Localized, Registry } from "./types";

export const REGISTRY_VERSION = "2026-04.1";

const l = (fr: string, en: string): Localized => ({ fr, en });

/* ------------------------------------------------------------------------------------ */
/* Recipients                                                                           */
/* ------------------------------------------------------------------------------------ */

/**
 * Every recipient name an activity may cite. Annex 1 names are spelled exactly as in the
 * annex (including "ADYEN", "Survey monkey", "RevenuCat"). Names that appear twice in the
 * annex with different tasks (Microsoft Azure, Google, Datadog) are listed once.
 * Section 7 recipients carry a parenthesised qualifier to tell them apart.
 */
export const KNOWN_RECIPIENTS = [
  // Annex 1 — Hébergement
  "Atos",
  "AWS EMEA",
  "S3NS",
  // Annex 1 — Support
  "Webhelp",
  "Salesforce",
  "Teamviewer",
  "Walkme",
  "Atlassian",
  "Datadog",
  // Annex 1 — Télécom
  "Iagility",
  "Sinch",
  "SMSMODE (Calade technologie)",
  "Sendinblue",
  "Flowmailer",
  "Survey monkey",
  "Vonage (Nexmo)",
  "Braze",
  "Firestore Cloud Messaging",
  "Screeb",
  "Typeform",
  // Annex 1 — Paiement
  "ADYEN",
  // Annex 1 — Sécurité informatique
  "Cloudflare",
  // Annex 1 — Autres
  "Didomi",
  "Adjust",
  "Reltio",
  "Trustpilot",
  "Microsoft Azure",
  "Google",
  "Meta",
  "Anthropic",
  "RevenuCat",
  // Section 7 — independent controllers
  "Google (Google Maps)",
  "Apple Distribution International Ltd. (Apple Store)",
  "Google LLC (Google Play Store)",
  // Section 7 — other recipients
  "Autorités publiques ou judiciaires",
  "Services d'urgence ou professionnels de santé habilités",
] as const;

export type KnownRecipient = (typeof KNOWN_RECIPIENTS)[number];

/**
 * Product decision: hosting (AWS EMEA, S3NS, Atos key hosting) holds every personal data
 * item of the platform (section 7: "toutes les Données personnelles"), and Cloudflare
 * protects the whole platform, so they are recipients of every activity.
 */
export const PLATFORM_INFRA: readonly KnownRecipient[] = ["AWS EMEA", "S3NS", "Atos", "Cloudflare"];

/** Annex 1 "Envoi des rappels de rendez-vous à destination des Patients" (SMS, e-mail, push). */
const REMINDER_SENDERS: readonly KnownRecipient[] = [
  "Iagility",
  "Sinch",
  "SMSMODE (Calade technologie)",
  "Sendinblue",
  "Flowmailer",
  "Firestore Cloud Messaging",
];

const r = (...extra: KnownRecipient[]): string[] => [...PLATFORM_INFRA, ...extra];

/* ------------------------------------------------------------------------------------ */
/* Shared wording                                                                       */
/* ------------------------------------------------------------------------------------ */

const CONTRACT_FR =
  "Nécessaire à l'exécution d'un contrat auquel la Personne concernée est partie ou à l'exécution de mesures précontractuelles prises à la demande de celle-ci (acceptation des Conditions d'Utilisation)";
const CONTRACT_EN =
  "Necessary for the performance of a contract to which the data subject is party or for pre-contractual steps taken at their request (acceptance of the Terms of Use)";

const NO_DETAIL: Localized = l("", "");

const ACTOR_RETENTION: Localized = l(
  "Durée fixée par l'Acteur de santé, responsable du traitement",
  "Period set by the health actor, the controller",
);

const IMPROVE_SERVICE: Localized = l(
  "Améliorer le service (correction des problèmes techniques, analyses statistiques et anonymisation)",
  "Improve the service (fixing technical issues, statistical analyses and anonymisation)",
);

/* ------------------------------------------------------------------------------------ */
/* Section 5 — Doctolib is controller                                                   */
/* ------------------------------------------------------------------------------------ */

const PLATFORM_ACTIVITIES: Activity[] = [
  {
    key: "account_management",
    controller: "platform",
    purpose: l("Création et gestion de Compte Utilisateur", "Creation and management of the User Account"),
    operations: [
      l(
        "Création, gestion et suppression du Compte Utilisateur",
        "Creation, management and deletion of the User Account",
      ),
      l("Gestion des Comptes Utilisateurs doublons", "Management of duplicate User Accounts"),
    ],
    legalBases: ["contract"],
    legalBasisDetail: l(CONTRACT_FR, CONTRACT_EN),
    dataCategories: [
      l(
        "Sexe, Nom (et nom de naissance), Prénom, Date et Lieu de naissance (de l'Utilisateur et, le cas échéant, de chaque Proche)",
        "Sex, surname (and birth name), first name, date and place of birth (of the User and, where applicable, of each Relative)",
      ),
      l("Mot de passe (chiffré)", "Password (encrypted)"),
      l("Adresse email", "Email address"),
      l("Coordonnées postales", "Postal address"),
      l("Numéro de téléphone", "Phone number"),
      l(
        "Données de compte : date et heure de création et de suppression du compte",
        "Account data: date and time of account creation and deletion",
      ),
      l("Identifiant des appareils", "Device identifiers"),
      l(
        "Données de recherche (motif de consultation, spécialité, ...)",
        "Search data (reason for consultation, specialty, ...)",
      ),
      l("Date du dernier rendez-vous pris", "Date of the last appointment booked"),
    ],
    retention: l(
      "3 ans à compter de la date de réservation du dernier rendez-vous en cas d'inactivité du Compte Utilisateur, ou jusqu'à résiliation du Compte Utilisateur (y compris sur demande de suppression). La suppression d'un Compte entraîne celle des fiches Proches qu'il a créées, sauf si le Proche est rattaché à d'autres Comptes Utilisateurs.",
      "3 years from the booking date of the last appointment if the User Account is inactive, or until the User Account is terminated (including at the User's request for deletion). Deleting an Account deletes the Relative profiles it created, unless the Relative is linked to other User Accounts.",
    ),
    recipients: r(),
    directMarketing: false,
    medicalRecord: false,
    // The search data ("motif de consultation") is not labelled as health data by the policy
    // and the row relies on the contract only; we follow the policy's qualification.
    healthData: false,
  },
  {
    key: "health_actor_search",
    controller: "platform",
    purpose: l("Recherche d'Acteurs de santé sur la Plateforme", "Searching for health actors on the Platform"),
    operations: [
      l(
        "Fourniture d'une fonctionnalité de recherche de rendez-vous par mots-clés, localisation, spécialité et services de soin",
        "Providing an appointment search feature by keyword, location, specialty and care service",
      ),
      l(
        "Affichage des disponibilités et des informations relatives aux Acteurs de santé pour la prise de rendez-vous",
        "Displaying health actors' availability and information for booking appointments",
      ),
    ],
    legalBases: ["contract", "consent"],
    legalBasisDetail: l(
      "Nécessaire à l'exécution d'un contrat ou de mesures précontractuelles (acceptation des Conditions d'utilisation). Consentement au traitement de l'adresse IP et des données de géolocalisation.",
      "Necessary for the performance of a contract or pre-contractual steps (acceptance of the Terms of Use). Consent to the processing of the IP address and geolocation data.",
    ),
    dataCategories: [
      l(
        "Requêtes de recherche (mots-clés, localisation, spécialité, services de soins, autres filtres sélectionnés par l'Utilisateur)",
        "Search queries (keywords, location, specialty, care services, other filters selected by the User)",
      ),
      l(
        "Adresse IP et données de géolocalisation pour afficher des résultats de recherche basés sur la localisation",
        "IP address and geolocation data to display location-based search results",
      ),
      l("Informations sur l'appareil et données du navigateur", "Device information and browser data"),
    ],
    retention: l(
      "Durée de la session de recherche. Les informations de recherche peuvent être conservées à d'autres fins, comme indiqué dans les activités de traitement correspondantes.",
      "Duration of the search session. Search information may be kept for other purposes, as stated in the corresponding processing activities.",
    ),
    recipients: r(),
    directMarketing: false,
    medicalRecord: false,
    healthData: false,
  },
  {
    key: "prescription_sharing",
    controller: "platform",
    purpose: l(
      "Partage par les Utilisateurs de leurs Prescriptions et celles de leurs Proches",
      "Sharing by Users of their own and their Relatives' Prescriptions",
    ),
    operations: [
      l(
        "Partage et transmission des Prescriptions reçues par le Patient sur la Plateforme Doctolib",
        "Sharing and forwarding of the Prescriptions the Patient received on the Doctolib Platform",
      ),
    ],
    legalBases: ["contract"],
    legalBasisDetail: l(CONTRACT_FR, CONTRACT_EN),
    dataCategories: [
      l("Nom (et nom de naissance), prénom", "Surname (and birth name), first name"),
      l("Historique des rendez-vous", "Appointment history"),
      l(
        "Prescriptions reçues par un Utilisateur sur la Plateforme Doctolib en provenance d'un Acteur de santé, et transmises par ce même Utilisateur à un autre Acteur de santé qui ne dispose pas d'un compte Abonné Doctolib",
        "Prescriptions a User received on the Doctolib Platform from a health actor and forwarded by that User to another health actor who has no Doctolib subscriber account",
      ),
    ],
    retention: l(
      "Jusqu'à suppression par l'Utilisateur du Document (ce qui rend inopérant le lien d'accès à la Prescription partagée) ou résiliation de son Compte Utilisateur. Le lien d'accès partagé à un Acteur de santé sans compte Doctolib n'est valable qu'une (1) heure ; un Acteur de santé disposant d'un compte Doctolib a accès à la Prescription pendant vingt-quatre (24) heures.",
      "Until the User deletes the Document (which disables the access link to the shared Prescription) or terminates their User Account. The access link shared with a health actor without a Doctolib account is valid for one (1) hour only; a health actor with a Doctolib account can access the Prescription for twenty-four (24) hours.",
    ),
    recipients: r(),
    directMarketing: false,
    // Product decision: the platform only relays prescriptions at the patient's request; it is
    // not the health professional's record, so CSP L1111-7 does not govern access here.
    medicalRecord: false,
    // Prescriptions reveal treatments: health data even though the row does not use the label.
    healthData: true,
  },
  {
    key: "voluntary_surveys",
    controller: "platform",
    purpose: l("Réalisation d'enquêtes volontaires", "Conducting voluntary surveys"),
    operations: [
      l(
        "Sur les Services de Doctolib, et leurs possibles évolutions",
        "On Doctolib's Services and their possible changes",
      ),
      l(
        "Recueil de témoignages des Utilisateurs sur le secteur de la santé et leur prise en charge",
        "Collecting Users' testimonials about the health sector and their care",
      ),
      l(
        "Analyse du taux de satisfaction des Utilisateurs quant aux Services Doctolib via l'envoi de questionnaires de satisfaction par email ou via notification dans l'Application",
        "Analysing Users' satisfaction with Doctolib's Services by sending satisfaction questionnaires by email or in-app notification",
      ),
      l(
        "Sur les campagnes de prévention de Doctolib en partenariat avec des acteurs externes (enquêtes de satisfaction ou quiz optionnels sur les sujets de santé publique des campagnes)",
        "On Doctolib's prevention campaigns run with external partners (satisfaction surveys or optional quizzes on the campaigns' public-health topics)",
      ),
      l(
        "Demande de participation à des campagnes de test pour les Utilisateurs (beta-test)",
        "Inviting Users to take part in test campaigns (beta tests)",
      ),
    ],
    legalBases: ["legitimate_interest", "consent"],
    legalBasisDetail: l(
      "L'intérêt légitime de Doctolib à connaître et analyser l'avis des utilisateurs sur les services, ou consentement si les enquêtes impliquent la collecte de Données de santé.",
      "Doctolib's legitimate interest in knowing and analysing users' opinions of the services, or consent where the surveys involve collecting health data.",
    ),
    dataCategories: [
      l("Sexe", "Sex"),
      l("Nom", "Surname"),
      l("Prénom", "First name"),
      l("Âge", "Age"),
      l("Coordonnées téléphoniques", "Phone contact details"),
      l("Région/ville de localisation", "Region/city of residence"),
      l("Activité professionnelle", "Occupation"),
      l("Situation familiale", "Family situation"),
      l("Voix et image animée", "Voice and moving image"),
      l("Fréquence d'utilisation des services Doctolib", "Frequency of use of Doctolib's services"),
      l(
        "Réponses fournies aux questionnaires sur le secteur de la santé ou sur le parcours de soin (incluant des Données de santé), taux de satisfaction vis-à-vis des Services ou des campagnes de prévention, etc.",
        "Answers to questionnaires on the health sector or the care pathway (including health data), satisfaction with the Services or prevention campaigns, etc.",
      ),
    ],
    retention: l(
      "Les réponses des participants sont conservées jusqu'à 3 mois à compter de leur réception par Doctolib",
      "Participants' answers are kept for up to 3 months from their receipt by Doctolib",
    ),
    // Trustpilot ("laisser un avis concernant les Services Doctolib") is the closest fit for
    // users' opinions on the services; no other row covers it.
    recipients: r("Survey monkey", "Screeb", "Typeform", "Trustpilot"),
    directMarketing: false,
    medicalRecord: false,
    healthData: true,
  },
  {
    key: "account_information",
    controller: "platform",
    purpose: l(
      "Fourniture d'informations aux Utilisateurs relatives à la gestion de leur Compte Utilisateur",
      "Providing Users with information about the management of their User Account",
    ),
    operations: [
      l(
        "Fourniture d'informations et conseils relatifs à l'utilisation des Services Doctolib (message de bienvenue, évolutions, etc.)",
        "Providing information and tips on using Doctolib's Services (welcome message, new features, etc.)",
      ),
      l(
        "Fourniture d'informations sur les évolutions contractuelles des Services",
        "Providing information on contractual changes to the Services",
      ),
    ],
    legalBases: ["contract", "legal_obligation"],
    legalBasisDetail: l(
      "Nécessaire à l'exécution d'un contrat ou de mesures précontractuelles. Si les informations fournies sont nécessaires pour assurer la conformité des services : obligation légale.",
      "Necessary for the performance of a contract or pre-contractual steps. Where the information is needed to keep the services compliant: legal obligation.",
    ),
    dataCategories: [
      l("Sexe, nom (et nom de naissance), Prénom", "Sex, surname (and birth name), first name"),
      l("Adresse email", "Email address"),
      l("Numéro de téléphone", "Phone number"),
      l("Pays/Ville", "Country/city"),
    ],
    retention: l(
      "Jusqu'à suppression par l'Utilisateur de son compte Doctolib",
      "Until the User deletes their Doctolib account",
    ),
    // Walkme displays in-app content to Users (tips on using the Services).
    recipients: r("Braze", "Walkme"),
    directMarketing: false,
    medicalRecord: false,
    healthData: false,
  },
  {
    key: "research_statistics",
    controller: "platform",
    purpose: l(
      "Recherches et études ; développement et amélioration des services ; production de statistiques ; anonymisation des données",
      "Research and studies; development and improvement of the services; production of statistics; anonymisation of data",
    ),
    operations: [
      l(
        "Permettre ou améliorer la navigation sur le Site et l'utilisation des Plateformes Doctolib",
        "Enabling or improving navigation on the Site and use of the Doctolib Platforms",
      ),
      l(
        "Communication de statistiques agrégées au public et aux partenaires",
        "Sharing aggregated statistics with the public and partners",
      ),
      l(
        "Entraînement des modèles d'IA (par exemple, reconnaissance de texte et vocale) afin de créer des solutions innovantes et d'améliorer nos produits",
        "Training AI models (e.g. text and speech recognition) to create innovative solutions and improve Doctolib's products",
      ),
    ],
    legalBases: ["legitimate_interest", "consent", "public_interest"],
    legalBasisDetail: l(
      "Intérêt légitime de Doctolib SAS d'améliorer les Services et produire des statistiques (lorsqu'aucune Donnée de santé n'est utilisée). Consentement explicite de l'utilisateur lorsqu'il s'agit de données de santé, sauf si le traitement est fondé sur l'intérêt public (recherche et études).",
      "Legitimate interest of Doctolib SAS in improving the Services and producing statistics (where no health data is used). Explicit consent of the user where health data is involved, unless the processing is based on the public interest (research and studies).",
    ),
    dataCategories: [
      l(
        "Données de Compte : sexe, date de naissance (mois/année), pays/ville de localisation de l'Utilisateur ou du Proche",
        "Account data: sex, date of birth (month/year), country/city of the User or Relative",
      ),
      l(
        "Données de connexion et d'utilisation de la Plateforme : date et heure de connexion, date du dernier rendez-vous, données relatives aux Documents, métadonnées techniques de connexion y compris sur la Téléconsultation (durée, déroulement, qualité vidéo et son), distance depuis la page de recherche, requêtes de recherche, etc.",
        "Platform connection and usage data: connection date and time, date of the last appointment, data about Documents, technical connection metadata including on Teleconsultation (duration, course, video and sound quality), distance from the search page, search queries, etc.",
      ),
      l("Matériel informatique utilisé pour la navigation", "Computer equipment used for browsing"),
      l("Adresse IP", "IP address"),
      l("Identifiant du matériel informatique", "Device identifier"),
      l("Réponses aux enquêtes volontaires", "Answers to voluntary surveys"),
      l("Retours des Utilisateurs et données d'assistance (support)", "User feedback and support data"),
      l(
        "Données de santé pseudonymisées : données des services personnalisés, historique de rendez-vous, profil médical, Documents, Notes médicales, informations médicales saisies par l'Utilisateur, Données de santé collectées par le Professionnel de santé dans le cadre des Services Doctolib, données de connexion et d'utilisation",
        "Pseudonymised health data: personalised-services data, appointment history, medical profile, Documents, medical Notes, medical information entered by the User, health data collected by the health professional through Doctolib's Services, connection and usage data",
      ),
      l(
        "Enregistrement vocal, transcriptions, suggestions liées à la prise de notes, messages échangés avec les Assistants Santé (Services Companion de Santé)",
        "Voice recordings, transcripts, note-taking suggestions, messages exchanged with the Health Assistants (Health Companion Services)",
      ),
    ],
    retention: l(
      "Au plus tôt entre : 3 ans à compter du dernier rendez-vous réservé en cas d'inactivité du Compte ; la résiliation du Compte Utilisateur (y compris sur demande de suppression) ; 13 mois après la collecte des données de connexion et d'utilisation ; 1 an à compter de l'enregistrement de l'adresse IP ; 3 mois à compter de la réception des réponses aux enquêtes volontaires ; 90 jours pour les métadonnées techniques et les commentaires sur la Téléconsultation ; 3 ans à compter de la collecte des Données de santé ; 3 ans à compter de la collecte des messages échangés avec l'Assistant Santé.",
      "Whichever comes first: 3 years from the last appointment booked if the Account is inactive; termination of the User Account (including on request for deletion); 13 months after collection of connection and usage data; 1 year from recording of the IP address; 3 months from receipt of voluntary-survey answers; 90 days for technical metadata and Teleconsultation feedback; 3 years from collection of the health data; 3 years from collection of the messages exchanged with the Health Assistant.",
    ),
    // Annex 1: Reltio ("analyses de données") and Microsoft Azure ("Recherche et développement").
    recipients: r("Reltio", "Microsoft Azure"),
    directMarketing: false,
    medicalRecord: false,
    healthData: true,
  },
  {
    key: "map_service",
    controller: "platform",
    purpose: l("Fourniture d'un service de Carte", "Providing a map service"),
    operations: [
      l(
        "Affichage du service de carte (Google Maps) à la demande de l'Utilisateur",
        "Displaying the map service (Google Maps) at the User's request",
      ),
    ],
    legalBases: ["consent"],
    legalBasisDetail: l(
      "Consentement pour l'activation du service Google Maps, retirable à tout moment depuis le Compte Utilisateur. Google traite alors les données (adresse IP, coordonnées GPS, etc.) conformément à sa Politique de confidentialité.",
      "Consent to enabling the Google Maps service, which can be withdrawn at any time from the User Account. Google then processes the data (IP address, GPS coordinates, etc.) under its own Privacy Policy.",
    ),
    dataCategories: [
      l("Adresse IP du Patient", "Patient's IP address"),
      l(
        "Coordonnées GPS (seulement lors de la recherche d'un Acteur de santé)/adresse postale",
        "GPS coordinates (only when searching for a health actor)/postal address",
      ),
      l('Identifiant spécifique du navigateur ("User Agent")', 'Browser-specific identifier ("User Agent")'),
    ],
    retention: l(
      "Doctolib conserve la preuve du consentement à l'affichage de la carte pendant 3 mois ou jusqu'à son retrait ; en dehors de ces données, Doctolib ne conserve aucune des données traitées. Pour Google, voir sa Politique de confidentialité.",
      "Doctolib keeps proof of consent to the map display for 3 months or until it is withdrawn; apart from this, Doctolib keeps none of the data processed. For Google, see its Privacy Policy.",
    ),
    // Google acts as an independent controller (section 7); Didomi manages consents.
    recipients: r("Google (Google Maps)", "Didomi"),
    directMarketing: false,
    medicalRecord: false,
    healthData: false,
  },
  {
    key: "teleconsultation_quality",
    controller: "platform",
    purpose: l("Fonctionnement du Service de Téléconsultation", "Operation of the Teleconsultation Service"),
    operations: [
      l("Suivi de la qualité du Service de Téléconsultation", "Monitoring the quality of the Teleconsultation Service"),
    ],
    legalBases: ["contract"],
    legalBasisDetail: l(CONTRACT_FR, CONTRACT_EN),
    dataCategories: [
      l(
        "Métadonnées/données techniques de connexion (durée, tenue et déroulement de la Téléconsultation, qualité de la vidéo et du son), dans un but d'amélioration du Service de Téléconsultation",
        "Technical connection metadata (duration, holding and course of the Teleconsultation, video and sound quality), to improve the Teleconsultation Service",
      ),
      l("Retours des Utilisateurs sur le Service de Téléconsultation", "User feedback on the Teleconsultation Service"),
    ],
    retention: l(
      "Les métadonnées/données techniques de connexion et les retours des Utilisateurs sont automatiquement supprimés après 90 jours.",
      "Technical connection metadata and User feedback are automatically deleted after 90 days.",
    ),
    recipients: r("Vonage (Nexmo)"),
    directMarketing: false,
    medicalRecord: false,
    healthData: false,
  },
  {
    key: "fraud_prevention",
    controller: "platform",
    purpose: l(
      "Prévention et lutte contre la fraude informatique ; enquêtes de cybersécurité",
      "Prevention of and fight against computer fraud; cybersecurity investigations",
    ),
    operations: [
      l(
        "Prévention et lutte contre la fraude informatique (spamming, hacking)",
        "Preventing and fighting computer fraud (spamming, hacking)",
      ),
    ],
    legalBases: ["legitimate_interest"],
    legalBasisDetail: l(
      "Intérêt légitime de Doctolib d'assurer la sécurité des services Doctolib et prévenir les incidents de sécurité.",
      "Doctolib's legitimate interest in securing its services and preventing security incidents.",
    ),
    dataCategories: [
      l(
        "Logs d'utilisation et de connexion relatifs aux actions des Utilisateurs sur la Plateforme, ainsi que les logs techniques des composants logiciels et matériels utilisés par Doctolib",
        "Usage and connection logs of Users' actions on the Platform, and technical logs of the software and hardware components Doctolib uses",
      ),
      l("Matériel informatique utilisé pour la navigation", "Computer equipment used for browsing"),
      l("Adresse IP", "IP address"),
    ],
    retention: l(
      "Logs : 1 an à compter du dernier rendez-vous pris. Adresse IP : 1 an à compter de son enregistrement.",
      "Logs: 1 year from the last appointment booked. IP address: 1 year from its recording.",
    ),
    // Datadog investigates alerts; section 7 lets Doctolib pass data to public or judicial
    // authorities to meet its legal obligations (e.g. after a cybersecurity investigation).
    recipients: r("Datadog", "Autorités publiques ou judiciaires"),
    directMarketing: false,
    medicalRecord: false,
    healthData: false,
  },
  {
    key: "user_support",
    controller: "platform",
    purpose: l("Support Utilisateur", "User support"),
    operations: [
      l(
        "Traitement des demandes Utilisateurs strictement liées à l'utilisation des Services",
        "Handling User requests strictly related to the use of the Services",
      ),
      l("Débogage et gestion technique des analyses forensic", "Debugging and technical handling of forensic analyses"),
    ],
    legalBases: ["contract", "consent"],
    legalBasisDetail: l(
      "Nécessaire à l'exécution d'un contrat ou de mesures précontractuelles (acceptation des Conditions d'Utilisation). Consentement, recueilli via les formulaires de contact, lorsque la demande implique un accès temporaire à des données de santé ; son retrait n'empêche pas l'accès au support, mais certaines demandes pourraient ne pas pouvoir être traitées.",
      "Necessary for the performance of a contract or pre-contractual steps (acceptance of the Terms of Use). Consent, collected through the contact forms, where the request involves temporary access to health data; withdrawing it does not bar access to support, but some requests may then not be handled.",
    ),
    dataCategories: [
      l("Nom, Prénom", "Surname, first name"),
      l("Adresse email", "Email address"),
      l("Numéro de téléphone", "Phone number"),
      l("Contenu de la demande", "Content of the request"),
      l(
        "Pièce d'identité (lorsque nécessaire pour vérifier l'identité du demandeur)",
        "Identity document (where needed to verify the requester's identity)",
      ),
      l(
        "Données de santé : dans de rares cas, données de santé que l'Utilisateur choisit de communiquer (informations sur un rendez-vous, nom de l'Acteur de santé, description du problème), traitées avec son consentement pour résoudre le problème",
        "Health data: in rare cases, health data the User chooses to share (appointment details, name of the health actor, description of the problem), processed with their consent to solve the issue",
      ),
    ],
    retention: l(
      "3 ans à compter de la demande. Pièce d'identité : le temps nécessaire à la vérification d'identité. Données de santé : uniquement le temps nécessaire au traitement de la demande, sauf obligation légale de conservation.",
      "3 years from the request. Identity document: as long as needed to verify identity. Health data: only as long as needed to handle the request, unless the law requires longer retention.",
    ),
    recipients: r("Webhelp", "Salesforce", "Teamviewer", "Atlassian", "Datadog"),
    directMarketing: false,
    medicalRecord: false,
    healthData: true,
  },
  {
    key: "rights_requests",
    controller: "platform",
    purpose: l("Réclamations et demandes de droits", "Complaints and data-rights requests"),
    operations: [
      l(
        "Traitement et gestion des demandes de droits informatique et libertés des Utilisateurs",
        "Handling and managing Users' data-protection rights requests",
      ),
      l("Traitement et gestion des réclamations des Utilisateurs", "Handling and managing Users' complaints"),
    ],
    legalBases: ["legal_obligation"],
    legalBasisDetail: l("Obligation légale", "Legal obligation"),
    dataCategories: [
      l("Sexe, nom, Prénom", "Sex, surname, first name"),
      l("Adresse email", "Email address"),
      l("Numéro de téléphone", "Phone number"),
      l("Contenu de la demande", "Content of the request"),
      l("Pièce d'identité (lorsque nécessaire)", "Identity document (where needed)"),
    ],
    retention: l(
      "5 ans à compter de la demande. Pièce d'identité : conservée le temps nécessaire à la vérification d'identité.",
      "5 years from the request. Identity document: kept as long as needed to verify identity.",
    ),
    recipients: r(),
    directMarketing: false,
    medicalRecord: false,
    healthData: false,
  },
  {
    key: "direct_marketing",
    controller: "platform",
    purpose: l("Prospection commerciale", "Direct marketing"),
    operations: [
      l(
        "Envoi de messages personnalisés concernant les Services de Doctolib par email, par notification in-app (dans l'Application) ou par notification push",
        "Sending personalised messages about Doctolib's Services by email, in-app notification or push notification",
      ),
      l(
        "Affichage de messages personnalisés concernant les Services de Doctolib dans les Encarts de contenu affichés sur la Plateforme",
        "Displaying personalised messages about Doctolib's Services in the content inserts shown on the Platform",
      ),
    ],
    legalBases: ["legitimate_interest", "consent"],
    legalBasisDetail: l(
      'Utilisateurs ayant activé les Services personnalisés : intérêt légitime de Doctolib de promouvoir ses produits et services similaires aux Services personnalisés ; consentement pour les produits et services non similaires. Utilisateurs n\'ayant pas activé les Services Personnalisés : consentement. Encarts de contenu : consentement (bannière cookies ou "Gestion des cookies").',
      'Users who enabled the Personalised Services: Doctolib\'s legitimate interest in promoting products and services similar to the Personalised Services; consent for non-similar products and services. Users who did not enable the Personalised Services: consent. Content inserts: consent (cookie banner or "Cookie management").',
    ),
    dataCategories: [
      l("Nom, prénom, sexe", "Surname, first name, sex"),
      l("Âge (date de naissance)", "Age (date of birth)"),
      l("Code postal, pays", "Postcode, country"),
      l("Langue", "Language"),
      l("Adresse IP tronquée", "Truncated IP address"),
      l("Date de création/modification du compte", "Account creation/modification date"),
      l("Adresse email", "Email address"),
      l("Âge (date de naissance) des Proches", "Relatives' age (date of birth)"),
      l("Sexe des Proches", "Relatives' sex"),
      l(
        "Date d'ajout/de modification de Proches et nombre de Proches dans le compte",
        "Date Relatives were added/modified and number of Relatives in the account",
      ),
      l("Recherches de rendez-vous", "Appointment searches"),
      l(
        "Rendez-vous chez le médecin généraliste et/ou le pédiatre (oui/non, dernière date)",
        "Appointments with a general practitioner and/or paediatrician (yes/no, last date)",
      ),
      l("Statut du rendez-vous (annulé)", "Appointment status (cancelled)"),
      l("Code postal du rendez-vous", "Appointment postcode"),
      l("Données de navigation et d'utilisation de la Plateforme", "Platform browsing and usage data"),
      l("Date de téléchargement de l'Application", "App download date"),
    ],
    retention: l(
      "Au plus tôt entre : 3 ans à compter de la date de réservation du dernier rendez-vous, le retrait du consentement (ou l'opposition), ou la suppression du Compte Utilisateur. Encarts de contenu : jusqu'au retrait du consentement (bannière cookies ou \"Gestion des cookies\").",
      'Whichever comes first: 3 years from the booking date of the last appointment, withdrawal of consent (or objection), or deletion of the User Account. Content inserts: until consent is withdrawn (cookie banner or "Cookie management").',
    ),
    // Braze runs Doctolib's communication campaigns; Didomi collects the cookie consent used
    // for content inserts.
    recipients: r("Braze", "Didomi"),
    directMarketing: true,
    medicalRecord: false,
    // Product decision: the policy does not label "GP/paediatrician visit yes/no" as health
    // data and relies on legitimate interest for part of this row; we follow its qualification.
    healthData: false,
  },
  {
    key: "third_party_advertising",
    controller: "platform",
    purpose: l("Publicité sur des sites tiers", "Advertising on third-party sites"),
    operations: [
      l(
        "Mesure d'audience et analyse de l'efficacité des campagnes publicitaires de Doctolib sur les sites tiers",
        "Audience measurement and analysis of the effectiveness of Doctolib's advertising campaigns on third-party sites",
      ),
    ],
    legalBases: ["legitimate_interest", "consent"],
    legalBasisDetail: l(
      'Intérêt légitime de Doctolib à améliorer la performance de ses campagnes publicitaires. Consentement (bandeau cookies ou "Gestion des cookies" sur la plateforme).',
      'Doctolib\'s legitimate interest in improving the performance of its advertising campaigns. Consent (cookie banner or "Cookie management" on the platform).',
    ),
    dataCategories: [
      l("Identifiant unique", "Unique identifier"),
      l("Données de connexion et d'utilisation de la plateforme", "Platform connection and usage data"),
    ],
    retention: l(
      "Suppression de l'identifiant après son envoi au site tiers. 13 mois après la collecte des données de connexion et d'utilisation de la Plateforme.",
      "The identifier is deleted once sent to the third-party site. 13 months after collection of the Platform connection and usage data.",
    ),
    recipients: r("Adjust", "Google", "Meta", "Didomi"),
    directMarketing: true,
    medicalRecord: false,
    healthData: false,
  },
  {
    key: "personalised_services",
    controller: "platform",
    purpose: l(
      "Fourniture de Services Personnalisés, décrits dans les Conditions Générales d'Utilisation",
      "Providing the Personalised Services described in the Terms of Use",
    ),
    operations: [
      l(
        "Visualisation et gestion du parcours de santé de l'Utilisateur et de ses Proches : rendez-vous réservés sur la Plateforme et/ou entrés par le Professionnel de santé via son agenda Doctolib, liste des praticiens favoris, profil médical de l'Utilisateur et de ses Proches (historique médical, chirurgical et vaccinal, etc.)",
        "Viewing and managing the health journey of the User and their Relatives: appointments booked on the Platform and/or entered by the health professional in their Doctolib calendar, list of favourite practitioners, medical profile of the User and their Relatives (medical, surgical and vaccination history, etc.)",
      ),
      l(
        "Gestion des Documents, Prescriptions et informations relatives à la santé des Utilisateurs et de leurs Proches, fournies par les Utilisateurs ou leur équipe médicale",
        "Managing Documents, Prescriptions and health information of Users and their Relatives, provided by the Users or their medical team",
      ),
      l(
        "Fourniture de Services adaptés aux besoins de l'Utilisateur et de ses Proches : documents d'explication, contenu personnalisé basé sur les informations médicales, recommandations de santé (suggestions de rendez-vous et de vaccination), rappels d'actions post-consultation, rappels de prise de médicaments, rappels de prise de rendez-vous personnalisés",
        "Providing Services tailored to the needs of the User and their Relatives: explanatory documents, personalised content based on medical information, health recommendations (appointment and vaccination suggestions), post-consultation action reminders, medication reminders, personalised appointment reminders",
      ),
      l(
        "Création, stockage et affichage de Notes Médicales créées par l'Utilisateur",
        "Creating, storing and displaying medical Notes created by the User",
      ),
    ],
    legalBases: ["consent"],
    legalBasisDetail: l("Consentement", "Consent"),
    dataCategories: [
      l("Nom (et nom de naissance), Prénom", "Surname (and birth name), first name"),
      l("Sexe (y compris le sexe biologique)", "Sex (including biological sex)"),
      l(
        "Âge (date de naissance, date prévue de naissance, ville de naissance, pays de naissance)",
        "Age (date of birth, expected date of birth, city of birth, country of birth)",
      ),
      l("Pays, ville et code postal", "Country, city and postcode"),
      l("Adresse email, numéro de téléphone", "Email address, phone number"),
      l(
        "Historique de rendez-vous : motif de consultation, spécialité de l'Acteur de santé, date, lieu, statut (passé, annulé, confirmé), détails et documents associés au rendez-vous",
        "Appointment history: reason for consultation, health actor's specialty, date, place, status (past, cancelled, confirmed), details and documents attached to the appointment",
      ),
      l(
        "Historiques des praticiens : nom et prénom de l'Acteur de santé, spécialité, profil, fréquence de rendez-vous, liste des praticiens favoris",
        "Practitioner history: health actor's name, specialty, profile, appointment frequency, list of favourite practitioners",
      ),
      l(
        "Profil médical : Documents et informations médicales (ex : maladies, traitements, antécédents familiaux, mode de vie, allergies, vaccins, chirurgies passées)",
        "Medical profile: Documents and medical information (e.g. illnesses, treatments, family history, lifestyle, allergies, vaccines, past surgery)",
      ),
      l(
        "Suivi de l'enfant, si l'Utilisateur utilise les Services Companion de Santé",
        "Child monitoring, if the User uses the Health Companion Services",
      ),
      l(
        "Messages échangés avec les Assistants de Santé (SMS, images, fichiers audio, vidéos, etc.), si l'Utilisateur utilise les Services Companion de Santé",
        "Messages exchanged with the Health Assistants (texts, images, audio files, videos, etc.), if the User uses the Health Companion Services",
      ),
      l(
        "Dépistages et évaluations de santé effectués et à effectuer",
        "Health screenings and assessments done and due",
      ),
      l("Navigation et utilisation de l'application", "App browsing and usage"),
      l("Date de téléchargement de l'application", "App download date"),
      l("Données relatives aux requêtes de recherche de rendez-vous", "Appointment search query data"),
      l("Date de création/modification du compte", "Account creation/modification date"),
      l("Contenu des Notes Médicales créées par l'Utilisateur", "Content of the medical Notes created by the User"),
    ],
    retention: l(
      "Historique de rendez-vous : jusqu'au retrait du consentement ou à la suppression du Compte ; la durée peut varier selon l'Acteur de santé, qui la fixe en accord avec Doctolib dans son agenda ; 3 ans à compter du dernier rendez-vous réservé en cas d'inactivité. Documents, Notes Médicales et informations fournies par l'Utilisateur : jusqu'à leur suppression, la fermeture du Compte, 3 ans d'inactivité ou le retrait du consentement, puis 7 jours en base d'archive avant suppression définitive. Messages échangés avec l'Assistant Santé : 2 ans. Communications personnalisées : 3 ans d'inactivité, retrait du consentement ou suppression du Compte.",
      "Appointment history: until consent is withdrawn or the Account is deleted; the period may vary by health actor, who sets it with Doctolib in their calendar; 3 years from the last appointment booked if inactive. Documents, medical Notes and information provided by the User: until deleted, Account closure, 3 years of inactivity or withdrawal of consent, then 7 days in the archive database before final deletion. Messages exchanged with the Health Assistant: 2 years. Personalised communications: 3 years of inactivity, withdrawal of consent or Account deletion.",
    ),
    // Braze: the row's retention column covers "communications personnalisées envoyées par Doctolib".
    recipients: r("Braze"),
    directMarketing: false,
    // Product decision: the medical profile and Notes here are entered by the patient in a
    // platform-controlled service, not formalised by a health professional: not a medical
    // record under CSP L1111-7 (section 5 rows are always false).
    medicalRecord: false,
    healthData: true,
  },
  {
    key: "companion_services",
    controller: "platform",
    purpose: l("Fourniture des Services Companion de Santé", "Providing the Health Companion Services"),
    operations: [
      l(
        "Fourniture des Services Companion de Santé (y compris l'Assistant Santé) adaptés aux besoins de l'Utilisateur et de ses Proches, et gestion des informations relatives à leur santé dans ce cadre",
        "Providing the Health Companion Services (including the Health Assistant) tailored to the needs of the User and their Relatives, and managing their health information in that context",
      ),
      l(
        "Gestion des commandes, des paiements et de la facturation relative à la souscription ou au renouvellement de l'abonnement aux fonctionnalités payantes",
        "Managing orders, payments and invoicing for subscribing to or renewing the paid features",
      ),
      l("Gestion du service après-vente en cas d'abonnement", "After-sales service for subscribers"),
      l(
        "Gestion des périodes d'essai gratuit et vérification correspondante de l'éligibilité",
        "Managing free trial periods and checking eligibility for them",
      ),
      l(
        "Gestion des demandes de résiliation d'abonnement aux fonctionnalités payantes",
        "Handling requests to cancel the subscription to paid features",
      ),
      l(
        "Signalement des situations de danger immédiat ou potentiel pour l'enfant et/ou ses parents, susceptibles d'être identifiées lors des échanges avec l'Assistant Santé",
        "Reporting situations of immediate or potential danger to the child and/or their parents that may be identified in exchanges with the Health Assistant",
      ),
    ],
    // Section 7 also mentions vital interests when information is passed to emergency
    // services, but the row's legal-basis column does not: we follow the table.
    legalBases: ["contract", "legal_obligation", "consent"],
    legalBasisDetail: l(
      "Nécessaire à l'exécution d'un contrat ou de mesures précontractuelles (acceptation des Conditions générales d'abonnement). Obligations légales de Doctolib liées à l'abonnement (y compris comptables) et à la protection des mineurs ou des majeurs en danger. Consentement au traitement des données de santé lors de l'utilisation de l'Assistant Santé et des Services Personnalisés inclus dans les Services Companion Santé.",
      "Necessary for the performance of a contract or pre-contractual steps (acceptance of the General Subscription Terms). Doctolib's legal obligations relating to the subscription (including accounting) and to the protection of minors or vulnerable adults in danger. Consent to the processing of health data when using the Health Assistant and the Personalised Services included in the Health Companion Services.",
    ),
    dataCategories: [
      l("Données d'identification et de contact de l'Utilisateur", "User's identification and contact data"),
      l(
        "Informations relatives à l'abonnement : commandes (numéro, abonnement mensuel ou annuel), statut, dates de début et de fin, lieu de souscription, pays, facturation et paiement (montant, prix, code promotionnel et remise, adresse de facturation, mode de paiement, etc.)",
        "Subscription information: orders (number, monthly or annual plan), status, start and end dates, place of subscription, country, billing and payment (amount, price, promo code and discount, billing address, payment method, etc.)",
      ),
      l(
        "Métadonnées et données de connexion : dates de première et dernière connexion à l'Application, appareil utilisé, langue, fichier de jetons d'achat/reçu",
        "Metadata and connection data: first and last app connection dates, device used, language, purchase token/receipt file",
      ),
      l("Messages échangés avec les Assistants Santé", "Messages exchanged with the Health Assistants"),
      l(
        "Métadonnées et données techniques de connexion des Assistants Santé",
        "Health Assistants' metadata and technical connection data",
      ),
      l(
        "Informations relatives à la santé des Utilisateurs et de leurs Proches strictement nécessaires à la fourniture des Services Companion de Santé (y compris l'Assistant Santé)",
        "Health information of Users and their Relatives strictly needed to provide the Health Companion Services (including the Health Assistant)",
      ),
      l("Navigation et utilisation de l'Application", "App browsing and usage"),
    ],
    retention: l(
      "Sans abonnement : jusqu'à la suppression du Compte ou après 3 ans d'inactivité. Avec abonnement : jusqu'à sa résiliation puis, si nécessaire, assistance et lutte contre la fraude (3 ans), obligations comptables et contractuelles (art. L 102 B, L 132-22 du Code de commerce, L441-9 du Code de commerce) (10 ans), debug (1 an). Messages échangés avec l'Assistant Santé : 2 ans. Signalement de situations de danger : jusqu'à la fin de l'enquête et des poursuites (le cas échéant).",
      "Without a subscription: until the Account is deleted or after 3 years of inactivity. With a subscription: until it is cancelled, then where needed user assistance and fraud prevention (3 years), accounting and contractual obligations (art. L 102 B, L 132-22 and L441-9 of the French Commercial Code, as cited) (10 years), debugging (1 year). Messages exchanged with the Health Assistant: 2 years. Reports of danger: until the end of the investigation and any prosecution.",
    ),
    // Annex 1 "Assistants Santé" AI providers, RevenuCat (subscriptions), ADYEN (payments);
    // section 7: Apple and Google Play stores (in-app purchases and refunds), emergency services
    // and authorities for danger reports.
    recipients: r(
      "Microsoft Azure",
      "Google",
      "Anthropic",
      "RevenuCat",
      "ADYEN",
      "Apple Distribution International Ltd. (Apple Store)",
      "Google LLC (Google Play Store)",
      "Services d'urgence ou professionnels de santé habilités",
      "Autorités publiques ou judiciaires",
    ),
    directMarketing: false,
    medicalRecord: false,
    healthData: true,
  },
];

/* ------------------------------------------------------------------------------------ */
/* Section 6 — the health actor is controller, Doctolib is processor                    */
/* ------------------------------------------------------------------------------------ */

type ActorRow = Pick<
  Activity,
  "key" | "purpose" | "operations" | "dataCategories" | "recipients" | "medicalRecord" | "healthData"
>;

const actor = (row: ActorRow): Activity => ({
  ...row,
  controller: "health_actor",
  legalBases: [],
  legalBasisDetail: NO_DETAIL,
  retention: ACTOR_RETENTION,
  directMarketing: false,
});

const HEALTH_ACTOR_ACTIVITIES: Activity[] = [
  actor({
    key: "appointment_scheduling",
    purpose: l(
      "Fourniture d'un Service de gestion des rendez-vous et de l'agenda",
      "Providing an appointment and calendar management Service",
    ),
    operations: [
      l(
        "Assurer la gestion des agendas de l'Acteur de santé et la planification des rendez-vous, et permettre aux Patients et à leurs Proches de prendre rendez-vous en ligne ; ce service comprend la gestion de l'identité des Patients et l'envoi de communications d'information ou de prévention (y compris des documents) relatives au parcours de soins (confirmation, annulation, rappels de rendez-vous) ou à l'activité de l'Acteur de santé, par SMS, e-mail, notification \"push\" ou via la Plateforme Doctolib",
        "Managing the health actor's calendars and appointment scheduling, and letting Patients and their Relatives book online; this includes managing Patients' identity and sending information or prevention communications (including documents) about the care pathway (appointment confirmation, cancellation, reminders) or the health actor's practice, by text, email, push notification or on the Doctolib Platform",
      ),
      IMPROVE_SERVICE,
    ],
    dataCategories: [
      l(
        "Identité et coordonnées : genre/civilité, nom, prénom, date et lieu de naissance, adresse postale (y compris le digicode, pour les visites), adresse e-mail, numéro de téléphone",
        "Identity and contact details: gender/title, surname, first name, date and place of birth, postal address (including door code, for home visits), email address, phone number",
      ),
      l("Situation professionnelle", "Employment situation"),
      l(
        "Données relatives aux rendez-vous : date/heure, lieu, spécialité de l'Acteur de santé, motif de consultation, statut (à venir, passé, annulé, confirmé), champs renseignés par le Patient/Proche",
        "Appointment data: date/time, place, health actor's specialty, reason for consultation, status (upcoming, past, cancelled, confirmed), fields filled in by the Patient/Relative",
      ),
      l("Documents", "Documents"),
      l("Données d'identification INS", "INS (national health identifier) data"),
    ],
    recipients: r(...REMINDER_SENDERS),
    // Product decision: an agenda is not the medical record, even if documents are sent
    // through it; access to record content is handled through the record-holding activities.
    medicalRecord: false,
    // The reason for consultation with a named specialty reveals health information.
    healthData: true,
  }),
  actor({
    key: "virtual_phone_assistant",
    purpose: l(
      "Fourniture d'un Service d'assistant téléphonique virtuel",
      "Providing a virtual phone assistant Service",
    ),
    operations: [
      l(
        "Enregistrer et retranscrire les appels pris en charge par l'assistant téléphonique virtuel",
        "Recording and transcribing the calls handled by the virtual phone assistant",
      ),
      l(
        "Transformer les retranscriptions en messages dans le service de Messagerie Patients et créer les rendez-vous associés",
        "Turning transcripts into messages in the Patient Messaging service and creating the related appointments",
      ),
      IMPROVE_SERVICE,
    ],
    dataCategories: [
      l(
        "Contenu des appels : enregistrements audio et transcriptions, y compris les informations communiquées lors de l'appel (nom, date de naissance, motif de la demande, ordonnances et informations familiales, informations médicales, allergies, données biométriques et biologiques, toute autre donnée fournie)",
        "Call content: audio recordings and transcripts, including what is said during the call (name, date of birth, reason for the request, prescriptions and family information, medical information, allergies, biometric and biological data, any other data provided)",
      ),
      l("Numéro de téléphone", "Phone number"),
    ],
    recipients: r(),
    // Product decision: call recordings are front-desk exchanges, not information formalised
    // by the health professional.
    medicalRecord: false,
    healthData: true,
  }),
  actor({
    key: "teleconsultation",
    purpose: l("Fourniture d'un Service de Téléconsultation", "Providing a Teleconsultation Service"),
    operations: [
      l(
        "Permettre la réalisation de téléconsultations, y compris le partage de documents associé et le suivi clinique",
        "Enabling teleconsultations, including related document sharing and clinical follow-up",
      ),
      l(
        "Traiter les paiements et les démarches liées à la facturation et/ou au remboursement, et prévenir la fraude",
        "Processing payments and billing and/or reimbursement steps, and preventing fraud",
      ),
      l(
        "Vous informer (par e-mail/SMS) lorsque votre praticien propose des téléconsultations",
        "Informing you (by email/text) when your practitioner offers teleconsultations",
      ),
      IMPROVE_SERVICE,
    ],
    dataCategories: [
      l(
        "Identité et données relatives au compte : civilité/genre, nom, prénom, adresse e-mail, numéro d'identification du Patient, date de création du Compte Utilisateur, code postal",
        "Identity and account data: title/gender, surname, first name, email address, Patient identification number, User Account creation date, postcode",
      ),
      l(
        "Données de paiement : numéro de transaction, coordonnées bancaires, date/heure de la transaction, montant facturé, moyen de paiement",
        "Payment data: transaction number, bank details, transaction date/time, amount charged, payment method",
      ),
      l(
        "Données de santé : documents médicaux, notes et captures d'écran (le cas échéant) établis par l'Acteur de santé, ainsi que le NIR",
        "Health data: medical documents, notes and screenshots (where applicable) made by the health actor, and the NIR (social security number)",
      ),
    ],
    recipients: r("Vonage (Nexmo)", "ADYEN"),
    // Medical documents and notes established by the health actor are record content.
    medicalRecord: true,
    healthData: true,
  }),
  actor({
    key: "patient_messaging",
    purpose: l("Fourniture d'un Service de Messagerie Patients", "Providing a Patient Messaging Service"),
    operations: [
      l(
        "Vous permettre, ainsi qu'à votre Acteur de santé, d'échanger des messages et des documents et de gérer vos demandes",
        "Letting you and your health actor exchange messages and documents and manage your requests",
      ),
      IMPROVE_SERVICE,
    ],
    dataCategories: [
      l(
        "Identité et coordonnées : civilité/genre, prénom, nom, date de naissance, adresse e-mail",
        "Identity and contact details: title/gender, first name, surname, date of birth, email address",
      ),
      l(
        'Données de santé : informations échangées dans les messages (documents téléchargés, ordonnances, analyses cliniques, comptes rendus, informations sur les médecins traitants, toute "information complémentaire" renseignée)',
        'Health data: information exchanged in messages (uploaded documents, prescriptions, clinical tests, reports, information on attending doctors, any "additional information" entered)',
      ),
    ],
    recipients: r(),
    // Prescriptions, clinical results and reports exchanged with the professional are
    // record content (CSP L1111-7).
    medicalRecord: true,
    healthData: true,
  }),
  actor({
    key: "practice_software",
    purpose: l("Mise à disposition d'un logiciel de gestion de cabinet", "Providing practice-management software"),
    operations: [
      l(
        "Créer et gérer votre dossier médical et accompagner votre prise en charge ainsi que votre suivi",
        "Creating and managing your medical record and supporting your care and follow-up",
      ),
      l(
        "Gérer les démarches administratives et de remboursement et, le cas échéant, le paiement des consultations",
        "Handling administrative and reimbursement steps and, where applicable, payment for consultations",
      ),
      l(
        "Vérifier et gérer votre identité, et corriger les erreurs lorsqu'elles sont signalées",
        "Verifying and managing your identity, and correcting errors when reported",
      ),
      IMPROVE_SERVICE,
    ],
    dataCategories: [
      l(
        "Identifiants nationaux : numéro de sécurité sociale (NIR), données d'identité INS",
        "National identifiers: social security number (NIR), INS identity data",
      ),
      l(
        "Données de contexte : situation familiale, nombre d'enfants, profession, conditions de travail, mode de vie",
        "Context data: family situation, number of children, occupation, working conditions, lifestyle",
      ),
      l(
        "Données de santé : antécédents médicaux et thérapeutiques, diagnostics, traitements prescrits, actes réalisés, résultats d'analyses, toute autre information de santé pertinente enregistrée dans le cadre de votre prise en charge",
        "Health data: medical and treatment history, diagnoses, prescribed treatments, procedures performed, test results, any other relevant health information recorded as part of your care",
      ),
      l(
        "Données de paiement : numéro d'identification du Patient, adresse e-mail, civilité/genre, code postal, date de création du Compte Utilisateur, coordonnées bancaires, date/heure de la transaction, montant facturé, moyen de paiement",
        "Payment data: Patient identification number, email address, title/gender, postcode, User Account creation date, bank details, transaction date/time, amount charged, payment method",
      ),
    ],
    recipients: r(),
    // This is the medical record itself ("créer et gérer votre dossier médical").
    medicalRecord: true,
    healthData: true,
  }),
  actor({
    key: "consultation_assistant",
    purpose: l("Fourniture d'un Service d'assistant de consultation", "Providing a consultation assistant Service"),
    operations: [
      l(
        "Transcrire votre consultation et proposer des notes à votre Acteur de santé",
        "Transcribing your consultation and suggesting notes to your health actor",
      ),
      l(
        "Mettre à jour votre dossier médical avec des informations structurées, après validation par votre Acteur de santé",
        "Updating your medical record with structured information, once validated by your health actor",
      ),
      IMPROVE_SERVICE,
    ],
    dataCategories: [
      l(
        "Audio et transcription de la consultation : enregistrements audio, informations contenues dans l'enregistrement, transcription",
        "Consultation audio and transcript: audio recordings, information they contain, transcript",
      ),
      l(
        "Données du dossier médical : données issues de votre dossier médical, y compris les éléments structurés ajoutés à partir de suggestions validées",
        "Medical-record data: data from your medical record, including structured items added from validated suggestions",
      ),
    ],
    recipients: r(),
    // Reads and writes the medical record (validated notes).
    medicalRecord: true,
    healthData: true,
  }),
  actor({
    key: "task_manager",
    purpose: l(
      "Fourniture d'un Service de gestionnaire de tâches intelligent",
      "Providing a smart task manager Service",
    ),
    operations: [
      l(
        "Aider votre Acteur de santé à coordonner votre suivi, vos rendez-vous et les tâches administratives associées",
        "Helping your health actor coordinate your follow-up, appointments and related administrative tasks",
      ),
      IMPROVE_SERVICE,
    ],
    dataCategories: [
      l(
        "Identité et coordonnées : civilité/genre, nom, prénom, date et lieu de naissance, adresse postale (y compris le digicode), adresse e-mail, numéro de téléphone",
        "Identity and contact details: title/gender, surname, first name, date and place of birth, postal address (including door code), email address, phone number",
      ),
      l("Situation professionnelle", "Employment situation"),
      l("Qualité d'assuré", "Insured-person status"),
      l(
        "Données relatives aux rendez-vous : date/heure/lieu, spécialité de l'Acteur de santé, motif de consultation, statut (à venir, passé, annulé, confirmé), informations renseignées par l'Acteur de santé",
        "Appointment data: date/time/place, health actor's specialty, reason for consultation, status (upcoming, past, cancelled, confirmed), information entered by the health actor",
      ),
      l("Documents médicaux", "Medical documents"),
      l("Données d'identification INS", "INS identification data"),
    ],
    recipients: r(),
    // Product decision (doubtful): the row holds "documents médicaux" and information entered
    // by the health actor for the patient's follow-up, i.e. content formalised by the
    // professional; we treat it as record content so access requests cover it.
    medicalRecord: true,
    healthData: true,
  }),
  actor({
    key: "card_reader",
    purpose: l("Mise à disposition du Lecteur Doctolib", "Providing the Doctolib card reader"),
    operations: [
      l(
        "Permettre l'accès aux services de la CNAM et aux feuilles de soins électroniques sécurisées (FSE)",
        "Giving access to the CNAM (national health insurance) services and secure electronic claim forms (FSE)",
      ),
      l(
        "Créer, gérer et signer des factures lors des visites à domicile",
        "Creating, managing and signing invoices during home visits",
      ),
      IMPROVE_SERVICE,
    ],
    dataCategories: [
      l(
        "Identité : civilité/genre, nom, prénom, date et lieu de naissance",
        "Identity: title/gender, surname, first name, date and place of birth",
      ),
      l("Numéro de sécurité sociale (NIR)", "Social security number (NIR)"),
      l(
        "Données relatives à l'assurance : régime d'assurance maladie et organisme de rattachement, droits à la Complémentaire santé solidaire (CSS), droits à l'exonération du ticket modérateur",
        "Insurance data: health insurance scheme and fund, entitlement to the Complémentaire santé solidaire (CSS), entitlement to exemption from patient co-payment",
      ),
      l(
        "Données de santé : antécédents médicaux et thérapeutiques, traitements prescrits, toute autre information de santé pertinente",
        "Health data: medical and treatment history, prescribed treatments, any other relevant health information",
      ),
    ],
    recipients: r(),
    // Product decision: the reader handles medical and treatment history and prescribed
    // treatments recorded by the professional: record content.
    medicalRecord: true,
    healthData: true,
  }),
  actor({
    key: "care_team_messaging",
    purpose: l("Fourniture d'un Service de messagerie", "Providing a messaging Service (between health actors)"),
    operations: [
      l(
        "Faciliter une coordination des soins sécurisée entre Acteurs de santé",
        "Enabling secure care coordination between health actors",
      ),
      l(
        "Permettre le partage, entre Acteurs de santé, de messages, documents et médias relatifs aux Patients",
        "Letting health actors share messages, documents and media about Patients",
      ),
      IMPROVE_SERVICE,
    ],
    dataCategories: [
      l("Données d'identification et coordonnées", "Identification and contact data"),
      l(
        "Données de santé partagées dans les messages/médias : antécédents allergiques, médicaux et familiaux, données de consultation et de prescription, données biométriques et biologiques, imagerie médicale",
        "Health data shared in messages/media: allergy, medical and family history, consultation and prescription data, biometric and biological data, medical imaging",
      ),
      l(
        "Contenus partagés et données d'appel : photos, vidéos, messages vocaux, documents et autres médias, flux audio/vidéo des appels",
        "Shared content and call data: photos, videos, voice messages, documents and other media, call audio/video streams",
      ),
    ],
    recipients: r(),
    // Exchanges between health professionals are record content ("correspondances entre
    // professionnels de santé", CSP L1111-7).
    medicalRecord: true,
    healthData: true,
  }),
  actor({
    key: "documents_forms",
    purpose: l(
      "Fourniture d'un Service de gestion des documents et formulaires",
      "Providing a document and form management Service",
    ),
    operations: [
      l(
        "Créer, envoyer, recevoir, conserver et signer électroniquement des documents/formulaires",
        "Creating, sending, receiving, storing and e-signing documents/forms",
      ),
      l(
        "Recueillir les informations nécessaires à la préparation de votre rendez-vous",
        "Collecting the information needed to prepare your appointment",
      ),
      IMPROVE_SERVICE,
    ],
    dataCategories: [
      l("Données d'identification et coordonnées", "Identification and contact data"),
      l("Carte vitale et/ou numéro de sécurité sociale (NIR)", "Carte Vitale and/or social security number (NIR)"),
      l("Informations relatives à la complémentaire santé", "Supplementary health insurance information"),
      l(
        "Habitudes de vie (ex : activités physiques et habitudes alimentaires)",
        "Lifestyle (e.g. physical activity and eating habits)",
      ),
      l(
        "Données de santé figurant dans les documents/formulaires : antécédents allergiques, médicaux et familiaux, données de consultation et de prescription, données biométriques et biologiques, imagerie médicale",
        "Health data in the documents/forms: allergy, medical and family history, consultation and prescription data, biometric and biological data, medical imaging",
      ),
    ],
    recipients: r(),
    // Product decision: documents created by the professional (consultation and prescription
    // data, imaging) and health questionnaires filed for the appointment are record content.
    medicalRecord: true,
    healthData: true,
  }),
  actor({
    key: "prescription_transmission",
    purpose: l(
      "Fourniture d'un Service de transmission de prescriptions",
      "Providing a prescription transmission Service",
    ),
    operations: [
      l(
        "Transmettre de manière sécurisée vos ordonnances aux pharmaciens",
        "Securely sending your prescriptions to pharmacists",
      ),
      l(
        "Suivre et partager le statut d'émission/délivrance des ordonnances",
        "Tracking and sharing the issue/dispensing status of prescriptions",
      ),
      IMPROVE_SERVICE,
    ],
    dataCategories: [
      l("Données d'identification", "Identification data"),
      l(
        "Données de santé : antécédents médicaux, familiaux et allergies, données de consultation, données de prescription et historique de délivrance des ordonnances",
        "Health data: medical and family history and allergies, consultation data, prescription data and prescription dispensing history",
      ),
      l("Carte Vitale et/ou Numéro de Sécurité Sociale (NIR)", "Carte Vitale and/or social security number (NIR)"),
      l("Informations relatives à la complémentaire santé", "Supplementary health insurance information"),
    ],
    recipients: r(),
    // Prescriptions ("prescriptions thérapeutiques") are record content under CSP L1111-7.
    medicalRecord: true,
    healthData: true,
  }),
  actor({
    key: "pre_admission",
    purpose: l("Fourniture d'un Service de pré-admission", "Providing a pre-admission Service"),
    operations: [
      l(
        "Aider à préparer et gérer votre dossier de pré-admission",
        "Helping prepare and manage your pre-admission file",
      ),
      l(
        "Vous adresser des informations, mises à jour et rappels relatifs à votre pré-admission",
        "Sending you information, updates and reminders about your pre-admission",
      ),
      IMPROVE_SERVICE,
    ],
    dataCategories: [
      l("Données d'identification", "Identification data"),
      l(
        "Données de santé : antécédents médicaux, familiaux et allergies, données de consultation et de prescription, données biométriques et biologiques",
        "Health data: medical and family history and allergies, consultation and prescription data, biometric and biological data",
      ),
      l("Documents/formulaires que vous fournissez", "Documents/forms you provide"),
    ],
    recipients: r(),
    // Product decision: the pre-admission file with medical history and prescription data
    // becomes part of the establishment's patient record.
    medicalRecord: true,
    healthData: true,
  }),
  actor({
    key: "medical_dictation",
    purpose: l("Fourniture d'un Service de dictée médicale", "Providing a medical dictation Service"),
    operations: [
      l(
        "Transcrire les dictées dans le logiciel de votre Acteur de santé",
        "Transcribing dictations into your health actor's software",
      ),
      IMPROVE_SERVICE,
    ],
    dataCategories: [
      l(
        "Audio et transcription des dictées : enregistrements audio et leurs transcriptions",
        "Dictation audio and transcripts: audio recordings and their transcripts",
      ),
      l(
        "Données du dossier médical : informations ajoutées à votre dossier médical à partir de dictées validées",
        "Medical-record data: information added to your medical record from validated dictations",
      ),
    ],
    recipients: r(),
    // Dictations become reports in the medical record.
    medicalRecord: true,
    healthData: true,
  }),
  actor({
    key: "doctolib_connect",
    purpose: l(
      "Fourniture d'un Service de réseau organisationnel privé (Doctolib Connect)",
      "Providing a private organisational network Service (Doctolib Connect)",
    ),
    operations: [
      l(
        "Aider les équipes de soins à communiquer et à partager des informations en interne",
        "Helping care teams communicate and share information internally",
      ),
      l("Gérer le réseau de l'organisation de santé", "Managing the health organisation's network"),
      IMPROVE_SERVICE,
    ],
    dataCategories: [
      l(
        "Données de santé : antécédents médicaux, allergiques et familiaux, données de consultation et de prescription, données biométriques et biologiques, imagerie médicale",
        "Health data: medical, allergy and family history, consultation and prescription data, biometric and biological data, medical imaging",
      ),
      l(
        "Médias partagés et données d'appel : photos, flux audio/vidéo dans le cadre des appels",
        "Shared media and call data: photos, call audio/video streams",
      ),
    ],
    recipients: r(),
    // Exchanges within the care team about the patient are record content.
    medicalRecord: true,
    healthData: true,
  }),
  actor({
    key: "online_payment",
    purpose: l("Fourniture d'un Service de paiement en ligne", "Providing an online payment Service"),
    operations: [
      l(
        "Traitement des paiements en ligne, fourniture d'une assistance aux Utilisateurs et activités de prévention de la fraude",
        "Processing online payments, user assistance and fraud prevention",
      ),
    ],
    dataCategories: [
      l("Nom, prénom, nom de naissance", "Surname, first name, birth name"),
      l("Adresse e-mail", "Email address"),
      l("Identifiant du compte Utilisateur", "User account identifier"),
      l("Numéro d'identification de la transaction", "Transaction identification number"),
      l("Code postal", "Postcode"),
      l("Données du compte : date et heure de création", "Account data: creation date and time"),
      l("Adresse IP", "IP address"),
      l("Coordonnées bancaires (pour le paiement en ligne)", "Bank details (for online payment)"),
      l(
        "Date et heure de la transaction, montant facturé, moyen de paiement utilisé",
        "Transaction date and time, amount charged, payment method used",
      ),
    ],
    recipients: r("ADYEN"),
    medicalRecord: false,
    healthData: false,
  }),
  actor({
    key: "care_pathway",
    purpose: l(
      "Fourniture du service de gestion du parcours de soins des Patients via les Services Doctolib, le cas échéant",
      "Providing the Patients' care pathway management service through Doctolib's Services, where applicable",
    ),
    operations: [
      l(
        "Suivi des Patients, orientation des Patients vers d'autres Professionnels de santé, garantie de la bonne prise en charge des Patients",
        "Following up Patients, referring them to other health professionals, ensuring Patients are properly cared for",
      ),
    ],
    dataCategories: [
      l("Nom, prénom, sexe", "Surname, first name, sex"),
      l("Date de naissance", "Date of birth"),
      l("Lieu de naissance", "Place of birth"),
      l("Historique des rendez-vous", "Appointment history"),
      l("Informations relatives aux rendez-vous", "Appointment information"),
      l("Notes concernant le rendez-vous", "Notes about the appointment"),
      l("Médecin traitant et médecin adresseur (prescripteur)", "Attending doctor and referring (prescribing) doctor"),
    ],
    recipients: r(),
    // Product decision (doubtful): the row lists appointment history, appointment notes and
    // referring doctors, not clinical content; treated as not a medical record. It is health
    // data, though: follow-up and referral between professionals reveal the care received.
    medicalRecord: false,
    healthData: true,
  }),
  actor({
    key: "actor_rights_requests",
    purpose: l("Réclamations et demandes de droits des Patients", "Patients' complaints and data-rights requests"),
    operations: [
      l(
        "Gestion par les Acteurs de santé des demandes de droit des Patients concernant les Données à caractère personnel pour lesquelles ils agissent en tant que Responsable de traitement",
        "Handling by health actors of Patients' rights requests about the personal data for which they are the controller",
      ),
    ],
    dataCategories: [
      l("Sexe, Nom, Prénom", "Sex, surname, first name"),
      l("Adresse email", "Email address"),
      l("Contenu de la demande", "Content of the request"),
      l("Pièce d'identité (lorsque nécessaire)", "Identity document (where needed)"),
    ],
    recipients: r(),
    medicalRecord: false,
    healthData: false,
  }),
  actor({
    key: "actor_communications",
    purpose: l(
      "Envoi d'informations et de recommandations aux Patients et leurs Proches",
      "Sending information and recommendations to Patients and their Relatives",
    ),
    operations: [
      l(
        "Envoi de communications et d'informations par email au nom et au choix de l'Acteur de santé (email de bienvenue, absences, campagnes de vaccination, nouveaux traitements, etc.) et gestion des demandes de désinscription",
        "Sending communications and information by email on behalf of and as chosen by the health actor (welcome email, absences, vaccination campaigns, new treatments, etc.) and handling unsubscribe requests",
      ),
    ],
    dataCategories: [
      l(
        "Sexe, nom, Prénom, Adresse email, Numéro de téléphone",
        "Sex, surname, first name, email address, phone number",
      ),
    ],
    recipients: r(),
    medicalRecord: false,
    healthData: false,
  }),
  actor({
    key: "health_crisis_scheduling",
    purpose: l(
      "Gestion de l'agenda et de la prise en charge des Patients en cas de crise sanitaire",
      "Managing the calendar and Patient care during a health crisis",
    ),
    operations: [
      l(
        "Mise en place d'une organisation adaptée du cabinet ou de l'établissement de santé en cas de crise sanitaire",
        "Setting up a suitable organisation of the practice or health establishment during a health crisis",
      ),
    ],
    dataCategories: [
      l(
        "Sexe, nom, Prénom, Informations relatives au rendez-vous",
        "Sex, surname, first name, appointment information",
      ),
      l(
        "Question sur les symptômes ou l'état de santé du Patient préalablement à la prise de rendez-vous",
        "Questions on the Patient's symptoms or health status before booking",
      ),
    ],
    // Appointments are booked through the calendar, whose reminders go through the annex 1
    // reminder senders.
    recipients: r(...REMINDER_SENDERS),
    // Product decision (doubtful): pre-booking triage answers are given by the patient to the
    // booking tool, not formalised by the professional: not a medical record.
    medicalRecord: false,
    healthData: true,
  }),
];

/* ------------------------------------------------------------------------------------ */
/* Exports                                                                              */
/* ------------------------------------------------------------------------------------ */

/** Number of table rows in each section of the policy (each row is one activity). */
export const SECTION_ROW_COUNTS = { platform: 15, health_actor: 19 } as const;

export const ACTIVITIES: readonly Activity[] = [...PLATFORM_ACTIVITIES, ...HEALTH_ACTOR_ACTIVITIES];

export const REGISTRY: Registry = { version: REGISTRY_VERSION, activities: [...ACTIVITIES] };
