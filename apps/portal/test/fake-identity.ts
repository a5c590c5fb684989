// An in-memory identity service behind the typed client's interface: enough of the contract's answers for the
// portal's pages (success, validation problems with paths, the codes each form maps to a field).
import type {
  DispositivoRequest,
  IdentityClient,
  IdentityFailure,
  IdentityProblem,
  IdentityResult,
  RequiredAction,
} from "@inps-sim/clients";

export const FISCAL_CODE = "RSSMRA85T10A562S";
export const INITIAL_PIN = "Ab3dEf7hJk9mNp2q";
export const FIRST_HALF = INITIAL_PIN.slice(0, 8);
export const VERIFICATION_CODE = "482913";
export const RECOVERY_TOKEN = "rip_Kq93mZx0aB7cD2eF4gH6iJ8kL0mN2pQ";
export const RECOVERY_CODE = "R7x2Q9k4";
export const RECOVERY_PIN = "Zr8Lm2Qx5Tn7Vw3Y";
export const GENERATED_PIN = "Gp4Xw9Lk";
export const EMAIL = "mario.rossi@example.it";
export const MOBILE = "+393331234567";
export const CONTACT_CODE = "735104";
export const CARD = { number: "80380001234567890123", expiryDate: "2030-12-31" };

interface Citizen {
  pin: string;
  requiredAction: RequiredAction | null;
  wrong: number;
  /** Registered contacts in clear; the fake answers them masked. Default: EMAIL and MOBILE. */
  contacts?: Record<ContactKind, string | null>;
  pinKind?: "ordinary" | "dispositivo";
}

type ContactKind = "email" | "pec" | "mobile";
const mask = (value: string | null) => (value === null ? null : `${value.slice(0, 1)}***${value.slice(-3)}`);

const headers = () => new Headers();
const ok = <T>(status: number, body: T): IdentityResult<T> => ({
  ok: true,
  status,
  body,
  headers: headers(),
});
const fail = (status: number, code: string, extra: Partial<IdentityProblem> = {}): IdentityFailure => ({
  ok: false,
  status,
  problem: { title: code, status, code, ...extra },
  headers: headers(),
  raw: "",
});

export interface FakeIdentity extends IdentityClient {
  /** Every call the portal made, with its arguments, to see what reached the API. */
  calls: { method: string; args: unknown[] }[];
  citizens: Map<string, Citizen>;
  /** The uploads that reached the service: which request, which file names. */
  uploads: { requestId: string; names: string[] }[];
}

