import { Server, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { SOCKET_ADDRESS_HEADER } from "./client-ip";
import { withDecodablePath } from "./decodable-path";

let installed = false;

/**
 * What the HTTP server does to each request before Next.js sees it (run once, at start):
 * - writes the socket's peer address into SOCKET_ADDRESS_HEADER, over any client value: Next.js
 *   gives route handlers and server actions the headers but not the socket, and without a trusted
 *   proxy the peer is the only address a client cannot choose;
 * - makes the path decodable (withDecodablePath): Next.js answers 500 to a path it cannot decode;
 * - closes a connection whose request was answered before its body was read (a 401, a 413) only
 *   once the client has read the answer (lingerOnClose).
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
      lingerOnClose(request);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof Server.prototype.emit;
}

/** How long a connection answered early is kept to let its client read the answer and stop sending. */
export const LINGER_MS = 5_000;

/**
 * Node closes the connection of a request answered before its body was read, at once: the client,
 * still sending, meets a reset and may never read the answer. Instead, the answer is followed by
 * the end of the stream, and the connection is closed when the client closes its side (if Node
 * reads on), or after LINGER_MS at the latest; meanwhile what it still sends is read no further than
 * Node's buffers, so it waits, reads the answer and stops.
 */
function lingerOnClose(request: IncomingMessage): void {
  const socket = request.socket as Socket & { destroySoon?: () => void };
  // A kept-alive connection carries many requests: its close is wrapped once, and asks the latest.
  const first = !currentRequest.has(socket);
  currentRequest.set(socket, request);
  const destroySoon = socket.destroySoon;
  if (!first || typeof destroySoon !== "function") return;
  socket.destroySoon = function (this: Socket) {
    if (currentRequest.get(this)?.complete !== false) return destroySoon.call(this);
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once("end", () => this.destroy());
    this.once("close", () => clearTimeout(timer));
    this.end();
  };
}

/** The request a connection is on (the last one Node gave), for lingerOnClose. */
const currentRequest = new WeakMap<Socket, IncomingMessage>();
