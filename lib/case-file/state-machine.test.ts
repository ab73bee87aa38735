import { describe, expect, it } from "vitest";
import {
  REQUEST_STATUSES,
  TRANSITIONS,
  TransitionError,
  canTransition,
  isOpenPart,
  nextStatus,
  type RequestStatus,
  type TransitionName,
} from "./state-machine";

describe("request state machine", () => {
  it.each<[RequestStatus | null, TransitionName, RequestStatus]>([
    [null, "submit_verified", "received"],
    [null, "submit_unverified", "awaiting_identity"],
    ["awaiting_identity", "identity_accepted", "received"],
    ["awaiting_identity", "identity_rejected", "in_progress"],
    ["received", "start_handling", "in_progress"],
    ["in_progress", "request_information", "awaiting_information"],
    ["received", "request_information", "awaiting_information"],
    ["awaiting_identity", "request_information", "awaiting_information"],
    ["awaiting_information", "information_received", "in_progress"],
    ["awaiting_information", "identification_received", "awaiting_identity"],
    ["in_progress", "all_parts_answered", "answered"],
    ["awaiting_identity", "all_parts_answered", "answered"],
    ["answered", "close", "closed"],
    ["awaiting_information", "close", "closed"],
    ["awaiting_identity", "close", "closed"],
    ["received", "withdraw", "withdrawn"],
    ["awaiting_identity", "withdraw", "withdrawn"],
  ])("%s --%s--> %s", (from, transition, to) => {
    expect(nextStatus(from, transition)).toBe(to);
  });

  it.each<[RequestStatus | null, TransitionName]>([
    ["answered", "withdraw"],
    ["closed", "withdraw"],
    ["withdrawn", "withdraw"],
    ["received", "submit_verified"],
    [null, "withdraw"],
    ["closed", "information_received"],
    ["in_progress", "identity_accepted"],
    ["received", "close"],
    ["awaiting_information", "all_parts_answered"],
    ["awaiting_information", "request_information"],
    ["answered", "request_information"],
    ["in_progress", "identification_received"],
    ["awaiting_identity", "identification_received"],
    ["in_progress", "close"],
  ])("refuses %s --%s-->", (from, transition) => {
    expect(canTransition(from, transition)).toBe(false);
    expect(() => nextStatus(from, transition)).toThrow(TransitionError);
  });

  it("closed and withdrawn are final: no transition leaves them", () => {
    for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
      expect(canTransition("closed", name)).toBe(false);
      expect(canTransition("withdrawn", name)).toBe(false);
    }
  });

  it("every status can be reached", () => {
    const reached = new Set(Object.values(TRANSITIONS).map((t) => t.to));
    for (const status of REQUEST_STATUSES) expect(reached.has(status)).toBe(true);
  });
});

describe("open parts", () => {
  it.each([
    ["pending", true],
    ["awaiting_forwarding", true],
    ["forwarded", true],
    ["answered", false],
    ["refused", false],
    ["withdrawn", false],
  ])("a part %s is open: %s", (status, open) => {
    expect(isOpenPart(status)).toBe(open);
  });
});
