import { afterEach, describe, expect, it, vi } from "vitest";

/** A complete, valid configuration, with `overrides` in place of its values. */
function stubConfiguration(overrides: Record<string, string> = {}) {
  const values = {
    DATABASE_URL: "postgresql://u@db:5432/dsr",
    APP_URL: "https://droits.exemple.fr",
    AUTH_SECRET: "a-secret-of-forty-characters-0123456789",
    SMTP_HOST: "smtp.exemple.fr",
    MAIL_FROM: "DPO <dpo@exemple.fr>",
    ...overrides,
  };
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
}

describe("configuration validation", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("names every missing variable and what it must hold", async () => {
    // Unset, as on a machine where nothing is configured yet.
    for (const name of ["DATABASE_URL", "APP_URL", "NEXTAUTH_URL", "AUTH_SECRET", "SMTP_HOST", "MAIL_FROM"])
      vi.stubEnv(name, undefined);
    const { env } = await import("./env");
    expect(() => env()).toThrow(
      /DATABASE_URL: is required[\s\S]*APP_URL: is required[\s\S]*AUTH_SECRET: is required[\s\S]*SMTP_HOST: is required[\s\S]*MAIL_FROM: is required/,
    );
  });

  it("refuses a short secret and a non-PostgreSQL URL", async () => {
    stubConfiguration({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short" });
    const { env } = await import("./env");
    expect(() => env()).toThrow(/DATABASE_URL: must be a postgresql:\/\/ URL[\s\S]*AUTH_SECRET: must be at least 32/);
  });

  it("refuses WEBHOOK_ALLOW_HTTP for a portal served over HTTPS", async () => {
    stubConfiguration();
    vi.stubEnv("WEBHOOK_ALLOW_HTTP", "true");
    const { env } = await import("./env");
    expect(() => env()).toThrow(/WEBHOOK_ALLOW_HTTP: is for local set-ups only/);
  });

  it("accepts a complete configuration with defaults", async () => {
    stubConfiguration();
    const { env } = await import("./env");
    expect(env()).toMatchObject({ SMTP_PORT: 587, SMTP_SECURE: false, DEMO_MODE: false, TRUST_PROXY: false });
  });

  it.each<[string, boolean | null]>([
    ["true", true],
    ["1", true],
    ["false", false],
    ["yes", null],
  ])("reads TRUST_PROXY=%s", async (value, expected) => {
    stubConfiguration();
    vi.stubEnv("TRUST_PROXY", value);
    const { env } = await import("./env");
    if (expected === null) expect(() => env()).toThrow(/TRUST_PROXY/);
    else expect(env().TRUST_PROXY).toBe(expected);
  });
});
