import { describe, expect, it } from "vitest";
import { type FailureKind, failureKind } from "./failure-kind";

describe("failureKind: why a mail failed, as the DPO team reads it", () => {
  it.each<[number | null, string | null, FailureKind]>([
    // Enhanced status codes say what the reply code alone does not.
    [
      550,
      "550 5.1.1 <jean@exemple.fr>: Recipient address rejected: User unknown in virtual mailbox table",
      "no_such_address",
    ],
    [550, "550-5.1.1 The email account that you tried to reach does not exist.", "no_such_address"],
    [550, "550 5.1.2 Host unknown (Name server: exemple.invalid: host not found)", "no_such_domain"],
    [554, "554 5.4.4 Unable to route: no mail hosts for domain", "no_such_domain"],
    [550, "550 5.2.1 The email account that you tried to reach is disabled.", "mailbox_disabled"],
    [552, "552 5.2.2 Mailbox full", "mailbox_full"],
    [552, "552 5.3.4 Message size exceeds fixed limit", "too_large"],
    [550, "550 5.7.1 Message rejected as spam by Content Filtering.", "policy"],
    [554, "554 5.7.26 Unauthenticated email is not accepted from this domain", "policy"],
    [550, "550 5.6.0 Message content rejected", "refused"],
    // The reply code alone.
    [550, "550 Requested action not taken: mailbox unavailable", "mailbox_unavailable"],
    [551, "551 User not local", "mailbox_unavailable"],
    [552, "552 Requested mail action aborted: exceeded storage allocation", "mailbox_full"],
    [553, "553 Requested action not taken: mailbox name not allowed", "no_such_address"],
    [554, "554 Transaction failed", "refused"],
    [500, null, "refused"],
    // Not a refusal for good: the attempts ran out on temporary answers, or no server answered.
    [451, "451 4.7.1 Greylisted, please try again later", "not_delivered"],
    [421, "421 4.4.2 Connection timed out", "not_delivered"],
    [null, null, "not_delivered"],
  ])("%s %s -> %s", (code, response, kind) => {
    expect(failureKind({ code, response })).toBe(kind);
  });

  it("takes the stored code over the text when the answer's text has none", () => {
    expect(failureKind({ code: 552, response: "Mailbox over quota" })).toBe("mailbox_full");
  });
});
