import { inject } from "vitest";

// Each test file sees the environment of the services started by the global setup.
const env = JSON.parse(inject("testEnv")) as Record<string, string>;
for (const [key, value] of Object.entries(env)) process.env[key] = value;

const host = new URL(env.DATABASE_URL!).hostname;
if (host !== "127.0.0.1" && host !== "localhost") {
  throw new Error(`Refusing to run tests against a non-local database (${host}).`);
}
