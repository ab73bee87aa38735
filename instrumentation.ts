// Validates the configuration once, when the server starts: a missing variable stops it with a clear
// message. Then each request is prepared before Next.js sees it (lib/http/incoming-requests.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    const { loadStorageConfig } = await import("@/lib/storage");
    const { prepareIncomingRequests } = await import("@/lib/http/incoming-requests");
    env();
    loadStorageConfig(process.env);
    prepareIncomingRequests();
  }
}
