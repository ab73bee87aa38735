/**
 * The permission matrix: which staff role may do what. Every page, server action and API route
 * checks it through `can()`; API tokens are further limited to their scopes.
 */
export const STAFF_ROLES = ["dpo_agent", "dpo_admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const PERMISSIONS = {
  "requests.create": ["dpo_agent", "dpo_admin"],
  "requests.read": ["dpo_agent", "dpo_admin"],
  "requests.assign": ["dpo_agent", "dpo_admin"],
  "requests.note": ["dpo_agent", "dpo_admin"],
  "identity.decide": ["dpo_agent", "dpo_admin"],
  "requests.request_information": ["dpo_agent", "dpo_admin"],
  "requests.extend": ["dpo_agent", "dpo_admin"],
  "requests.answer": ["dpo_agent", "dpo_admin"],
  "requests.close": ["dpo_agent", "dpo_admin"],
  /** Send again an e-mail of a case that the mail server refused for good or could not take (same Message-ID). */
  "emails.resend": ["dpo_agent", "dpo_admin"],
  "registry.read": ["dpo_agent", "dpo_admin"],
  "health_actors.read": ["dpo_agent", "dpo_admin"],
  "api_tokens.manage": ["dpo_admin"],
  "sign_ins.read": ["dpo_admin"],
  "audit.verify": ["dpo_admin"],
  "legal_hold.manage": ["dpo_admin"],
  "register.export": ["dpo_agent", "dpo_admin"],
  /** The contacts (e-mail, OpenDSR service) through which recipients are told of a change (GDPR Art. 19). */
  "recipients.manage": ["dpo_admin"],
  /** The platform's marketing tools: who may be written to, and opt-ins imported (restriction and objections respected). */
  "marketing.sync": ["dpo_admin"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function can(role: StaffRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}
