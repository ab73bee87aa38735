import { Server, type IncomingMessage } from "node:http";
import { SOCKET_ADDRESS_HEADER } from "./client-ip";

let installed = false;

/**
 * Writes each request's socket peer address into SOCKET_ADDRESS_HEADER before the app sees it.
 * Next.js gives route handlers and server actions the headers but not the socket; without a
 * trusted proxy the peer is the only address a client cannot choose. Run once, at start.
 */
export function recordSocketAddresses(): void {
  if (installed) return;
  installed = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof Server.prototype.emit;
}
