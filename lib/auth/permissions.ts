/**
 * The permission matrix: which role may do what, for the DPO team (staff roles) and for the members
 * of a health actor (actor roles, within their own organisation only). Every page, server action
 * and API route checks it through `can()`; API tokens are further limited to their scopes.
 */
export const STAFF_ROLES = ["dpo_agent", "dpo_admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** A health actor's member ("member") or administrator ("admin"), as the matrix names them. */
export const ACTOR_ROLES = ["actor_member", "actor_admin"] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];
export type Role = StaffRole | ActorRole;

const DPO_TEAM = ["dpo_agent", "dpo_admin"] as const;

export const PERMISSIONS = {
  "requests.create": DPO_TEAM,
  "requests.read": DPO_TEAM,
  "requests.assign": DPO_TEAM,
  "requests.note": DPO_TEAM,
  "identity.decide": DPO_TEAM,
  "requests.request_information": DPO_TEAM,
  "requests.extend": DPO_TEAM,
  "requests.answer": DPO_TEAM,
  "requests.close": DPO_TEAM,
  /** Send again an e-mail of a case that the mail server refused for good or could not take (same Message-ID). */
  "emails.resend": DPO_TEAM,
  "registry.read": DPO_TEAM,
  "health_actors.read": DPO_TEAM,
  "api_tokens.manage": ["dpo_admin"],
  "sign_ins.read": ["dpo_admin"],
  "audit.verify": ["dpo_admin"],
  "legal_hold.manage": ["dpo_admin"],
  "register.export": DPO_TEAM,
  /** The contacts (e-mail, OpenDSR service) through which recipients are told of a change (GDPR Art. 19). */
  "recipients.manage": ["dpo_admin"],
  /** The platform's marketing tools: who may be written to, and opt-ins imported (restriction and objections respected). */
  "marketing.sync": ["dpo_admin"],
  /** The organisation's members: invite, change a role, remove. */
  "actor.members.manage": ["actor_admin"],
  /** The organisation's software: API keys and the status-callback URL. */
  "actor.integration.manage": ["actor_admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
/** What the DPO team's roles may be given: the scopes an API token may hold. */
export const STAFF_PERMISSIONS = (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
  (PERMISSIONS[p] as readonly Role[]).some((role) => (STAFF_ROLES as readonly Role[]).includes(role)),
);

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** A health actor's member role as the matrix names it. */
export function actorRole(role: "admin" | "member"): ActorRole {
  return role === "admin" ? "actor_admin" : "actor_member";
}
