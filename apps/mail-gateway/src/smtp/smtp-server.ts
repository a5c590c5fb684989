// The SMTP front door (smtp-server): accepts any message up to the size limit, unless a fault says otherwise.
import type { AddressInfo } from "node:net";
import type { Logger } from "@inps-sim/service-kit";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import type { Mailbox } from "../mailbox.ts";
import type { SmtpDecision, SmtpFaults } from "./faults.ts";

export interface RunningSmtp {
  port: number;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export function startSmtpServer(options: {
  mailbox: Mailbox;
  faults: SmtpFaults;
  port: number;
  host: string;
  maxMessageSize: number;
  logger: Logger;
}): Promise<RunningSmtp> {
  const { mailbox, faults, logger } = options;
  const reject = (d: SmtpDecision) => {
    if (d.kind !== "error") return null;
    mailbox.runtime.SMTPRejected++;
    return smtpError(d.code, d.message);
  };
  const server = new SMTPServer({
    name: "mail-gateway.inps-sim.local",
    banner: "INPS simulator mail gateway (Mailpit-compatible)",
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    size: options.maxMessageSize,
    logger: false,
    closeTimeout: 2000,
    onAuth(auth, _session, callback) {
      const error = reject(faults.decideAuth());
      if (error) return callback(error);
      callback(null, { user: auth.username ?? "anonymous" });
    },
    onMailFrom(address, _session, callback) {
      if (address.args && typeof address.args === "object" && "SIZE" in address.args) {
        const declared = Number((address.args as Record<string, string>).SIZE);
        if (Number.isFinite(declared) && declared > options.maxMessageSize) {
          mailbox.runtime.SMTPRejected++;
          return callback(smtpError(552, `Message size exceeds fixed maximum message size (${options.maxMessageSize} bytes)`));
        }
      }
      callback(reject(faults.decide("MAIL", [address.address])) ?? undefined);
    },
    onRcptTo(address, _session, callback) {
      callback(reject(faults.decide("RCPT", [address.address])) ?? undefined);
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= options.maxMessageSize) chunks.push(chunk);
      });
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded || size > options.maxMessageSize) {
          mailbox.runtime.SMTPRejected++;
          return callback(smtpError(552, `Message size exceeds fixed maximum message size (${options.maxMessageSize} bytes)`));
        }
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        const decision = faults.decide("DATA", envelope.to);
        const error = reject(decision);
        if (error) return callback(error);
        if (decision.kind === "drop") {
          mailbox.runtime.SMTPIgnored++;
          return callback(null, "Ok: queued");
        }
        const raw = Buffer.concat(chunks);
        mailbox
          .accept(raw, envelope)
          .then((id) => {
            mailbox.runtime.SMTPAccepted++;
            mailbox.runtime.SMTPAcceptedSize += raw.length;
            callback(null, `Ok: queued as ${id ?? "pec-refused"}`);
          })
          .catch((err: unknown) => {
            logger.error({ err }, "could not store a message");
            mailbox.runtime.SMTPRejected++;
            callback(smtpError(451, "Requested action aborted: local error in processing"));
          });
      });
    },
  });
  server.on("error", (error) => logger.warn({ err: error }, "SMTP connection error"));
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(new Error(`cannot listen on ${options.host}:${options.port}: ${error.message}`));
    server.server.once("error", onError);
    server.listen(options.port, options.host, () => {
      server.server.off("error", onError);
      const port = (server.server.address() as AddressInfo).port;
      resolve({
        port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
