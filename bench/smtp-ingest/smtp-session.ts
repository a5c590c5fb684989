// One SMTP conversation (RFC 5321, with PIPELINING, 8BITMIME, SMTPUTF8, SIZE and AUTH PLAIN/LOGIN), kept apart
// from the socket: bytes go in through `receive`, replies come out through `write`. The mail gateway's own server
// until smtp-server replaced it; kept as the baseline of the smtp-ingest benchmark (see hand-written-server.ts).

export interface SmtpEnvelope {
  /** MAIL FROM; "" for the null sender `<>`. */
  from: string;
  to: string[];
}

/** An SMTP reply the hooks can give: a code and one line of text. */
export interface SmtpReply {
  code: number;
  message: string;
}

export interface SmtpHooks {
  /** Null accepts; a reply refuses. */
  mailFrom(address: string, params: Record<string, string>): SmtpReply | null;
  rcptTo(address: string, envelope: SmtpEnvelope): SmtpReply | null;
  auth(username: string): SmtpReply | null;
  /** The message, dot-unstuffed, without the terminating line; `oversized` when it went over the limit (and was cut). */
  data(message: Buffer, envelope: SmtpEnvelope, oversized: boolean): Promise<SmtpReply>;
}

export interface SmtpSessionOptions {
  hostname: string;
  /** What the greeting says after the host name. */
  banner: string;
  maxMessageSize: number;
  /** Who is on the other end, for the EHLO greeting. */
  remote: string;
  write(text: string): void;
  /** Called after the last reply of a session that ends (QUIT, too many errors). */
  close(): void;
}

const MAX_COMMAND_LINE = 4096;
const MAX_RECIPIENTS = 1000;
const MAX_UNRECOGNIZED = 10;
/** DATA ends with a line holding a single dot: "\n.\r\n" (or "\n.\n": bare LF line ends are tolerated). */
const DOT_LINE_START = Buffer.from("\n.");

type Mode = "command" | "data" | "auth-login-user" | "auth-login-pass" | "auth-plain" | "closed";

export class SmtpSession {
  #mode: Mode = "command";
  #greeted = false;
  #authenticated = false;
  #envelope: { from: string; to: string[] } | null = null;
  #pending: Buffer[] = [];
  #pendingLength = 0;
  #out: string[] = [];
  /** DATA in progress: its chunks, their size, and whether it went over the limit. */
  #data: Buffer[] = [];
  #dataLength = 0;
  #oversized = false;
  #tail: Buffer = Buffer.alloc(0);
  /** Set while the end of a DATA is being stored: input waits, in order, until the reply is out. */
  #busy = false;
  #unrecognized = 0;
  #loginUser = "";
  #discardLine = false;

  constructor(
    private readonly options: SmtpSessionOptions,
    private readonly hooks: SmtpHooks,
  ) {}

  greet(): void {
    this.#reply(220, `${this.options.hostname} ESMTP ${this.options.banner}`);
    this.#flush();
  }

  get closed(): boolean {
    return this.#mode === "closed";
  }

  /** Whether the session is between messages, so that closing it loses nothing. */
  get idle(): boolean {
    return !this.#busy && this.#mode !== "data";
  }

