import type { AddressInfo, Socket } from "node:net";
import { SMTPServer } from "smtp-server";
import { createMailTransport, type MailTransport } from "@/lib/email/transport";

/** How the server answers the next mails: take them, refuse them (at RCPT or after the content), cut the connection, or hold its answer. */
export type SmtpBehaviour =
  | { kind: "accept" }
  | { kind: "refuse"; at: "rcpt" | "data"; code: number; text: string }
  | { kind: "cut" }
  | { kind: "hold" };

export interface ReceivedMail {
  to: string[];
  /** The Message-ID header of the message as it arrived. */
  messageId: string | null;
}

/**
 * A real SMTP server on loopback, for what maildev cannot do: refuse a mail (550, 451), cut the
 * connection mid-message, or keep a client waiting for its answer. Records the Message-ID of every
 * message whose content it received, whatever it then answered.
 */
export async function startSmtpTestServer(initial: SmtpBehaviour = { kind: "accept" }) {
  let behaviour = initial;
  const received: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  const held: ((error?: Error) => void)[] = [];
  const refusal = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (behaviour.kind === "refuse" && behaviour.at === "rcpt")
        return callback(refusal(behaviour.code, behaviour.text));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: /^message-id:\s*(<[^>\r\n]+>)/im.exec(raw)?.[1] ?? null,
        });
        const now = behaviour;
        if (now.kind === "refuse" && now.at === "data") return callback(refusal(now.code, now.text));
        if (now.kind === "cut") {
          for (const socket of sockets) socket.destroy();
          return;
        }
        if (now.kind === "hold") {
          held.push((error) => callback(error ?? null, `2.0.0 Ok: queued as T${received.length}`));
          return;
        }
        callback(null, `2.0.0 Ok: queued as T${received.length}`);
      });
    },
  });
  server.server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const transports: MailTransport[] = [];

  return {
    received,
    answer(next: SmtpBehaviour) {
      behaviour = next;
    },
    /** Answers the messages the server holds: accepted, or refused with `error` (its responseCode). */
    release(error?: { code: number; text: string }) {
      for (const answer of held.splice(0)) answer(error ? refusal(error.code, error.text) : undefined);
    },
    /** A transport to this server, built as the worker builds its own (lib/email/transport.ts). */
    transport(): MailTransport {
      const transport = createMailTransport({ host: "127.0.0.1", port, secure: false });
      transports.push(transport);
      return transport;
    },
    async stop() {
      for (const transport of transports) transport.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type SmtpTestServer = Awaited<ReturnType<typeof startSmtpTestServer>>;
