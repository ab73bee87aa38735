import { describe, expect, it } from "vitest";
import { can, type Permission, type StaffRole } from "./permissions";

describe("permission matrix", () => {
  it.each<[StaffRole, Permission, boolean]>([
    ["dpo_agent", "requests.create", true],
    ["dpo_agent", "requests.read", true],
    ["dpo_agent", "registry.read", true],
    ["dpo_agent", "health_actors.read", true],
    ["dpo_agent", "api_tokens.manage", false],
    ["dpo_admin", "requests.create", true],
    ["dpo_admin", "api_tokens.manage", true],
    ["dpo_agent", "requests.assign", true],
    ["dpo_agent", "requests.note", true],
    ["dpo_agent", "identity.decide", true],
    ["dpo_agent", "sign_ins.read", false],
    ["dpo_admin", "sign_ins.read", true],
    ["dpo_agent", "recipients.manage", false],
    ["dpo_admin", "recipients.manage", true],
    ["dpo_agent", "emails.resend", true],
    ["dpo_admin", "emails.resend", true],
  ])("%s may %s: %s", (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });
});