  receive(chunk: Buffer): void {
    if (this.#mode === "closed") return;
    this.#pending.push(chunk);
    this.#pendingLength += chunk.length;
    if (!this.#busy) this.#process();
  }

  /** Ends the session from our side (shutdown, idle time-out). */
  abort(code: number, message: string): void {
    if (this.#mode === "closed") return;
    this.#reply(code, message);
    this.#end();
  }

  #process(): void {
    while (this.#pendingLength > 0 && !this.#busy && this.#mode !== "closed") {
      const input = this.#take();
      if (this.#mode === "data") {
        this.#readData(input);
        continue;
      }
      const nl = input.indexOf(0x0a);
      if (nl < 0) {
        if (input.length > MAX_COMMAND_LINE) {
          // A line with no end in sight: refuse it once and skip the rest of it.
          if (!this.#discardLine) this.#reply(500, "Error: line too long");
          this.#discardLine = true;
        } else this.#unshift(input);
        break;
      }
      const rest = input.subarray(nl + 1);
      if (rest.length > 0) this.#unshift(rest);
      if (this.#discardLine) {
        this.#discardLine = false;
        continue;
      }
      const end = nl > 0 && input[nl - 1] === 0x0d ? nl - 1 : nl;
      if (end > MAX_COMMAND_LINE) {
        this.#reply(500, "Error: line too long");
        continue;
      }
      this.#line(input.toString("utf8", 0, end));
    }
    this.#flush();
  }

  #take(): Buffer {
    const input =
      this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending, this.#pendingLength);
    this.#pending = [];
    this.#pendingLength = 0;
    return input;
  }

  #unshift(rest: Buffer): void {
    this.#pending.unshift(rest);
    this.#pendingLength += rest.length;
  }

  #reply(code: number, message: string): void {
    this.#out.push(`${code} ${message}\r\n`);
  }

