// Typed client of the identity service (docs/contract.md "Identity service"): every call answers a discriminated
// result instead of throwing, so a step can assert on a problem's `code`, its fields and Retry-After.

import type { components } from "./generated/identity.ts";

type Schemas = components["schemas"];

export type PinRequestInput = Schemas["PinRequest"];
export type DeliveryProfile = Schemas["PinRequestAccepted"]["deliveryProfile"];
export type DigitalChannel = Schemas["PinActivated"]["secondHalfChannel"];
export type HalfChannel = Schemas["PinRequestAccepted"]["channels"]["firstHalf"];
export type PinKind = Schemas["Session"]["pinKind"];
export type RequiredAction = NonNullable<Schemas["Session"]["requiredAction"]>;
export type Residence = Schemas["Residence"];
export type Contacts = Schemas["Contacts"];
/** What INPS would read from the health-card register (the tessera sanitaria). */
export type HealthCardData = Schemas["HealthCard"];
export type PersonalData = Omit<PinRequestInput, "healthCard" | "deliveryProfile" | "firstHalfChannel">;
export type PinRequestAccepted = Schemas["PinRequestAccepted"];
export type ActivationInput = Schemas["PinActivation"];
export type Activated = Schemas["PinActivated"];
export type LoginInput = Schemas["Login"];
export type Session = Schemas["Session"];
export type Me = Schemas["Me"];
export type PinChangeInput = Schemas["PinChange"];
export type PinChangeStarted = Schemas["PinChangeStarted"];
export type PinChanged = Schemas["PinChanged"];
export type Timeline = Schemas["Timeline"];
export type TimelineEvent = Timeline["events"][number];

/** POST /revocations: fiscal code, tessera sanitaria and the registered email or PEC (at least one). */
export type RevocationInput = Schemas["Revocation"];
export type Revoked = Schemas["Revoked"];
/** Contacts as the service shows them: masked, null when not registered. */
export type MaskedContacts = Schemas["MaskedContacts"];
/** PATCH /me/contacts: one contact per call; a value sets it, null removes it. */
export type ContactPatch = Schemas["ContactPatch"];
export type ContactChangeStarted = Schemas["ContactChangeStarted"];
export type ContactsAnswer = Schemas["ContactsAnswer"];

/** POST /recoveries: which contacts must be given follows RECOVERY_CONTACTS (mobile-and-email, or any-two). */
export type RecoveryRequestInput = Schemas["RecoveryRequest"];
export type RecoveryAccepted = Schemas["RecoveryAccepted"];
export type RecoveryConfirmInput = Schemas["RecoveryConfirm"];
export type RecoveryConfirmed = Schemas["RecoveryConfirmed"];
/** Shown once (R20). */
export type GeneratedPin = Schemas["GeneratedPin"];

/** POST /spid/assertions: the test identity provider (admin token), for a citizen of the simulator (R33). */
export type SpidAssertionRequest = Schemas["SpidAssertionRequest"];
export type SpidAssertion = Schemas["SpidAssertion"];
export type SpidLevel = SpidAssertion["level"];
export type SpidJwks = Schemas["SpidJwks"];
/** POST /api/v1/sessions/spid: a session with its SPID level; pinKind dispositivo from level 2 (R35). */
export type SpidSession = Schemas["SpidSession"];
/** GET /api/v1/me/dispositivo-conversion: "Converti PIN", the personal data and contacts before the document (R29). */
export type DispositivoConversionScreen = Schemas["DispositivoConversionScreen"];

// The control plane (/__sim) is not part of the API's document: its shapes are written here.

export type RecoveryContactsProfile = "mobile-and-email" | "any-two";

export interface SimCitizenInput extends Omit<PersonalData, "fiscalCode" | "birthPlace" | "residence"> {
  /** Generated from the personal data when omitted. */
  fiscalCode?: string;
  birthPlace?: string;
  residence?: Residence;
  healthCard?: HealthCardData;
  pin: string;
  pinKind?: PinKind;
  pinChangedAt?: string;
  /** active (default), or initial for a 16-character PIN to replace at first access. */
  state?: "active" | "initial";
}

