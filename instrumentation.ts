// Validates the configuration once, when the server starts: a missing variable stops it with a clear message.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    const { loadStorageConfig } = await import("@/lib/storage");
    env();
    loadStorageConfig(process.env);
  }
}
