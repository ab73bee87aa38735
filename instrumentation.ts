// Validates the configuration once, when the server starts: a missing variable stops it with a clear
// message. Then each request carries its socket's peer address (lib/http/client-ip.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    const { loadStorageConfig } = await import("@/lib/storage");
    const { recordSocketAddresses } = await import("@/lib/http/socket-address");
    env();
    loadStorageConfig(process.env);
    recordSocketAddresses();
  }
}
