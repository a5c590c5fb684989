// The mail gateway's earlier, hand-written SMTP server (until smtp-server replaced it), kept here only as the
// baseline `smtp-ingest` measures smtp-server against, on the same storage path: a TCP listener that runs one
// SmtpSession per connection, answers pipelined commands in one write and reads DATA without streams. No STARTTLS,
// no enhanced status codes. Same options and hooks as the gateway's startSmtpServer.
import { createServer, type AddressInfo, type Socket } from "node:net";
import type { RunningSmtp, SmtpServerOptions } from "@inps-sim/mail-gateway";
import type { SmtpDecision } from "@inps-sim/mail-gateway";
import { SmtpSession, type SmtpReply } from "./smtp-session.ts";

export const SMTP_HOSTNAME = "mail-gateway.inps-sim.local";

export function startHandWrittenSmtpServer(options: SmtpServerOptions): Promise<RunningSmtp> {
  const { mailbox, faults, logger } = options;
  const refuse = (d: SmtpDecision): SmtpReply | null => {
    if (d.kind !== "error") return null;
    mailbox.runtime.SMTPRejected++;
    return { code: d.code, message: d.message };
  };
  const sessions = new Map<Socket, SmtpSession>();

  const server = createServer((socket) => {
    socket.setNoDelay(true);
    const session = new SmtpSession(
      {
        hostname: SMTP_HOSTNAME,
        banner: "INPS simulator mail gateway (Mailpit-compatible)",
        maxMessageSize: options.maxMessageSize,
        remote: `[${socket.remoteAddress ?? "unknown"}]`,
        write: (text) => {
          if (!socket.destroyed) socket.write(text);
        },
        close: () => socket.end(),
      },
      {
        mailFrom: (address) => refuse(faults.decide("MAIL", [address])),
        rcptTo: (address) => refuse(faults.decide("RCPT", [address])),
        auth: () => refuse(faults.decideAuth()),
        async data(raw, envelope, oversized) {
          if (oversized) {
            mailbox.runtime.SMTPRejected++;
            return {
              code: 552,
              message: `Error: message exceeds fixed maximum message size ${options.maxMessageSize}`,
            };
          }
          const decision = faults.decide("DATA", envelope.to);
          const refused = refuse(decision);
          if (refused) return refused;
          if (decision.kind === "drop") {
            mailbox.runtime.SMTPIgnored++;
            return { code: 250, message: "Ok: queued" };
          }
          try {
            // The same arrival work as smtp-server's path (a Received header), so the two compare fairly.
            const id = await mailbox.accept(raw, envelope, { client: { helo: "bench", ip: "127.0.0.1" } });
            mailbox.runtime.SMTPAccepted++;
            mailbox.runtime.SMTPAcceptedSize += raw.length;
            return { code: 250, message: `Ok: queued as ${id ?? "pec-refused"}` };
          } catch (err) {
            logger.error({ err }, "could not store a message");
            mailbox.runtime.SMTPRejected++;
            return { code: 451, message: "Requested action aborted: local error in processing" };
          }
        },
      },
    );
    sessions.set(socket, session);
    socket.setTimeout(options.idleTimeoutMs ?? 5 * 60_000, () =>
      session.abort(421, "Timeout - closing connection"),
    );
    socket.on("data", (chunk: Buffer) => session.receive(chunk));
    socket.on("error", (error) => logger.debug({ err: error }, "SMTP connection error"));
    socket.on("close", () => sessions.delete(socket));
    session.greet();
  });

  async function close(): Promise<void> {
    const stopped = new Promise<void>((done) => server.close(() => done()));
    // Idle connections are told at once; one in the middle of a message gets a moment to finish it.
    for (const session of sessions.values()) if (session.idle) session.abort(421, "Server shutting down");
    const deadline = Date.now() + (options.closeTimeoutMs ?? 2000);
    while (sessions.size > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      for (const session of sessions.values()) if (session.idle) session.abort(421, "Server shutting down");
    }
    for (const socket of sessions.keys()) socket.destroy();
    await stopped;
  }

  return new Promise((resolve, reject) => {
    const onError = (error: Error) =>
      reject(new Error(`cannot listen on ${options.host}:${options.port}: ${error.message}`));
    server.once("error", onError);
    server.listen(options.port, options.host, () => {
      server.off("error", onError);
      server.on("error", (error) => logger.warn({ err: error }, "SMTP server error"));
      resolve({ port: (server.address() as AddressInfo).port, close });
    });
  });
}