  /** A continuation prompt (334) with its base64 challenge. */
  #prompt(challenge: string): void {
    this.#out.push(`334 ${challenge ? Buffer.from(challenge).toString("base64") : ""}\r\n`);
  }

  #flush(): void {
    if (this.#out.length === 0) return;
    const text = this.#out.length === 1 ? this.#out[0]! : this.#out.join("");
    this.#out = [];
    this.options.write(text);
  }

  #end(): void {
    this.#flush();
    this.#mode = "closed";
    this.#pending = [];
    this.#pendingLength = 0;
    this.options.close();
  }

  #line(line: string): void {
    if (this.#mode === "auth-login-user" || this.#mode === "auth-login-pass" || this.#mode === "auth-plain") {
      this.#authStep(line);
      return;
    }
    const space = line.indexOf(" ");
    const verb = (space < 0 ? line : line.slice(0, space)).toUpperCase();
    const arg = space < 0 ? "" : line.slice(space + 1).trim();
    switch (verb) {
      case "EHLO":
      case "HELO":
        return this.#hello(verb, arg);
      case "MAIL":
        return this.#mail(arg);
      case "RCPT":
        return this.#rcpt(arg);
      case "DATA":
        return this.#startData(arg);
      case "RSET":
        this.#envelope = null;
        return this.#reply(250, "Flushed");
      case "NOOP":
        return this.#reply(250, "OK");
      case "QUIT":
        this.#reply(221, "Bye");
        return this.#end();
      case "VRFY":
        return this.#reply(252, "Try to send something. No promises though");
      case "HELP":
        return this.#reply(214, "See https://tools.ietf.org/html/rfc5321 for details");
      case "AUTH":
        return this.#auth(arg);
      default:
        this.#unrecognized++;
        if (this.#unrecognized >= MAX_UNRECOGNIZED) {
          this.#reply(421, "Error: too many unrecognized commands");
          return this.#end();
        }
        return this.#reply(500, "Error: command not recognized");
    }
  }

  #hello(verb: string, arg: string): void {
    if (!arg) return this.#reply(501, `Error: Syntax: ${verb} hostname`);
    this.#greeted = true;
    this.#envelope = null;
    const hello = `${this.options.hostname} Nice to meet you, ${this.options.remote}`;
    if (verb === "HELO") return this.#reply(250, hello);
    this.#out.push(
      `250-${hello}\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-AUTH LOGIN PLAIN\r\n250 SIZE ${this.options.maxMessageSize}\r\n`,
    );
  }

  #mail(arg: string): void {
    if (!this.#greeted) return this.#reply(503, "Error: send HELO/EHLO first");
    if (this.#envelope) return this.#reply(503, "Error: nested MAIL command");
    const parsed = parsePath(arg, "FROM");
    if (!parsed) return this.#reply(501, "Error: Bad sender address syntax");
    const declared = Number(parsed.params.SIZE);
    if (
      parsed.params.SIZE !== undefined &&
      Number.isFinite(declared) &&
      declared > this.options.maxMessageSize
    ) {
      return this.#reply(
        552,
        `Error: message exceeds fixed maximum message size ${this.options.maxMessageSize}`,
      );
    }
    const refused = this.hooks.mailFrom(parsed.address, parsed.params);
    if (refused) return this.#reply(refused.code, refused.message);
    this.#envelope = { from: parsed.address, to: [] };
    this.#reply(250, "Accepted");
  }

  #rcpt(arg: string): void {
    if (!this.#envelope) return this.#reply(503, "Error: need MAIL command");
    const parsed = parsePath(arg, "TO");
    if (!parsed || parsed.address === "") return this.#reply(501, "Error: Bad recipient address syntax");
    if (this.#envelope.to.length >= MAX_RECIPIENTS) return this.#reply(452, "Error: too many recipients");
    const refused = this.hooks.rcptTo(parsed.address, this.#envelope);
    if (refused) return this.#reply(refused.code, refused.message);
    this.#envelope.to.push(parsed.address);
    this.#reply(250, "Accepted");
  }

  #startData(arg: string): void {
    if (arg) return this.#reply(501, "Error: DATA takes no arguments");
    if (!this.#envelope) return this.#reply(503, "Error: need MAIL command");
    if (this.#envelope.to.length === 0) return this.#reply(503, "Error: need RCPT command");
    this.#mode = "data";
    this.#data = [];
    this.#dataLength = 0;
    this.#oversized = false;
    this.#tail = NEWLINE;
    this.#reply(354, "End data with <CR><LF>.<CR><LF>");
  }

  /**
   * Reads message bytes until the dot line. The dot line may straddle chunks, so the search starts in the last bytes
   * already read (#tail; at the start, the line break that ended the DATA command).
   */
  #readData(input: Buffer): void {
    const tail = this.#tail;
    const window = Buffer.concat([tail, input]);
    let end = -1;
    let length = 0;
    for (let at = window.indexOf(DOT_LINE_START); at >= 0; at = window.indexOf(DOT_LINE_START, at + 1)) {
      if (window[at + 2] === 0x0a) length = 3;
      else if (window[at + 2] === 0x0d && window[at + 3] === 0x0a) length = 4;
      else continue;
      end = at;
      break;
    }
    if (end < 0) {
      this.#keep(input);
      this.#tail = window.subarray(Math.max(0, window.length - 4));
      return;
    }
    // The message ends with the line break before the dot; the dot line may have begun in bytes already kept.
    const contentEnd = end + 1 - tail.length;
    if (contentEnd >= 0) this.#keep(input.subarray(0, contentEnd));
    else this.#dropTail(-contentEnd);
    const rest = input.subarray(end + length - tail.length);
    if (rest.length > 0) this.#unshift(rest);
    this.#finishData();
  }

  #keep(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.#dataLength += chunk.length;
    if (this.#dataLength > this.options.maxMessageSize + 4) {
      // Over the limit: the rest is read (to find the end) and thrown away.
      this.#oversized = true;
      return;
    }
    this.#data.push(chunk);
  }

  /** Gives back the last `bytes` kept (a dot line that began at the end of an earlier chunk). */
  #dropTail(bytes: number): void {
    let left = bytes;
    while (left > 0 && this.#data.length > 0) {
      const last = this.#data[this.#data.length - 1]!;
      if (last.length <= left) {
        this.#data.pop();
        left -= last.length;
      } else {
        this.#data[this.#data.length - 1] = last.subarray(0, last.length - left);
        left = 0;
      }
    }
    this.#dataLength -= bytes;
  }

  #finishData(): void {
    const envelope = this.#envelope!;
    const message = unstuff(Buffer.concat(this.#data));
    const oversized = this.#oversized || message.length > this.options.maxMessageSize;
    this.#data = [];
    this.#dataLength = 0;
    this.#envelope = null;
    this.#mode = "command";
    this.#busy = true;
    this.#flush();
    this.hooks
      .data(oversized ? message.subarray(0, 0) : message, envelope, oversized)
      .catch((): SmtpReply => ({ code: 451, message: "Requested action aborted: local error in processing" }))
      .then((reply) => {
        this.#busy = false;
        if (this.#mode === "closed") return;
        this.#reply(reply.code, reply.message);
        this.#process();
      });
  }

  #auth(arg: string): void {
    if (!this.#greeted) return this.#reply(503, "Error: send HELO/EHLO first");
    if (this.#authenticated) return this.#reply(503, "Error: No identity changes permitted");
    if (this.#envelope) return this.#reply(503, "Error: AUTH not allowed during a mail transaction");
    const [mechanism = "", initial] = arg.split(/\s+/);
    switch (mechanism.toUpperCase()) {
      case "PLAIN":
        if (initial) return this.#plain(initial);
        this.#mode = "auth-plain";
        return this.#prompt("");
      case "LOGIN":
        if (initial) {
          this.#loginUser = decode64(initial);
          this.#mode = "auth-login-pass";
          return this.#prompt("Password:");
        }
        this.#mode = "auth-login-user";
        return this.#prompt("Username:");
      default:
        return this.#reply(504, "Error: Unrecognized authentication type");
    }
  }

  #authStep(line: string): void {
    const mode = this.#mode;
    this.#mode = "command";
    if (line === "*") return this.#reply(501, "Authentication aborted");
    if (mode === "auth-plain") return this.#plain(line);
    if (mode === "auth-login-user") {
      this.#loginUser = decode64(line);
      this.#mode = "auth-login-pass";
      return this.#prompt("Password:");
    }
    this.#authenticate(this.#loginUser);
  }

  #plain(encoded: string): void {
    // authzid NUL authcid NUL password; any credentials are accepted, as by Mailpit without an auth file.
    const parts = decode64(encoded).split("\u0000");
    if (parts.length !== 3) return this.#reply(500, "Error: invalid userdata");
    this.#authenticate(parts[1] ?? "");
  }

  #authenticate(username: string): void {
    const refused = this.hooks.auth(username);
    if (refused) return this.#reply(refused.code, refused.message);
    this.#authenticated = true;
    this.#reply(235, "Authentication successful");
  }
}

