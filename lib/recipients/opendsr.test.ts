import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hostOf, identityFor, openDsrEndpoint, openDsrErasureRequest, openDsrHeader, ZCallback } from "./opendsr";

describe("identityFor: how the subject's e-mail address is given to the processor", () => {
  const raw = { identity_type: "email", identity_format: "raw" };
  const sha256 = { identity_type: "email", identity_format: "sha256" };
  const hashed = createHash("sha256").update("camille.martin@exemple.fr").digest("hex");

  it.each([
    [
      "hashed when the processor takes email/sha256",
      [raw, sha256],
      { identity_value: hashed, identity_format: "sha256" },
    ],
    ["hashed when sha256 is all it takes", [sha256], { identity_value: hashed, identity_format: "sha256" }],
    [
      "raw when it takes only email/raw",
      [raw],
      { identity_value: "camille.martin@exemple.fr", identity_format: "raw" },
    ],
  ])("%s", (_, supported, expected) => {
    expect(identityFor("  Camille.Martin@Exemple.fr ", supported)).toEqual({ identity_type: "email", ...expected });
  });

  it("none when it takes no e-mail identity (another type, or another format)", () => {
    expect(
      identityFor("a@b.fr", [
        { identity_type: "android_id", identity_format: "raw" },
        { identity_type: "email", identity_format: "md5" },
      ]),
    ).toBeNull();
    expect(identityFor("a@b.fr", [])).toBeNull();
  });
});

describe("OpenDSR request and headers", () => {
  it("builds the erasure request the specification describes", () => {
    const body = openDsrErasureRequest({
      noticeId: "7f1c1a52-7a36-4c49-9d38-0c2f3b0f0e11",
      submittedAt: new Date("2026-03-31T22:30:00Z"),
      identity: { identity_type: "email", identity_value: "x", identity_format: "raw" },
      callbackUrl: "https://droits.exemple.fr/api/opendsr/callbacks",
    });
    expect(body).toEqual({
      regulation: "gdpr",
      subject_request_id: "7f1c1a52-7a36-4c49-9d38-0c2f3b0f0e11",
      subject_request_type: "erasure",
      submitted_time: "2026-03-31T22:30:00.000Z",
      api_version: "1.0",
      subject_identities: [{ identity_type: "email", identity_value: "x", identity_format: "raw" }],
      status_callback_urls: ["https://droits.exemple.fr/api/opendsr/callbacks"],
    });
  });

  it("reads the headers under their current and legacy names", () => {
    expect(
      openDsrHeader(new Headers({ "X-OpenDSR-Processor-Domain": " opendsr.exemple.com " }), "processor-domain"),
    ).toBe("opendsr.exemple.com");
    expect(openDsrHeader(new Headers({ "X-OpenGDPR-Signature": "abc=" }), "signature")).toBe("abc=");
    expect(openDsrHeader(new Headers({ "X-OpenCompliance-Signature": "abc=" }), "signature")).toBe("abc=");
    expect(openDsrHeader(new Headers({}), "signature")).toBeNull();
  });

  it("joins endpoints and reads hosts", () => {
    expect(openDsrEndpoint("https://x.exemple.com/v1/", "discovery")).toBe("https://x.exemple.com/v1/discovery");
    expect(hostOf("https://OpenDSR.Exemple.com:8443/v1")).toBe("opendsr.exemple.com");
    expect(hostOf("http://[::1]:80/v1")).toBe("::1");
  });

  it("accepts a well-formed callback and refuses an unknown status or a date without offset", () => {
    const callback = {
      controller_id: "c",
      expected_completion_time: "2026-04-30T15:00:01Z",
      status_callback_url: "https://droits.exemple.fr/api/opendsr/callbacks",
      subject_request_id: "7f1c1a52-7a36-4c49-9d38-0c2f3b0f0e11",
      request_status: "completed",
      results_count: 3,
    };
    expect(ZCallback.safeParse(callback).success).toBe(true);
    expect(ZCallback.safeParse({ ...callback, request_status: "done" }).success).toBe(false);
    expect(ZCallback.safeParse({ ...callback, expected_completion_time: "2026-04-30 15:00" }).success).toBe(false);
  });
});
