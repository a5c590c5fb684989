// The simulator's control plane behind the console's backend: a clock that only goes forward, a fault switch per
// gateway, citizens created directly, their timeline and the outbox; every call checks the admin token.
import type {
  ControlPlaneClient,
  HttpFault,
  IdentityClient,
  IdentityFailure,
  IdentityResult,
  OutboxEntry,
  SimCitizenInput,
  SmtpFault,
  TimelineEvent,
} from "@inps-sim/clients";
import type { ConsoleBackend } from "../src/console/console-backend.ts";

export const ADMIN_TOKEN = "sim-admin-7Qp2Xr9Lm4";
export const IDENTITY_URL = "http://identity.test";
export const STACK = {
  services: {
    identity: IDENTITY_URL,
    sms: "http://sms.test",
    mail: { http: "http://mail.test", smtp: "smtp://mail.test:1025" },
    postal: "http://postal.test",
    portal: null,
  },
};

const ok = <T>(status: number, body: T): IdentityResult<T> => ({
  ok: true,
  status,
  body,
  headers: new Headers(),
});
const fail = (status: number, code: string, extra: Record<string, unknown> = {}): IdentityFailure => ({
  ok: false,
  status,
  problem: { title: code, status, code, ...extra },
  headers: new Headers(),
  raw: "",
});

export interface FakeConsole extends ConsoleBackend {
  now: Date;
  faults: Map<string, HttpFault | SmtpFault>;
  created: (SimCitizenInput & { fiscalCode: string })[];
  outbox: OutboxEntry[];
  events: Map<string, TimelineEvent[]>;
  /** Every control-plane call: the service's URL, the method's name and the token it carried. */
  calls: { baseUrl: string; method: string; token: string }[];
}

const DURATION = /^P(?:(\d+)M)?(?:(\d+)D)?(?:T(\d+)M)?$/;

export function createFakeConsole(): FakeConsole {
  const fake: FakeConsole = {
    identityUrl: IDENTITY_URL,
    now: new Date("2026-03-02T09:00:00.000Z"),
    faults: new Map(),
    created: [],
    outbox: [],
    events: new Map(),
    calls: [],
    control(baseUrl, token): ControlPlaneClient {
      const guard = <T>(method: string, run: () => IdentityResult<T>) => {
        fake.calls.push({ baseUrl, method, token });
        return Promise.resolve(token === ADMIN_TOKEN ? run() : fail(401, "unauthenticated"));
      };
      const view = () => {
        const f = fake.faults.get(baseUrl);
        return { active: f && "mode" in f ? f : null, remaining: f?.count ?? null, hits: 0 };
      };
      return {
        clock: () => guard("clock", () => ok(200, { now: fake.now.toISOString() })),
        moveClock: (move) =>
          guard("moveClock", () => {
            if (!("advanceBy" in move)) return fail(400, "validation-failed");
            const m = DURATION.exec(move.advanceBy);
            if (!m)
              return fail(400, "validation-failed", {
                errors: [{ path: "advanceBy", message: "Durata: non è nel formato richiesto" }],
              });
            const next = new Date(fake.now);
            next.setUTCMonth(next.getUTCMonth() + Number(m[1] ?? 0));
            next.setUTCDate(next.getUTCDate() + Number(m[2] ?? 0));
            next.setUTCMinutes(next.getUTCMinutes() + Number(m[3] ?? 0));
            if (next.getUTCFullYear() > 2200) return fail(400, "clock-out-of-range");
            fake.now = next;
            return ok(200, { now: next.toISOString() });
          }),
        stack: () => guard("stack", () => ok(200, STACK)),
        faults: () => guard("faults", () => ok(200, view())),
        setFault: (spec) =>
          guard("setFault", () => {
            fake.faults.set(baseUrl, spec);
            return ok(200, view());
          }),
        clearFault: () =>
          guard("clearFault", () => {
            fake.faults.delete(baseUrl);
            return ok(204, null);
          }),
        smtpFaults: () =>
          guard("smtpFaults", () => {
            const f = fake.faults.get(`${baseUrl}#smtp`);
            return ok(200, { faults: f && "stage" in f ? [{ ...f, remaining: null, hits: 0 }] : [] });
          }),
        setSmtpFault: (spec) =>
          guard("setSmtpFault", () => {
            fake.faults.set(`${baseUrl}#smtp`, spec);
            return ok(200, { faults: [{ ...spec, remaining: null, hits: 0 }] });
          }),
        clearSmtpFault: () =>
          guard("clearSmtpFault", () => {
            fake.faults.delete(`${baseUrl}#smtp`);
            return ok(204, null);
          }),
      };
    },
    identity(token): IdentityClient {
      const guard = <T>(run: () => IdentityResult<T>) =>
        Promise.resolve(token === ADMIN_TOKEN ? run() : fail(401, "unauthenticated"));
      const impl: Partial<IdentityClient> = {
        simCreateCitizen: (input) =>
          guard(() => {
            const fiscalCode = input.fiscalCode ?? "XXXXXX00X00X000X";
            fake.created.push({ ...input, fiscalCode });
            fake.events.set(fiscalCode, [
              { at: fake.now.toISOString(), type: "citizen-created", data: { by: "sim" }, requestId: null },
            ]);
            return ok(201, { fiscalCode });
          }),
        simEvents: (fiscalCode) =>
          guard(() => ok(200, { fiscalCode, events: fake.events.get(fiscalCode) ?? [] })),
        simOutbox: (query = {}) =>
          guard(() =>
            ok(200, {
              messages: fake.outbox.filter((m) => !query.fiscalCode || m.fiscalCode === query.fiscalCode),
            }),
          ),
        simDrainOutbox: () =>
          guard(() => {
            const due = fake.outbox.filter((m) => m.status === "pending");
            for (const m of due)
              Object.assign(m, { status: "sent", sentAt: fake.now.toISOString(), attempts: m.attempts + 1 });
            return ok(200, { delivered: due.length, retrying: 0, dead: 0 });
          }),
      };
      return new Proxy(impl, {
        get(target, name: string) {
          const fn = target[name as keyof IdentityClient];
          if (!fn) throw new Error(`the console called ${name}, which the fake control plane does not offer`);
          return fn;
        },
      }) as IdentityClient;
    },
  };
  return fake;
}
