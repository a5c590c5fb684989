// An in-memory identity service behind the typed client's interface: enough of the contract's answers for the
// portal's pages (success, validation problems with paths, the codes each form maps to a field).
import type { IdentityClient, IdentityFailure, IdentityProblem, IdentityResult, RequiredAction } from "@inps-sim/clients";

export const FISCAL_CODE = "RSSMRA85T10A562S";
export const INITIAL_PIN = "Ab3dEf7hJk9mNp2q";
export const FIRST_HALF = INITIAL_PIN.slice(0, 8);
export const VERIFICATION_CODE = "482913";
export const RECOVERY_TOKEN = "rip_Kq93mZx0aB7cD2eF4gH6iJ8kL0mN2pQ";
export const RECOVERY_CODE = "R7x2Q9k4";
export const RECOVERY_PIN = "Zr8Lm2Qx5Tn7Vw3Y";
export const GENERATED_PIN = "Gp4Xw9Lk";
export const CARD = { number: "80380001234567890123", expiryDate: "2030-12-31" };

interface Citizen {
  pin: string;
  requiredAction: RequiredAction | null;
  wrong: number;
}

const headers = () => new Headers();
const ok = <T>(status: number, body: T): IdentityResult<T> => ({ ok: true, status, body, headers: headers() });
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
}

export function createFakeIdentity(): FakeIdentity {
  const citizens = new Map<string, Citizen>();
  const sessions = new Map<string, string>();
  const changes = new Map<string, string>();
  const calls: FakeIdentity["calls"] = [];
  let seq = 0;
  const who = (token: string) => sessions.get(token);

  const impl: Partial<IdentityClient> = {
    async requestPin(input) {
      if (!/^[A-Z0-9]{16}$/.test(input.fiscalCode)) {
        return fail(400, "validation-failed", { errors: [{ path: "fiscalCode", message: "Codice fiscale: deve avere 16 caratteri" }] });
      }
      if (!input.contacts.email && !input.contacts.mobile && !input.contacts.pec) {
        return fail(400, "validation-failed", { errors: [{ path: "contacts", message: "Recapiti: indichi almeno un recapito" }] });
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
      if (!c || input.firstHalf !== FIRST_HALF || input.healthCard.number !== CARD.number) return fail(401, "activation-failed");
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
      return ok(201, { token, expiresAt: "2026-01-01T10:00:00.000Z", pinKind: "ordinary" as const, requiredAction: c.requiredAction });
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
        pinKind: "ordinary" as const,
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
        return fail(422, "pin-too-weak", { reasons: [{ code: "sequence", message: "è una sequenza facile da indovinare" }] });
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
    async askRecovery(input) {
      if (!input.fiscalCode) return fail(400, "validation-failed", { errors: [{ path: "fiscalCode", message: "Codice fiscale: campo obbligatorio" }] });
      return ok(202, { status: "accepted" as const });
    },
    async confirmRecovery(token, input) {
      const c = citizens.get(input.fiscalCode);
      if (token !== RECOVERY_TOKEN || !c || input.recoveryCode !== RECOVERY_CODE) return fail(401, "recovery-failed");
      Object.assign(c, { pin: RECOVERY_PIN, requiredAction: "confirm-generated-pin", wrong: 0 });
      return ok(202, { status: "pin-sent" as const, channels: { firstHalf: "sms" as const, secondHalf: "email" as const } });
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
