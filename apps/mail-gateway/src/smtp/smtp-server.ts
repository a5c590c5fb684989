// The SMTP front door, on smtp-server: STARTTLS, ENHANCEDSTATUSCODES, PIPELINING, 8BITMIME, SMTPUTF8, SIZE, AUTH
// (any credentials) and RFC 5321's limits. Each message goes to the mailbox unless a fault at MAIL, RCPT or DATA says
// otherwise, and the 250 after DATA is sent only once the message is committed.
import type { AddressInfo } from "node:net";
import type { Logger } from "@inps-sim/service-kit";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import type { Delivery, Envelope } from "../mailbox.ts";
import type { SmtpDecision, SmtpFaults } from "./faults.ts";
import type { TlsCertificate } from "./tls-certificate.ts";

export interface RunningSmtp {
  port: number;
  close(): Promise<void>;
}

/** What the SMTP server needs of the mailbox: counters for Mailpit's /info, and a place for each message. */
export interface SmtpMailbox {
  runtime: { SMTPAccepted: number; SMTPAcceptedSize: number; SMTPRejected: number; SMTPIgnored: number };
  /** Resolves once the message is committed: with its ID, or null when none was stored (PEC refused it). */
  accept(raw: Buffer, envelope: Envelope, delivery: Delivery): Promise<string | null>;
}

export interface SmtpServerOptions {
  mailbox: SmtpMailbox;
  faults: SmtpFaults;
  port: number;
  host: string;
  maxMessageSize: number;
  logger: Logger;
  /** The certificate STARTTLS offers (see tls-certificate.ts). */
  tls: TlsCertificate;
  /** Idle time after which a connection is closed with 421 (default 5 minutes, RFC 5321 4.5.3.2.7). */
  idleTimeoutMs?: number;
  /** How long a shutdown waits for connections in the middle of a message (default 2 s). */
  closeTimeoutMs?: number;
}

export const SMTP_HOSTNAME = "mail-gateway.inps-sim.local";
/** RFC 5321 4.5.3.1.4: a command line is at most 512 octets with its CRLF (smtp-server counts without it). */
export const MAX_COMMAND_LINE = 510;
/** Mailpit's default (internal/smtpd/smtpd.go:378-380, `--smtp-max-recipients`), RFC 5321 4.5.3.1.8's minimum. */
export const MAX_RECIPIENTS = 100;

export class SmtpRefusal extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

const tooLarge = (limit: number) =>
  new SmtpRefusal(552, `Error: message exceeds fixed maximum message size ${limit}`);

/** Commands Mailpit answers with 502 (internal/smtpd/smtpd.go:678-680); smtp-server would answer 214, 252 and 500. */
const NOT_IMPLEMENTED = ["HELP", "VRFY", "EXPN"] as const;

/**
 * smtp-server has no option for a 502, so each connection gets its own handlers for these commands as it is made (its
 * commands are read only after this synchronous hand-over).
 */
function answerUnimplemented(server: SMTPServer): void {
  const connect = server.connect.bind(server);
  server.connect = (socket, socketOptions) => {
    const before = new Set(server.connections);
    connect(socket, socketOptions);
    for (const connection of server.connections) {
      if (before.has(connection)) continue;
      for (const command of NOT_IMPLEMENTED) {
        Object.assign(connection, {
          [`handler_${command}`]: (_line: Buffer, callback: () => void) => {
            connection.send(502, "Command not implemented");
            callback();
          },
        });
      }
    }
  };
}

export function startSmtpServer(options: SmtpServerOptions): Promise<RunningSmtp> {
  const { mailbox, faults, logger } = options;
  const refuse = (d: SmtpDecision): SmtpRefusal | null => {
    if (d.kind !== "error") return null;
    mailbox.runtime.SMTPRejected++;
    return new SmtpRefusal(d.code, d.message);
  };
  const envelopeOf = (session: SMTPServerSession): Envelope => ({
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
    to: session.envelope.rcptTo.map((r) => r.address),
  });

  const server = new SMTPServer({
    name: SMTP_HOSTNAME,
    banner: "INPS simulator mail gateway (Mailpit-compatible)",
    key: options.tls.key,
    cert: options.tls.cert,
    hideENHANCEDSTATUSCODES: false,
    // It would be a promise of delivery status notifications, which a mailbox that delivers nothing never sends.
    hideDSN: true,
    authOptional: true,
    // Any credentials, also before STARTTLS: a mock server that a sender in a test talks to in clear.
    allowInsecureAuth: true,
    size: options.maxMessageSize,
    maxCommandLength: MAX_COMMAND_LINE,
    maxRecipients: MAX_RECIPIENTS,
    // A reverse DNS lookup per connection costs more than the whole message on a loopback.
    disableReverseLookup: true,
    socketTimeout: options.idleTimeoutMs ?? 5 * 60_000,
    closeTimeout: options.closeTimeoutMs ?? 2000,
    logger: false,
    onAuth(auth, _session, callback) {
      const error = refuse(faults.decideAuth());
      if (error) return callback(error);
      callback(null, { user: auth.username ?? "anonymous" });
    },
    onMailFrom(address, _session, callback) {
      const args = address.args as Record<string, string> | false;
      const declared = Number(args ? (args.SIZE ?? Number.NaN) : Number.NaN);
      if (Number.isFinite(declared) && declared > options.maxMessageSize) {
        mailbox.runtime.SMTPRejected++;
        return callback(tooLarge(options.maxMessageSize));
      }
      callback(refuse(faults.decide("MAIL", [address.address])));
    },
    onRcptTo(address, _session, callback) {
      callback(refuse(faults.decide("RCPT", [address.address])));
    },
    onData(stream, session, callback) {
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
          return callback(tooLarge(options.maxMessageSize));
        }
        const envelope = envelopeOf(session);
        const decision = faults.decide("DATA", envelope.to);
        const refused = refuse(decision);
        if (refused) return callback(refused);
        if (decision.kind === "drop") {
          mailbox.runtime.SMTPIgnored++;
          return callback(null, "Ok: queued");
        }
        const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
        const delivery: Delivery = {
          username: typeof session.user === "string" ? session.user : undefined,
          client: { helo: session.hostNameAppearsAs ?? "", ip: session.remoteAddress || "127.0.0.1" },
        };
        mailbox.accept(raw, envelope, delivery).then(
          (id) => {
            mailbox.runtime.SMTPAccepted++;
            mailbox.runtime.SMTPAcceptedSize += raw.length;
            callback(null, `Ok: queued as ${id ?? "pec-refused"}`);
          },
          (err: unknown) => {
            logger.error({ err }, "could not store a message");
            mailbox.runtime.SMTPRejected++;
            callback(new SmtpRefusal(451, "Requested action aborted: local error in processing"));
          },
        );
      });
    },
  });
  server.on("error", (error) => logger.debug({ err: error }, "SMTP connection error"));
  answerUnimplemented(server);

  return new Promise((resolve, reject) => {
    const onError = (error: Error) =>
      reject(new Error(`cannot listen on ${options.host}:${options.port}: ${error.message}`));
    server.server.once("error", onError);
    server.listen(options.port, options.host, () => {
      server.server.off("error", onError);
      resolve({
        port: (server.server.address() as AddressInfo).port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
