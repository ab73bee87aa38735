import { beforeAll, describe, expect, it, vi } from "vitest";
import { generateKeyringEntry } from "@/lib/storage/crypto";
import { noticeContent, openNoticePayload, sealNoticePayload } from "./notice-payload";

const subject = {
  firstName: "Camille",
  lastName: "Martin",
  birthDate: new Date("1988-04-12T00:00:00Z"),
  email: "camille.martin@exemple.fr",
};

describe("notice payload", () => {
  beforeAll(() => {
    vi.stubEnv("FILE_ENCRYPTION_KEYS", generateKeyringEntry("k1"));
  });

  it("gives a birth date as its day, and keeps only what the right needs", () => {
    expect(
      noticeContent({ right: "rectification", subject, changes: [{ field: "lastName", after: "Martin-Durand" }] }),
    ).toEqual({
      right: "rectification",
      subject: { ...subject, birthDate: "1988-04-12" },
      changes: [{ field: "lastName", after: "Martin-Durand" }],
    });
    expect(
      noticeContent({ right: "restriction", subject: { ...subject, birthDate: "1988-04-12", email: null } }).subject
        .email,
    ).toBeNull();
  });

  it.each([
    ["a rectification without its changes", { right: "rectification", subject }],
    ["changes on an erasure", { right: "erasure", subject, changes: [{ field: "lastName", after: "X" }] }],
    ["erased categories on a restriction", { right: "restriction", subject, erasedCategories: ["Compte"] }],
    ["an unknown field", { right: "rectification", subject, changes: [{ field: "password", after: "X" }] }],
    ["a malformed birth date", { right: "erasure", subject: { ...subject, birthDate: "12/04/1988" } }],
    ["another right", { right: "access", subject }],
  ])("refuses %s", (_, payload) => {
    expect(() => noticeContent(payload as never)).toThrow();
  });

  it("is sealed (no name in clear) and opened back", async () => {
    const sealed = await sealNoticePayload({
      right: "erasure",
      subject,
      erasedCategories: ["Compte et coordonnées / Account and contact details"],
    });
    expect(Buffer.from(sealed).toString("latin1")).not.toContain("Martin");
    expect(await openNoticePayload(sealed)).toEqual({
      right: "erasure",
      subject: { ...subject, birthDate: "1988-04-12" },
      erasedCategories: ["Compte et coordonnées / Account and contact details"],
    });
  });
});
