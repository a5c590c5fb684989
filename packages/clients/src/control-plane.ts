// Typed client of any service's control plane (`/__sim`, docs/control-plane.md): the simulated clock, a gateway's
// fault switches and, on the identity service, where the rest of the stack is. Every call answers a discriminated
// result, as the identity client does, so a page can put a refusal beside the field it concerns.
import type { IdentityCallOptions, IdentityProblem, IdentityResult } from "./identity.ts";

/** docs/control-plane.md: `error` answers with the status, `timeout` never answers, `drop` accepts and never delivers. */
export interface HttpFault {
  mode: "error" | "timeout" | "drop";
  status?: number;
  count?: number;
  probability?: number;
}

/** docs/gateways-mail.md: a reply code at one SMTP stage (an outage is `{ stage: "MAIL", code: 421 }`). */
export interface SmtpFault {
  stage: "MAIL" | "RCPT" | "DATA";
  code?: number;
  message?: string;
  count?: number;
  probability?: number;
}

/** GET /__sim/faults: the active fault, how many requests it may still hit, how often it struck. */
export interface HttpFaultsView {
  active: HttpFault | null;
  remaining: number | null;
  hits: number;
}

/** GET /__sim/smtp-faults: one rule per stage. */
export interface SmtpFaultsView {
  faults: (SmtpFault & { remaining: number | null; hits: number })[];
}

/** A move of the clock: forward by an ISO-8601 duration (`P1D`, `PT3M`, `P6M`), or to a later instant. */
export type ClockMove = { advanceBy: string } | { setTo: string };

/** GET /__sim/stack on the identity service. */
export interface StackServices {
  services: {
    identity: string;
    sms: string;
    mail: { http: string; smtp: string };
    postal: string;
    portal: string | null;
  };
  operatorToken?: string;
}

export interface ControlPlaneClient {
  /** GET /__sim/clock */
  clock(options?: IdentityCallOptions): Promise<IdentityResult<{ now: string }>>;
  /** POST /__sim/clock: on the identity service the whole stack moves. */
  moveClock(move: ClockMove, options?: IdentityCallOptions): Promise<IdentityResult<{ now: string }>>;
  /** GET /__sim/stack (identity only). */
  stack(options?: IdentityCallOptions): Promise<IdentityResult<StackServices>>;
  /** GET /__sim/faults: a gateway's HTTP API. */
  faults(options?: IdentityCallOptions): Promise<IdentityResult<HttpFaultsView>>;
  /** PUT /__sim/faults */
  setFault(spec: HttpFault, options?: IdentityCallOptions): Promise<IdentityResult<HttpFaultsView>>;
  /** DELETE /__sim/faults */
  clearFault(options?: IdentityCallOptions): Promise<IdentityResult<null>>;
  /** GET /__sim/smtp-faults: the mail gateway's SMTP server, where the identity service sends its email. */
  smtpFaults(options?: IdentityCallOptions): Promise<IdentityResult<SmtpFaultsView>>;
  setSmtpFault(spec: SmtpFault, options?: IdentityCallOptions): Promise<IdentityResult<SmtpFaultsView>>;
  clearSmtpFault(options?: IdentityCallOptions): Promise<IdentityResult<null>>;
}

export interface ControlPlaneClientOptions {
  /** The service's base URL, e.g. http://127.0.0.1:4010 */
  baseUrl: string;
  /** SIM_ADMIN_TOKEN */
  adminToken: string;
  fetch?: typeof fetch;
}

function problemOf(status: number, text: string): IdentityProblem {
  let fields: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === "object" && parsed !== null) fields = parsed as Record<string, unknown>;
  } catch {
    // a plain-text refusal: its text is the title
  }
  const code = typeof fields.code === "string" ? fields.code : `http-${status}`;
  const title = typeof fields.title === "string" ? fields.title : text.slice(0, 200) || `HTTP ${status}`;
  return { ...fields, title, status, code };
}

export function createControlPlaneClient(options: ControlPlaneClientOptions): ControlPlaneClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;

  async function call<T>(
    method: string,
    path: string,
    body: unknown,
    opts: IdentityCallOptions = {},
  ): Promise<IdentityResult<T>> {
    const headers: Record<string, string> = {
      accept: "application/json, application/problem+json",
      authorization: `Bearer ${options.adminToken}`,
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (opts.requestId !== undefined) headers["x-request-id"] = opts.requestId;
    const res = await doFetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: opts.signal ?? null,
    });
    const raw = await res.text();
    if (!res.ok)
      return {
        ok: false,
        status: res.status,
        problem: problemOf(res.status, raw),
        headers: res.headers,
        raw,
      };
    if (raw === "") return { ok: true, status: res.status, body: null as T, headers: res.headers };
    try {
      return { ok: true, status: res.status, body: JSON.parse(raw) as T, headers: res.headers };
    } catch {
      const detail = `${method} ${path} answered ${res.status} with a body that is not JSON`;
      return {
        ok: false,
        status: res.status,
        problem: { title: "Malformed answer", status: res.status, code: "malformed-response", detail },
        headers: res.headers,
        raw,
      };
    }
  }

  return {
    clock: (opts) => call("GET", "/__sim/clock", undefined, opts),
    moveClock: (move, opts) => call("POST", "/__sim/clock", move, opts),
    stack: (opts) => call("GET", "/__sim/stack", undefined, opts),
    faults: (opts) => call("GET", "/__sim/faults", undefined, opts),
    setFault: (spec, opts) => call("PUT", "/__sim/faults", spec, opts),
    clearFault: (opts) => call("DELETE", "/__sim/faults", undefined, opts),
    smtpFaults: (opts) => call("GET", "/__sim/smtp-faults", undefined, opts),
    setSmtpFault: (spec, opts) => call("PUT", "/__sim/smtp-faults", spec, opts),
    clearSmtpFault: (opts) => call("DELETE", "/__sim/smtp-faults", undefined, opts),
  };
}
