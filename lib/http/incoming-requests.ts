import { Server, type IncomingMessage } from "node:http";
import { SOCKET_ADDRESS_HEADER } from "./client-ip";
import { withDecodablePath } from "./decodable-path";

let installed = false;

/**
 * What the HTTP server does to each request before Next.js sees it (run once, at start):
 * - writes the socket's peer address into SOCKET_ADDRESS_HEADER, over any client value: Next.js
 *   gives route handlers and server actions the headers but not the socket, and without a trusted
 *   proxy the peer is the only address a client cannot choose;
 * - makes the path decodable (withDecodablePath): Next.js answers 500 to a path it cannot decode.
 */
export function prepareIncomingRequests(): void {
  if (installed) return;
  installed = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
      if (request.url) request.url = withDecodablePath(request.url);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof Server.prototype.emit;
}