export interface OutboxEntry {
  id: string;
  fiscalCode: string;
  channel: string;
  purpose: string;
  /** Masked. */
  destination: string;
  status: "pending" | "sent" | "dead";
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  gatewayRef: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxDrained {
  delivered: number;
  retrying: number;
  dead: number;
}

/** One reason a new PIN is not secure (R12), e.g. `{ code: "sequence", message: "…" }`. */
export interface PinReasonView {
  code: string;
  message: string;
}

/** An application/problem+json answer (RFC 9457) with the contract's `code`, or one made up for a non-problem answer. */
/** The consultation services of R32 (GET /api/v1/services/{service}). */
export type ConsultationService =
  | "certificazione-unica"
  | "pension-slip"
  | "application-status"
  | "contribution-statement"
  | "contribution-years"
  | "modello-730"
  | "family-allowances"
  | "cedolino-ex-inpdap";

export interface ConsultationDocument {
  service: ConsultationService;
  title: string;
  fiscalCode: string;
  holder: string;
  issuedAt: string;
  simulated: true;
  lines: { label: string; value: string }[];
}

export type ApplicationKind = "naspi" | "assegno-unico" | "assegni-familiari" | "dis-coll" | "bonus-nido";

export interface ApplicationSubmitted {
  applicationId: string;
  kind: ApplicationKind;
  status: "submitted" | "under-review" | "accepted";
  submittedAt: string;
}

export interface IdentityDocumentInput {
  type: "carta-identita" | "passaporto" | "patente";
  number: string;
  issuedBy: string;
  issueDate: string;
  expiryDate: string;
}

export type DispositivoRequestStatus =
  "awaiting-signed-form" | "under-review" | "approved" | "rejected" | "cancelled";

export interface DispositivoRequest {
  requestId: string;
  status: DispositivoRequestStatus;
  formUrl: string;
  identityDocument: IdentityDocumentInput;
  deliveredVia: "upload" | "fax" | "office" | null;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface OperatorDispositivoRequest extends DispositivoRequest {
  fiscalCode: string;
  files: { part: "signed-form" | "identity-document"; url: string }[];
}

export interface DispositivoQueue {
  items: OperatorDispositivoRequest[];
  page: number;
  pageSize: number;
  total: number;
}

/** A file to upload: its bytes, and the name and type the sender declares (the service trusts neither). */
export interface UploadFile {
  bytes: Uint8Array;
  name: string;
  type?: string;
}

export interface IdentityProblem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  /**
   * The stable code (e.g. locked, invalid-credentials). A failure that was not problem+json gets `http-<status>`;
   * a success whose body is not what the contract promises gets `malformed-response`.
   */
  code: string;
  errors?: { path: string; message: string }[];
  /** 423 locked: seconds until the block ends. */
  retryAfter?: number;
  /** 422 pin-too-weak. */
  reasons?: PinReasonView[];
  /** 400 invalid-code. */
  attemptsLeft?: number;
  /** 403 action-required. */
  requiredAction?: RequiredAction;
  requestId?: string;
  [field: string]: unknown;
}

export interface IdentitySuccess<T> {
  ok: true;
  status: number;
  body: T;
  headers: Headers;
}

export interface IdentityFailure {
  ok: false;
  status: number;
  problem: IdentityProblem;
  headers: Headers;
  /** The answer's text as received, for a failure message. */
  raw: string;
}

export type IdentityResult<T> = IdentitySuccess<T> | IdentityFailure;

export interface IdentityCallOptions {
  idempotencyKey?: string;
  requestId?: string;
  signal?: AbortSignal;
}

export interface IdentityClientOptions {
  /** The identity service's base URL, e.g. http://127.0.0.1:4000 */
  baseUrl: string;
  fetch?: typeof fetch;
  /** SIM_ADMIN_TOKEN, for the `/__sim` calls. */
  adminToken?: string;
  /** A token of OPERATOR_TOKENS, for the operator calls. */
  operatorToken?: string;
  headers?: Record<string, string>;
}

export interface IdentityClient {
  /** POST /api/v1/pin-requests: "Richiedi PIN" (R01–R03). */
  requestPin(
    input: PinRequestInput,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<PinRequestAccepted>>;
  /** POST /api/v1/pin-activations: "Attiva PIN" (R04, R05). */
  activate(input: ActivationInput, options?: IdentityCallOptions): Promise<IdentityResult<Activated>>;
  /** POST /api/v1/sessions: fiscal code and PIN (R07, R08). */
  login(input: LoginInput, options?: IdentityCallOptions): Promise<IdentityResult<Session>>;
  /** The same call as `login`, by its resource's name. */
  createSession(input: LoginInput, options?: IdentityCallOptions): Promise<IdentityResult<Session>>;
  me(token: string, options?: IdentityCallOptions): Promise<IdentityResult<Me>>;
  /** DELETE /api/v1/sessions/current */
  logout(token: string, options?: IdentityCallOptions): Promise<IdentityResult<null>>;
  /** POST /api/v1/me/pin-changes (R09–R12; also R06's first PIN and R13's renewal). */
  startPinChange(
    token: string,
    input: PinChangeInput,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<PinChangeStarted>>;
  /** POST /api/v1/me/pin-changes/{changeId}/verify (R11). */
  verifyPinChange(
    token: string,
    changeId: string,
    code: string,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<PinChanged>>;
  /** GET /api/v1/services/{service}: a consultation service behind the PIN (R32); the body is JSON or text as served. */
  consultService(
    token: string,
    service: ConsultationService,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<unknown>>;
  /** POST /api/v1/revocations: revoke the PIN online (R22–R24). */
  revoke(input: RevocationInput, options?: IdentityCallOptions): Promise<IdentityResult<Revoked>>;
  /** GET /api/v1/me/contacts: the registered contacts, masked (R25). */
  contacts(token: string, options?: IdentityCallOptions): Promise<IdentityResult<ContactsAnswer>>;
  /** PATCH /api/v1/me/contacts: a code goes to the new contact; nothing changes until it is confirmed (R25). */
  changeContact(
    token: string,
    patch: ContactPatch,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<ContactChangeStarted>>;
  /** POST /api/v1/me/contacts/verifications/{id}: confirms the change with the code (R25). */
  verifyContactChange(
    token: string,
    verificationId: string,
    code: string,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<ContactsAnswer>>;
  /** POST /api/v1/operator/citizens/{fiscalCode}/contacts: a contact added by the contact centre (R26). */
  operatorAddContacts(
    fiscalCode: string,
    contacts: { email?: string; pec?: string; mobile?: string },
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<ContactsAnswer>>;
  /** POST /api/v1/operator/citizens/{fiscalCode}/revocation: a revocation by the contact centre (R26). */
  operatorRevoke(fiscalCode: string, options?: IdentityCallOptions): Promise<IdentityResult<Revoked>>;
  /** GET /api/v1/services/{service}/document.pdf: the same document as a PDF. */
  consultServicePdf(
    token: string,
    service: ConsultationService,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<Uint8Array>>;
  /** POST /api/v1/services/applications: needs a PIN dispositivo (R27); an ordinary PIN gets 403 dispositivo-required. */
  submitApplication(
    token: string,
    kind: ApplicationKind,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<ApplicationSubmitted>>;
  /** POST /api/v1/me/dispositivo-requests: "Converti PIN" with an identity document (R28–R30). */
  requestDispositivo(
    token: string,
    identityDocument: IdentityDocumentInput,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<DispositivoRequest>>;
  /** GET /api/v1/me/dispositivo-requests/{id} */
  dispositivoRequest(
    token: string,
    requestId: string,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<DispositivoRequest>>;
  /** GET /api/v1/me/dispositivo-requests/{id}/form.pdf: the form to print and sign (R30). */
  dispositivoForm(
    token: string,
    requestId: string,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<Uint8Array>>;
  /** POST /api/v1/me/dispositivo-requests/{id}/documents: the scanned signed form and identity document (R31). */
  uploadDispositivoDocuments(
    token: string,
    requestId: string,
    files: { signedForm?: UploadFile; identityDocument?: UploadFile },
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<{ status: "under-review" }>>;
  /** GET /api/v1/operator/dispositivo-requests: the queue, newest first, paged. */
  operatorDispositivoQueue(
    query?: { status?: DispositivoRequestStatus; page?: number; pageSize?: number },
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<DispositivoQueue>>;
  /** POST /api/v1/operator/dispositivo-requests/{id}/paper-delivery: the signed form arrived by fax or at an office (R31). */
  operatorPaperDelivery(
    requestId: string,
    via: "fax" | "office",
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<OperatorDispositivoRequest>>;
  /** POST /api/v1/operator/dispositivo-requests/{id}/decision */
  operatorDecideDispositivo(
    requestId: string,
    decision: { decision: "approve" | "reject"; reason?: string },
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<OperatorDispositivoRequest>>;
  /** POST /api/v1/recoveries: "Hai smarrito il tuo PIN?" (R15); the same 202 whatever matched. */
  askRecovery(
    input: RecoveryRequestInput,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<RecoveryAccepted>>;
  /** GET /api/v1/recoveries/{token}: the page behind the link (HTML); it never uses the link up (R16). */
  recoveryForm(token: string, options?: IdentityCallOptions): Promise<IdentityResult<string>>;
  /** POST /api/v1/recoveries/{token}/confirm: codice fiscale and codice di ripristino (R17, R18). */
  confirmRecovery(
    token: string,
    input: RecoveryConfirmInput,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<RecoveryConfirmed>>;
  /** POST /api/v1/me/generated-pin: the system-generated 8-character PIN, shown once (R20). */
  showGeneratedPin(token: string, options?: IdentityCallOptions): Promise<IdentityResult<GeneratedPin>>;
  /** POST /api/v1/me/generated-pin/confirm: typing it back completes the recovery (R20). */
  confirmGeneratedPin(
    token: string,
    pin: string,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<PinChanged>>;
  /** GET /api/v1/me/dispositivo-conversion: "Converti PIN", second screen (R29). */
  dispositivoConversion(
    token: string,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<DispositivoConversionScreen>>;
  /** POST /spid/assertions: a signed assertion from the test identity provider (admin token; R33). */
  spidAssertion(
    input: SpidAssertionRequest,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<SpidAssertion>>;
  /** GET /spid/jwks.json: the identity provider's public key, to check an assertion. */
  spidJwks(options?: IdentityCallOptions): Promise<IdentityResult<SpidJwks>>;
  /** POST /api/v1/sessions/spid: log in with a SPID assertion (R33, R35). */
  spidLogin(assertion: string, options?: IdentityCallOptions): Promise<IdentityResult<SpidSession>>;
  /** GET /__sim/recovery-contacts: R15's profile in force. */
  simRecoveryContacts(
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<{ profile: RecoveryContactsProfile }>>;
  /** PUT /__sim/recovery-contacts: switches R15's profile on a running stack (reset restores the configured one). */
  simSetRecoveryContacts(
    profile: RecoveryContactsProfile,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<{ profile: RecoveryContactsProfile }>>;
  /** POST /api/v1/operator/pin-requests: a PIN requested through the contact centre (R01, R26). */
  operatorRequestPin(
    input: PinRequestInput,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<PinRequestAccepted>>;
  /** GET /api/v1/operator/citizens/{fiscalCode}/events: the citizen's timeline, newest first. */
  operatorEvents(
    fiscalCode: string,
    query?: { limit?: number },
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<Timeline>>;
  /** POST /__sim/citizens: a citizen with a live credential, created directly. */
  simCreateCitizen(
    input: SimCitizenInput,
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<{ fiscalCode: string }>>;
  /** GET /__sim/citizens/{fiscalCode}/events */
  simEvents(fiscalCode: string, options?: IdentityCallOptions): Promise<IdentityResult<Timeline>>;
  /** GET /__sim/outbox: the outbox without its content. */
  simOutbox(
    query?: { status?: OutboxEntry["status"]; fiscalCode?: string },
    options?: IdentityCallOptions,
  ): Promise<IdentityResult<{ messages: OutboxEntry[] }>>;
  /** POST /__sim/outbox/drain: delivers everything due now. */
  simDrainOutbox(options?: IdentityCallOptions): Promise<IdentityResult<OutboxDrained>>;
}

type Shape = Record<string, "string" | "number" | "object" | "array" | "string|null" | "boolean">;

const SHAPES = {
  pinRequest: {
    requestId: "string",
    deliveryProfile: "string",
    channels: "object",
    activationDeadline: "string",
  },
  activated: { status: "string", secondHalfChannel: "string" },
  session: { token: "string", expiresAt: "string", pinKind: "string", requiredAction: "string|null" },
  me: { fiscalCode: "string", contacts: "object", pinKind: "string", requiredAction: "string|null" },
  changeStarted: { changeId: "string", verificationChannel: "string", destination: "string" },
  changed: { status: "string", pinExpiresAt: "string|null" },
  timeline: { fiscalCode: "string", events: "array" },
  revoked: { status: "string" },
  contacts: { contacts: "object" },
  contactChangeStarted: { verificationId: "string", destination: "string" },
  fiscalCode: { fiscalCode: "string" },
  outbox: { messages: "array" },
  drained: { delivered: "number", retrying: "number", dead: "number" },
  recoveryAccepted: { status: "string" },
  recoveryConfirmed: { status: "string", channels: "object" },
  generatedPin: { pin: "string" },
  recoveryContacts: { profile: "string" },
  spidAssertion: {
    assertion: "string",
    issuer: "string",
    audience: "string",
    level: "number",
    expiresAt: "string",
  },
  spidJwks: { keys: "array" },
  spidSession: { token: "string", expiresAt: "string", pinKind: "string", spidLevel: "number" },
  conversionScreen: { personalData: "object", contacts: "object", editContacts: "object" },
} satisfies Record<string, Shape>;

function mismatches(body: unknown, shape: Shape | undefined): string[] {
  if (!shape) return [];
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return ["(the body is not a JSON object)"];
  const record = body as Record<string, unknown>;
  return Object.entries(shape).flatMap(([key, want]) => {
    const value = record[key];
    const ok = want
      .split("|")
      .some((w) =>
        w === "null"
          ? value === null
          : w === "array"
            ? Array.isArray(value)
            : w === "object"
              ? typeof value === "object" && value !== null
              : typeof value === w,
      );
    return ok ? [] : [key];
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === "") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function problemOf(status: number, text: string, headers: Headers): IdentityProblem {
  const parsed = parseJson(text);
  const fields =
    parsed.ok && typeof parsed.value === "object" && parsed.value !== null
      ? (parsed.value as Record<string, unknown>)
      : {};
  const code = typeof fields.code === "string" ? fields.code : `http-${status}`;
  const title = typeof fields.title === "string" ? fields.title : text.slice(0, 200) || `HTTP ${status}`;
  const problem: IdentityProblem = { ...fields, title, status, code };
  // A 423 without the field still says how long to wait in its header.
  const header = headers.get("retry-after");
  if (problem.retryAfter === undefined && header !== null && /^\d+$/.test(header))
    problem.retryAfter = Number(header);
  return problem;
}

export function createIdentityClient(options: IdentityClientOptions): IdentityClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;

  async function call<T>(
    method: string,
    path: string,
    spec: { body?: unknown; token?: string | undefined; shape?: Shape; noContent?: boolean },
    opts: IdentityCallOptions = {},
  ): Promise<IdentityResult<T>> {
    const headers: Record<string, string> = {
      accept: "application/json, application/problem+json",
      ...options.headers,
    };
    if (spec.body !== undefined) headers["content-type"] = "application/json";
    if (spec.token !== undefined) headers.authorization = `Bearer ${spec.token}`;
    if (opts.idempotencyKey !== undefined) headers["idempotency-key"] = opts.idempotencyKey;
    if (opts.requestId !== undefined) headers["x-request-id"] = opts.requestId;
    const res = await doFetch(`${base}${path}`, {
      method,
      headers,
      body: spec.body === undefined ? null : JSON.stringify(spec.body),
      signal: opts.signal ?? null,
    });
    const raw = await res.text();
    if (!res.ok)
      return {
        ok: false,
        status: res.status,
        problem: problemOf(res.status, raw, res.headers),
        headers: res.headers,
        raw,
      };
    if (spec.noContent || res.status === 204)
      return { ok: true, status: res.status, body: null as T, headers: res.headers };
    const parsed = parseJson(raw);
    // A call without a promised shape (a simulated document) takes the answer as it comes: JSON or text.
    if (!spec.shape)
      return {
        ok: true,
        status: res.status,
        body: (parsed.ok ? parsed.value : raw) as T,
        headers: res.headers,
      };
    const missing = parsed.ok ? mismatches(parsed.value, spec.shape) : ["(the body is not JSON)"];
    if (!parsed.ok || missing.length) {
      const detail = `${method} ${path.split("?")[0]} answered ${res.status} without ${missing.join(", ")}`;
      return {
        ok: false,
        status: res.status,
        problem: { title: "Malformed answer", status: res.status, code: "malformed-response", detail },
        headers: res.headers,
        raw,
      };
    }
    return { ok: true, status: res.status, body: parsed.value as T, headers: res.headers };
  }

  const admin = () => options.adminToken;
  /** A call whose body is a form (uploads) or whose answer is bytes (PDFs). */
  async function callBytes<T>(
    method: string,
    path: string,
    spec: { token?: string | undefined; form?: FormData; binary?: boolean },
    opts: IdentityCallOptions = {},
  ): Promise<IdentityResult<T>> {
    const headers: Record<string, string> = {
      accept: "application/pdf, application/json, application/problem+json",
      ...options.headers,
    };
    if (spec.token !== undefined) headers.authorization = `Bearer ${spec.token}`;
    if (opts.requestId !== undefined) headers["x-request-id"] = opts.requestId;
    const res = await doFetch(`${base}${path}`, {
      method,
      headers,
      body: spec.form ?? null,
      signal: opts.signal ?? null,
    });
    if (!res.ok) {
      const raw = await res.text();
      return {
        ok: false,
        status: res.status,
        problem: problemOf(res.status, raw, res.headers),
        headers: res.headers,
        raw,
      };
    }
    if (spec.binary)
      return {
        ok: true,
        status: res.status,
        body: new Uint8Array(await res.arrayBuffer()) as T,
        headers: res.headers,
      };
    const parsed = parseJson(await res.text());
    return {
      ok: true,
      status: res.status,
      body: (parsed.ok ? parsed.value : null) as T,
      headers: res.headers,
    };
  }
  const formOf = (files: Record<string, UploadFile | undefined>) => {
    const form = new FormData();
    for (const [field, file] of Object.entries(files)) {
      if (file)
        form.set(field, new Blob([file.bytes.slice()], file.type ? { type: file.type } : {}), file.name);
    }
    return form;
  };
  const operator = () => options.operatorToken;
  const fc = (fiscalCode: string) => encodeURIComponent(fiscalCode);

  const login: IdentityClient["login"] = (input, opts) =>
    call("POST", "/api/v1/sessions", { body: input, shape: SHAPES.session }, opts);

  return {
    requestPin: (input, opts) =>
      call("POST", "/api/v1/pin-requests", { body: input, shape: SHAPES.pinRequest }, opts),
    activate: (input, opts) =>
      call("POST", "/api/v1/pin-activations", { body: input, shape: SHAPES.activated }, opts),
    login,
    createSession: login,
    me: (token, opts) => call("GET", "/api/v1/me", { token, shape: SHAPES.me }, opts),
    logout: (token, opts) => call("DELETE", "/api/v1/sessions/current", { token, noContent: true }, opts),
    startPinChange: (token, input, opts) =>
      call("POST", "/api/v1/me/pin-changes", { token, body: input, shape: SHAPES.changeStarted }, opts),
    verifyPinChange: (token, changeId, code, opts) =>
      call(
        "POST",
        `/api/v1/me/pin-changes/${encodeURIComponent(changeId)}/verify`,
        { token, body: { code }, shape: SHAPES.changed },
        opts,
      ),
    consultService: (token, service, opts) => call("GET", `/api/v1/services/${service}`, { token }, opts),
    revoke: (input, opts) =>
      call("POST", "/api/v1/revocations", { body: input, shape: SHAPES.revoked }, opts),
    contacts: (token, opts) => call("GET", "/api/v1/me/contacts", { token, shape: SHAPES.contacts }, opts),
    changeContact: (token, patch, opts) =>
      call("PATCH", "/api/v1/me/contacts", { token, body: patch, shape: SHAPES.contactChangeStarted }, opts),
    verifyContactChange: (token, verificationId, code, opts) =>
      call(
        "POST",
        `/api/v1/me/contacts/verifications/${encodeURIComponent(verificationId)}`,
        { token, body: { code }, shape: SHAPES.contacts },
        opts,
      ),
    operatorAddContacts: (fiscalCode, contacts, opts) =>
      call(
        "POST",
        `/api/v1/operator/citizens/${fc(fiscalCode)}/contacts`,
        { token: operator(), body: contacts, shape: SHAPES.contacts },
        opts,
      ),
    operatorRevoke: (fiscalCode, opts) =>
      call(
        "POST",
        `/api/v1/operator/citizens/${fc(fiscalCode)}/revocation`,
        { token: operator(), shape: SHAPES.revoked },
        opts,
      ),
    consultServicePdf: (token, service, opts) =>
      callBytes("GET", `/api/v1/services/${service}/document.pdf`, { token, binary: true }, opts),
    submitApplication: (token, kind, opts) =>
      call("POST", "/api/v1/services/applications", { token, body: { kind } }, opts),
    requestDispositivo: (token, identityDocument, opts) =>
      call("POST", "/api/v1/me/dispositivo-requests", { token, body: { identityDocument } }, opts),
    dispositivoRequest: (token, requestId, opts) =>
      call("GET", `/api/v1/me/dispositivo-requests/${encodeURIComponent(requestId)}`, { token }, opts),
    dispositivoForm: (token, requestId, opts) =>
      callBytes(
        "GET",
        `/api/v1/me/dispositivo-requests/${encodeURIComponent(requestId)}/form.pdf`,
        { token, binary: true },
        opts,
      ),
    uploadDispositivoDocuments: (token, requestId, files, opts) =>
      callBytes(
        "POST",
        `/api/v1/me/dispositivo-requests/${encodeURIComponent(requestId)}/documents`,
        { token, form: formOf(files) },
        opts,
      ),
    operatorDispositivoQueue: (query = {}, opts) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
      return call(
        "GET",
        `/api/v1/operator/dispositivo-requests?${params.toString()}`,
        { token: operator() },
        opts,
      );
    },
    operatorPaperDelivery: (requestId, via, opts) =>
      call(
        "POST",
        `/api/v1/operator/dispositivo-requests/${encodeURIComponent(requestId)}/paper-delivery`,
        { token: operator(), body: { via } },
        opts,
      ),
    operatorDecideDispositivo: (requestId, decision, opts) =>
      call(
        "POST",
        `/api/v1/operator/dispositivo-requests/${encodeURIComponent(requestId)}/decision`,
        { token: operator(), body: decision },
        opts,
      ),
    askRecovery: (input, opts) =>
      call("POST", "/api/v1/recoveries", { body: input, shape: SHAPES.recoveryAccepted }, opts),
    recoveryForm: (token, opts) => call("GET", `/api/v1/recoveries/${encodeURIComponent(token)}`, {}, opts),
    confirmRecovery: (token, input, opts) =>
      call(
        "POST",
        `/api/v1/recoveries/${encodeURIComponent(token)}/confirm`,
        { body: input, shape: SHAPES.recoveryConfirmed },
        opts,
      ),
    showGeneratedPin: (token, opts) =>
      call("POST", "/api/v1/me/generated-pin", { token, shape: SHAPES.generatedPin }, opts),
    confirmGeneratedPin: (token, pin, opts) =>
      call("POST", "/api/v1/me/generated-pin/confirm", { token, body: { pin }, shape: SHAPES.changed }, opts),
    dispositivoConversion: (token, opts) =>
      call("GET", "/api/v1/me/dispositivo-conversion", { token, shape: SHAPES.conversionScreen }, opts),
    spidAssertion: (input, opts) =>
      call("POST", "/spid/assertions", { token: admin(), body: input, shape: SHAPES.spidAssertion }, opts),
    spidJwks: (opts) => call("GET", "/spid/jwks.json", { shape: SHAPES.spidJwks }, opts),
    spidLogin: (assertion, opts) =>
      call("POST", "/api/v1/sessions/spid", { body: { assertion }, shape: SHAPES.spidSession }, opts),
    simRecoveryContacts: (opts) =>
      call("GET", "/__sim/recovery-contacts", { token: admin(), shape: SHAPES.recoveryContacts }, opts),
    simSetRecoveryContacts: (profile, opts) =>
      call(
        "PUT",
        "/__sim/recovery-contacts",
        { token: admin(), body: { profile }, shape: SHAPES.recoveryContacts },
        opts,
      ),
    operatorRequestPin: (input, opts) =>
      call(
        "POST",
        "/api/v1/operator/pin-requests",
        { token: operator(), body: input, shape: SHAPES.pinRequest },
        opts,
      ),
    operatorEvents: (fiscalCode, query = {}, opts) =>
      call(
        "GET",
        `/api/v1/operator/citizens/${fc(fiscalCode)}/events${query.limit === undefined ? "" : `?limit=${query.limit}`}`,
        { token: operator(), shape: SHAPES.timeline },
        opts,
      ),
    simCreateCitizen: (input, opts) =>
      call("POST", "/__sim/citizens", { token: admin(), body: input, shape: SHAPES.fiscalCode }, opts),
    simEvents: (fiscalCode, opts) =>
      call(
        "GET",
        `/__sim/citizens/${fc(fiscalCode)}/events`,
        { token: admin(), shape: SHAPES.timeline },
        opts,
      ),
    simOutbox: (query = {}, opts) => {
      const params = new URLSearchParams();
      if (query.status !== undefined) params.set("status", query.status);
      if (query.fiscalCode !== undefined) params.set("fiscalCode", query.fiscalCode);
      const qs = params.toString();
      return call(
        "GET",
        `/__sim/outbox${qs ? `?${qs}` : ""}`,
        { token: admin(), shape: SHAPES.outbox },
        opts,
      );
    },
    simDrainOutbox: (opts) =>
      call("POST", "/__sim/outbox/drain", { token: admin(), shape: SHAPES.drained }, opts),
  };
}

/** Describes a result for an assertion message: `201` or `423 locked: try again in 120 seconds`. */
export function describeResult(result: IdentityResult<unknown>): string {
  if (result.ok) return `${result.status} ${JSON.stringify(result.body)}`;
  const p = result.problem;
  return `${result.status} ${p.code}${p.detail ? `: ${p.detail}` : ""}${p.errors?.length ? ` ${JSON.stringify(p.errors)}` : ""}`;
}