const NEWLINE = Buffer.from("\n");

function decode64(text: string): string {
  return Buffer.from(text.trim(), "base64").toString("utf8");
}

/** `FROM:<a@b> SIZE=10 BODY=8BITMIME` → the address and the parameters (keys upper-cased). */
export function parsePath(
  arg: string,
  keyword: "FROM" | "TO",
): { address: string; params: Record<string, string> } | null {
  const m = /^([A-Za-z]+)\s*:\s*<([^<>\s]*)>(.*)$/.exec(arg);
  if (!m || m[1]!.toUpperCase() !== keyword) return null;
  const params: Record<string, string> = {};
  for (const p of m[3]!.trim().split(/\s+/).filter(Boolean)) {
    const eq = p.indexOf("=");
    params[(eq < 0 ? p : p.slice(0, eq)).toUpperCase()] = eq < 0 ? "" : p.slice(eq + 1);
  }
  return { address: m[2]!, params };
}

/** Removes the dot SMTP adds in front of every line that starts with one (RFC 5321 4.5.2). */
export function unstuff(message: Buffer): Buffer {
  if (message.indexOf(DOT_LINE_START) < 0 && message[0] !== 0x2e) return message;
  const out = Buffer.allocUnsafe(message.length);
  let length = 0;
  let lineStart = true;
  for (let i = 0; i < message.length; i++) {
    const byte = message[i]!;
    if (lineStart && byte === 0x2e) {
      lineStart = false;
      continue;
    }
    out[length++] = byte;
    lineStart = byte === 0x0a;
  }
  return out.subarray(0, length);
}
