import { describe, expect, it } from "vitest";
import { withDecodablePath } from "./decodable-path";

describe("withDecodablePath: a path Next.js can route, whatever its bytes", () => {
  it.each<[string, string, string]>([
    ["a plain path", "/api/v1/requests/DR-2026-7K4M-Q9TZ", "/api/v1/requests/DR-2026-7K4M-Q9TZ"],
    ["valid percent-encoded UTF-8 is left as it is", "/fr/registre/%C3%A9t%C3%A9", "/fr/registre/%C3%A9t%C3%A9"],
    ["an encoded NUL decodes: left for the route to refuse", "/api/v1/requests/%00", "/api/v1/requests/%00"],
    ["a byte that is no UTF-8", "/api/v1/requests/%FF%FE", "/api/v1/requests/%EF%BF%BD%EF%BF%BD"],
    ["an encoded lone surrogate", "/fr/dpo/demandes/%ED%A0%80", "/fr/dpo/demandes/%EF%BF%BD%EF%BF%BD%EF%BF%BD"],
    [
      "an overlong dot-dot-slash",
      "/api/v1/actor/parts/%C0%AE%C0%AE%2F",
      "/api/v1/actor/parts/%EF%BF%BD%EF%BF%BD%EF%BF%BD%EF%BF%BD%2F",
    ],
    ["a stray percent", "/api/v1/requests/50%", "/api/v1/requests/50%25"],
    [
      "only the bad segment changes; the query is kept",
      "/fr/pro/demandes/%FF/dossier?format=%FF",
      "/fr/pro/demandes/%EF%BF%BD/dossier?format=%FF",
    ],
  ])("%s", (_name, target, expected) => {
    const fixed = withDecodablePath(target);
    expect(fixed).toBe(expected);
    expect(() => decodeURIComponent(fixed.split("?")[0]!)).not.toThrow();
  });
});
