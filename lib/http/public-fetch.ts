import { type LookupAddress, type LookupAllOptions, type LookupOneOptions, lookup } from "node:dns";
import { Agent, fetch as undiciFetch } from "undici";
import { env } from "@/lib/env";
import { isPrivateAddress } from "./public-address";

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Resolves a host name as the system does, keeping only public addresses: the address the
 * connection is made to is the one that was checked, so a name that resolves somewhere else a moment
 * later (DNS rebinding) cannot reach the platform's own network.
 */
export function publicLookup(
  hostname: string,
  options: LookupOneOptions | LookupAllOptions,
  callback: LookupCallback,
): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const allowed = addresses.filter((a) => !isPrivateAddress(a.address));
    if (allowed.length === 0) {
      return callback(
        Object.assign(new Error(`${hostname} resolves to a private address`), { code: "EPRIVATEADDRESS" }),
        [],
      );
    }
    if (options.all) return callback(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
}

let agent: Agent | undefined;

/** The connection pool whose connections go to public addresses only. */
export function publicDispatcher(): Agent {
  agent ??= new Agent({ connect: { lookup: publicLookup } });
  return agent;
}

/**
 * The fetch of the platform's calls to addresses others chose (health actors' callbacks, recipients'
 * OpenDSR services): connections go to public addresses only. (IP literals never reach a resolver:
 * callers check them first with resolvesToPublic.) Local set-ups (WEBHOOK_ALLOW_HTTP) use the plain fetch.
 */
export const publicFetch: typeof fetch = (input, init) => {
  if (env().WEBHOOK_ALLOW_HTTP) return fetch(input, init);
  return undiciFetch(input as Parameters<typeof undiciFetch>[0], {
    ...(init as Parameters<typeof undiciFetch>[1]),
    dispatcher: publicDispatcher(),
  }) as unknown as Promise<Response>;
};
