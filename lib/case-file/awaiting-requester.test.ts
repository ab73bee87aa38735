import { describe, expect, it } from "vitest";
import type { IdentityStatus, RequestStatus } from "@/lib/generated/prisma/enums";
import { awaitsRequester, identityUndecided } from "./awaiting-requester";

const SINCE = new Date("2026-11-02T09:00:00Z");

describe("awaitsRequester: the case waits for the requester, its clock stopped", () => {
  it.each<[RequestStatus, IdentityStatus, Date | null, boolean]>([
    // A question asked, whatever the identity.
    ["awaiting_information", "accepted", SINCE, true],
    ["awaiting_information", "unverified", SINCE, true],
    // Documents awaited, asked at filing or since.
    ["awaiting_identity", "documents_required", SINCE, true],
    // Documents in, or nothing asked: the DPO's turn.
    ["awaiting_identity", "documents_submitted", null, false],
    ["awaiting_identity", "unverified", null, false],
    // A case in hand or done waits for nobody.
    ["in_progress", "accepted", null, false],
    ["received", "verified", null, false],
    ["answered", "verified", null, false],
    // The clock running means nothing is awaited.
    ["awaiting_identity", "documents_required", null, false],
  ])("%s, identity %s, paused since %s -> %s", (status, identityStatus, pausedSince, expected) => {
    expect(awaitsRequester({ status, identityStatus, pausedSince })).toBe(expected);
  });

  it.each<[IdentityStatus, boolean]>([
    ["documents_required", true],
    ["documents_submitted", true],
    ["unverified", true],
    ["verified", false],
    ["accepted", false],
    ["rejected", false],
  ])("identity %s undecided -> %s", (status, expected) => {
    expect(identityUndecided(status)).toBe(expected);
  });
});
