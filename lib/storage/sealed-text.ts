import { decryptBuffer, encryptBuffer, type Keyring } from "./crypto";
import { loadStorageConfig } from "./index";

let keyring: Keyring | undefined;
const appKeyring = () => (keyring ??= loadStorageConfig(process.env).keyring);

/**
 * Short texts that may hold health data (a requester's message), kept in a database column but
 * encrypted as the files are: same format, same keys (FILE_ENCRYPTION_KEYS), same key rotation.
 */
export function sealText(text: string, keys: Keyring = appKeyring()): Promise<Buffer> {
  return encryptBuffer(Buffer.from(text, "utf8"), keys);
}

export async function openText(sealed: Uint8Array, keys: Keyring = appKeyring()): Promise<string> {
  return (await decryptBuffer(sealed, keys)).toString("utf8");
}
