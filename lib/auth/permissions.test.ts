import { describe, expect, it } from "vitest";
import {
  ACTOR_ROLES,
  actorRole,
  can,
  PERMISSIONS,
  type Permission,
  type Role,
  STAFF_PERMISSIONS,
  STAFF_ROLES,
} from "./permissions";

const ROLES: Role[] = [...STAFF_ROLES, ...ACTOR_ROLES];

// Every cell of the matrix, written out: x = allowed. Columns: dpo_agent, dpo_admin, actor_member, actor_admin.
const EXPECTED = `
  requests.create                x x . .
  requests.read                  x x . .
  requests.assign                x x . .
  requests.note                  x x . .
  identity.decide                x x . .
  requests.request_information   x x . .
  requests.extend                x x . .
  requests.answer                x x . .
  requests.close                 x x . .
  emails.resend                  x x . .
  registry.read                  x x . .
  health_actors.read             x x . .
  api_tokens.manage              . x . .
  sign_ins.read                  . x . .
  audit.verify                   . x . .
  legal_hold.manage              . x . .
  register.export                x x . .
  recipients.manage              . x . .
  marketing.sync                 . x . .
  actor.members.manage           . . . x
  actor.integration.manage       . . . x
`;
const rows = EXPECTED.trim()
  .split("\n")
  .map((line) => line.trim().split(/\s+/))
  .map(([permission, ...cells]) => ({ permission: permission as Permission, cells: cells.map((c) => c === "x") }));

describe("the permission matrix, every role against every permission", () => {
  it("lists each permission once, with a cell for each role", () => {
    expect(rows.map((r) => r.permission).sort()).toEqual(Object.keys(PERMISSIONS).sort());
    for (const row of rows) expect(row.cells, row.permission).toHaveLength(ROLES.length);
  });

  it.each(rows.flatMap(({ permission, cells }) => ROLES.map((role, i) => [role, permission, cells[i]!] as const)))(
    "%s may %s: %s",
    (role, permission, allowed) => expect(can(role, permission)).toBe(allowed),
  );

  it("gives an API token only what the DPO team's roles may do", () => {
    expect(STAFF_PERMISSIONS).toEqual(rows.filter((r) => r.cells[0] || r.cells[1]).map((r) => r.permission));
  });

  it("names a health actor's member roles as the matrix does", () => {
    expect(actorRole("admin")).toBe("actor_admin");
    expect(actorRole("member")).toBe("actor_member");
  });
});
