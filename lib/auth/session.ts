import { getServerSession } from "next-auth";
import { authOptions } from "./next-auth";

/** The e-mail address the visitor proved by magic link, or null when not signed in. */
export async function signedInEmail(): Promise<string | null> {
  const session = await getServerSession(authOptions());
  return session?.user?.email?.toLowerCase() ?? null;
}