export function createFakeIdentity(): FakeIdentity {
  const citizens = new Map<string, Citizen>();
  const sessions = new Map<string, string>();
  const changes = new Map<string, string>();
  const dispositivo = new Map<string, { fiscalCode: string; request: DispositivoRequest }>();
  const uploads: FakeIdentity["uploads"] = [];
  const contactChanges = new Map<string, { fiscalCode: string; kind: ContactKind; value: string | null }>();
  const contactsOf = (c: Citizen) => (c.contacts ??= { email: EMAIL, pec: null, mobile: MOBILE });
  const masked = (c: Citizen) => {
    const all = contactsOf(c);
    return { email: mask(all.email), pec: mask(all.pec), mobile: mask(all.mobile) };
  };
  const calls: FakeIdentity["calls"] = [];
  let seq = 0;
  const who = (token: string) => sessions.get(token);

  const impl: Partial<IdentityClient> = {
    async requestPin(input) {
      if (!/^[A-Z0-9]{16}$/.test(input.fiscalCode)) {
        return fail(400, "validation-failed", {
          errors: [{ path: "fiscalCode", message: "Codice fiscale: deve avere 16 caratteri" }],
        });
      }
      if (!input.contacts.email && !input.contacts.mobile && !input.contacts.pec) {
        return fail(400, "validation-failed", {
          errors: [{ path: "contacts", message: "Recapiti: indichi almeno un recapito" }],
        });
      }
      if (citizens.has(input.fiscalCode)) return fail(409, "credential-exists");
      citizens.set(input.fiscalCode, { pin: INITIAL_PIN, requiredAction: "replace-initial-pin", wrong: 0 });
      return ok(202, {
        requestId: "req_1",
        deliveryProfile: input.deliveryProfile ?? "digital-then-post",
        channels: { firstHalf: "email", secondHalf: "post" },
        activationDeadline: "2026-04-01T09:00:00.000Z",
      });
    },
    async activate(input) {
      const c = citizens.get(input.fiscalCode);
      if (!c || input.firstHalf !== FIRST_HALF || input.healthCard.number !== CARD.number)
        return fail(401, "activation-failed");
      return ok(202, { status: "activated" as const, secondHalfChannel: "email" as const });
    },
    async login(input) {
      const c = citizens.get(input.fiscalCode);
      if (!c || c.pin !== input.pin) {
        if (c) c.wrong += 1;
        if (c && c.wrong >= 2) return fail(423, "locked", { retryAfter: 180 });
        return fail(401, "invalid-credentials");
      }
      const token = `tok_${++seq}`;
      sessions.set(token, input.fiscalCode);
      return ok(201, {
        token,
        expiresAt: "2026-01-01T10:00:00.000Z",
        pinKind: "ordinary" as const,
        requiredAction: c.requiredAction,
      });
    },
    async me(token) {
      const fc = who(token);
      if (!fc) return fail(401, "unauthenticated");
      const c = citizens.get(fc);
      return ok(200, {
        fiscalCode: fc,
        firstName: "Mario",
        lastName: "Rossi",
        contacts: { email: "mario.rossi@example.it", pec: null, mobile: "+393331234567" },
        pinKind: c?.pinKind ?? ("ordinary" as const),
        pinChangedAt: "2026-01-01T09:00:00.000Z",
        pinExpiresAt: "2026-06-30T09:00:00.000Z",
        requiredAction: c?.requiredAction ?? null,
      });
    },
    async logout(token) {
      sessions.delete(token);
      return ok(204, null);
    },
    async startPinChange(token, input) {
      const fc = who(token);
      if (!fc) return fail(401, "unauthenticated");
      const c = citizens.get(fc);
      if (!c || c.pin !== input.currentPin) return fail(401, "invalid-credentials");
      if (input.newPin !== input.confirmPin) return fail(400, "confirmation-mismatch");
      if (/^(\d)\1+$|12345678/.test(input.newPin)) {
        return fail(422, "pin-too-weak", {
          reasons: [{ code: "sequence", message: "è una sequenza facile da indovinare" }],
        });
      }
      const changeId = `chg_${++seq}`;
      changes.set(changeId, input.newPin);
      return ok(202, { changeId, verificationChannel: "email" as const, destination: "m***o@example.it" });
    },
    async verifyPinChange(token, changeId, code) {
      const fc = who(token);
      const newPin = changes.get(changeId);
      if (!fc || newPin === undefined) return fail(401, "unauthenticated");
      if (code !== VERIFICATION_CODE) return fail(400, "invalid-code", { attemptsLeft: 2 });
      const c = citizens.get(fc);
      if (c) Object.assign(c, { pin: newPin, requiredAction: null });
      sessions.delete(token);
      return ok(200, { status: "changed" as const, pinExpiresAt: "2026-06-30T09:00:00.000Z" });
    },
    async consultService(token, service) {
      const fc = who(token);
      if (!fc) return fail(401, "unauthenticated");
      return ok(200, {
        service,
        title: service === "pension-slip" ? "Cedolino pensione" : "Estratto conto contributivo",
        fiscalCode: fc,
        holder: "Mario Rossi",
        issuedAt: "2026-01-01T09:00:00.000Z",
        simulated: true,
        lines: [{ label: "Settimane accreditate", value: "52" }],
      });
    },
    async revoke(input) {
      if (!input.email && !input.pec) {
        return fail(400, "validation-failed", {
          errors: [{ path: "email", message: "Indirizzo email: indichi l'email o la PEC registrate" }],
        });
      }
      const c = citizens.get(input.fiscalCode);
      if (!c || input.healthCard.number !== CARD.number || (input.email ?? input.pec) !== EMAIL)
        return fail(401, "revocation-failed");
      citizens.delete(input.fiscalCode);
      for (const [token, fc] of sessions) if (fc === input.fiscalCode) sessions.delete(token);
      return ok(200, { status: "revoked" as const });
    },
    async contacts(token) {
      const fc = who(token);
      const c = fc === undefined ? undefined : citizens.get(fc);
      if (!c) return fail(401, "unauthenticated");
      return ok(200, { contacts: masked(c) });
    },
    async changeContact(token, patch) {
      const fc = who(token);
      const c = fc === undefined ? undefined : citizens.get(fc);
      if (!fc || !c) return fail(401, "unauthenticated");
      const entries = Object.entries(patch) as [ContactKind, string | null][];
      const [kind, value] = entries[0] ?? ["email", ""];
      if (value === "" || (value !== null && kind !== "mobile" && !value.includes("@"))) {
        return fail(400, "validation-failed", {
          errors: [{ path: kind, message: "not a valid email address" }],
        });
      }
      const all = contactsOf(c);
      if (value === null && Object.entries(all).filter(([k, v]) => k !== kind && v !== null).length === 0)
        return fail(409, "last-contact");
      const verificationId = `ver_${++seq}`;
      contactChanges.set(verificationId, { fiscalCode: fc, kind, value });
      return ok(202, { verificationId, destination: mask(value ?? all.email ?? all.mobile) ?? "" });
    },
    async verifyContactChange(token, verificationId, code) {
      const fc = who(token);
      const change = contactChanges.get(verificationId);
      const c = fc === undefined ? undefined : citizens.get(fc);
      if (!c || !change || change.fiscalCode !== fc) return fail(401, "unauthenticated");
      if (code !== CONTACT_CODE) return fail(400, "invalid-code", { attemptsLeft: 4 });
      contactsOf(c)[change.kind] = change.value;
      contactChanges.delete(verificationId);
      return ok(200, { contacts: masked(c) });
    },
    async requestDispositivo(token, doc) {
      const fc = who(token);
      const c = fc === undefined ? undefined : citizens.get(fc);
      if (!fc || !c) return fail(401, "unauthenticated");
      if (c.pinKind === "dispositivo") return fail(409, "already-dispositivo");
      const open = [...dispositivo.values()].find(
        (r) => r.fiscalCode === fc && r.request.status === "awaiting-signed-form",
      );
      if (open)
        return fail(409, "dispositivo-request-open", { dispositivoRequestId: open.request.requestId });
      if (!/^[A-Z]{2}\d{5}[A-Z]{2}$/.test(doc.number)) {
        return fail(400, "validation-failed", {
          errors: [
            {
              path: "identityDocument.number",
              message: "not a carta-identita number: expected e.g. CA12345AB (CIE) o AA1234567 (cartacea)",
            },
          ],
        });
      }
      if (doc.expiryDate < "2026-01-01")
        return fail(400, "validation-failed", {
          errors: [{ path: "identityDocument.expiryDate", message: "the document has expired" }],
        });
      const requestId = `DSP-${++seq}`;
      const request = {
        requestId,
        status: "awaiting-signed-form" as const,
        formUrl: `/api/v1/me/dispositivo-requests/${requestId}/form.pdf`,
        identityDocument: doc,
        deliveredVia: null,
        reason: null,
        createdAt: "2026-01-01T09:00:00.000Z",
        decidedAt: null,
      };
      dispositivo.set(requestId, { fiscalCode: fc, request });
      return ok(201, request);
    },
    async dispositivoRequest(token, requestId) {
      const fc = who(token);
      const found = dispositivo.get(requestId);
      if (!fc) return fail(401, "unauthenticated");
      if (!found || found.fiscalCode !== fc) return fail(404, "not-found");
      return ok(200, found.request);
    },
    async dispositivoForm(token, requestId) {
      const fc = who(token);
      if (!fc) return fail(401, "unauthenticated");
      if (dispositivo.get(requestId)?.fiscalCode !== fc) return fail(404, "not-found");
      return ok(200, new TextEncoder().encode(`%PDF-1.7 modulo ${requestId}`));
    },
    async uploadDispositivoDocuments(token, requestId, files) {
      const fc = who(token);
      const found = dispositivo.get(requestId);
      if (!fc) return fail(401, "unauthenticated");
      if (!found || found.fiscalCode !== fc) return fail(404, "not-found");
      for (const [field, file] of Object.entries(files)) {
        if (!file)
          return fail(400, "validation-failed", { errors: [{ path: field, message: "a file is required" }] });
        if (file.bytes.length > 5 * 1024 * 1024) return fail(413, "too-large");
        const head = new TextDecoder().decode(file.bytes.slice(0, 5));
        if (head !== "%PDF-")
          return fail(415, "unsupported-media-type", {
            errors: [{ path: field, message: "not a PDF, PNG or JPEG file" }],
          });
      }
      uploads.push({ requestId, names: Object.values(files).map((f) => f?.name ?? "") });
      found.request = { ...found.request, status: "under-review", deliveredVia: "upload" };
      return ok(202, { status: "under-review" as const });
    },
    async askRecovery(input) {
      if (!input.fiscalCode)
        return fail(400, "validation-failed", {
          errors: [{ path: "fiscalCode", message: "Codice fiscale: campo obbligatorio" }],
        });
      return ok(202, { status: "accepted" as const });
    },
    async confirmRecovery(token, input) {
      const c = citizens.get(input.fiscalCode);
      if (token !== RECOVERY_TOKEN || !c || input.recoveryCode !== RECOVERY_CODE)
        return fail(401, "recovery-failed");
      Object.assign(c, { pin: RECOVERY_PIN, requiredAction: "confirm-generated-pin", wrong: 0 });
      return ok(202, {
        status: "pin-sent" as const,
        channels: { firstHalf: "sms" as const, secondHalf: "email" as const },
      });
    },
    async showGeneratedPin(token) {
      if (!who(token)) return fail(401, "unauthenticated");
      return ok(201, { pin: GENERATED_PIN });
    },
    async confirmGeneratedPin(token, pin) {
      const fc = who(token);
      if (!fc) return fail(401, "unauthenticated");
      if (pin !== GENERATED_PIN) return fail(400, "invalid-code");
      const c = citizens.get(fc);
      if (c) Object.assign(c, { pin, requiredAction: null });
      return ok(200, { status: "changed" as const, pinExpiresAt: "2026-06-30T09:00:00.000Z" });
    },
  };

  const fake = new Proxy(impl, {
    get(target, name: string) {
      if (name === "calls") return calls;
      if (name === "citizens") return citizens;
      if (name === "uploads") return uploads;
      const fn = target[name as keyof IdentityClient] as ((...args: unknown[]) => unknown) | undefined;
      if (!fn) throw new Error(`the portal called ${name}, which the fake identity service does not offer`);
      return (...args: unknown[]) => {
        calls.push({ method: name, args });
        return fn(...args);
      };
    },
  });
  return fake as unknown as FakeIdentity;
}
