// One testbed per test file: a database (in-memory PGlite, or a database of its own on DATABASE_URL), the app in
// memory, fake gateways that record what they are sent, and the logs, for the R14 checks.
import { Writable } from "node:stream";
import { basename } from "node:path";
import type { DatabaseHandle } from "@inps-sim/db";
import { openTestDatabase } from "@inps-sim/db/testing";
import type { MailClient, PostalClient, SmsClient } from "@inps-sim/clients";
import { createArgon2Hasher } from "@inps-sim/crypto";
import { findSecret } from "@inps-sim/clients";
import {
  policyProfiles,
  randomHealthCard,
  randomPersona,
  seededRandom,
  type Persona,
  type PolicyProfileName,
  type RandomSource,
} from "@inps-sim/domain";
import { createLogger, prepareService, type StackClock } from "@inps-sim/service-kit";
import { createIdentityApp, type IdentityApp } from "../src/app.ts";
import type { DeliveryProfile, DigitalChannel, IdentityHasher } from "../src/context.ts";
import { simClock } from "../src/db/schema.ts";
import { createOutboxDispatcher, type OutboxDispatcher } from "../src/outbox/dispatcher.ts";
import type { Gateways } from "../src/outbox/gateways.ts";
import { createSealer, outboxKey } from "../src/outbox/sealing.ts";
import { identityMigrations } from "../src/start.ts";
import type { SpidKeys } from "../src/spid/idp-keys.ts";

export const TOKEN = "test-admin-token-0123";
export const OPERATOR_TOKEN = "operator-token-0123";
export const START = new Date("2026-03-02T09:00:00.000Z");

export interface SentSms {
  to: string;
  text: string;
  key: string | undefined;
}
export interface SentMail {
  to: string;
  subject: string;
  text: string;
  messageId: string | undefined;
}
export interface SentLetter {
  name: string;
  body: string;
  key: string | undefined;
}

export interface FakeGateways extends Gateways {
  sms: Pick<SmsClient, "send">;
  sentSms: SentSms[];
  sentMail: SentMail[];
  sentLetters: SentLetter[];
  /** How many of the next sends of each kind fail. */
  failNext: { sms: number; mail: number; postal: number };
}

export function fakeGateways(): FakeGateways {
  const g: FakeGateways = {
    sentSms: [],
    sentMail: [],
    sentLetters: [],
    failNext: { sms: 0, mail: 0, postal: 0 },
    sms: {
      send: async (input, opts) => {
        if (g.failNext.sms > 0 && g.failNext.sms--)
          throw Object.assign(new Error("sms gateway 503"), { status: 503 });
        g.sentSms.push({ to: input.to, text: input.text, key: opts?.idempotencyKey });
        return { id: `sms-${g.sentSms.length}`, status: "queued", replayed: false };
      },
    },
    mail: {
      send: async (input) => {
        if (g.failNext.mail > 0 && g.failNext.mail--)
          throw Object.assign(new Error("451 try later"), { transient: true });
        const to = Array.isArray(input.to) ? input.to.join(",") : input.to;
        g.sentMail.push({ to, subject: input.subject, text: input.text, messageId: input.messageId });
        return { messageId: input.messageId ?? "<x@y>", accepted: [to], rejected: [], response: "250 ok" };
      },
    } as Pick<MailClient, "send">,
    postal: {
      send: async (input, opts) => {
        if (g.failNext.postal > 0 && g.failNext.postal--)
          throw Object.assign(new Error("postal 500"), { status: 500 });
        g.sentLetters.push({ name: input.recipient.name, body: input.body, key: opts?.idempotencyKey });
        return {
          id: `letter-${g.sentLetters.length}`,
          status: "accepted",
          expectedDeliveryDate: "2026-03-06",
          replayed: false,
        };
      },
    } as Pick<PostalClient, "send">,
  };
  return g;
}

export interface TestbedOptions {
  policy?: PolicyProfileName;
  deliveryProfile?: DeliveryProfile;
  channel?: DigitalChannel;
  gateways?: Gateways;
  sendTimeoutMs?: number;
  simSeed?: string;
  /** Default: argon2id with the fast test profile. */
  hasher?: IdentityHasher;
  /** Where simulated time starts; default START. */
  start?: Date;
  /** The SPID identity provider's key; default a new one (a test that forges assertions passes its own). */
  spidKeys?: SpidKeys;
}

export interface Testbed {
  handle: DatabaseHandle;
  clock: StackClock;
  app: IdentityApp;
  gateways: FakeGateways;
  outbox: OutboxDispatcher;
  logs: string[];
  random: RandomSource;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  sim(method: string, path: string, body?: unknown): Promise<Response>;
  advance(duration: string): Promise<void>;
  drain(): Promise<void>;
  persona(): Persona & { healthCard: { number: string; expiryDate: string } };
  close(): Promise<void>;
}

export async function createTestbed(file: string, options: TestbedOptions = {}): Promise<Testbed> {
  const label = basename(file).replace(/\W+/g, "_").toLowerCase().slice(0, 40);
  const handle = await openTestDatabase(label);
  const clock = await prepareService({
    handle,
    migrations: identityMigrations,
    clockTable: simClock,
    start: options.start ?? START,
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ service: "identity", level: "debug", destination });
  const fakes = fakeGateways();
  const sealer = createSealer(outboxKey(undefined, "test"));
  const outbox = createOutboxDispatcher({
    db: handle.db,
    clock,
    gateways: options.gateways ?? fakes,
    sealer,
    logger,
    sendTimeoutMs: options.sendTimeoutMs ?? 2000,
  });
  const random = seededRandom(`identity-tests-${label}`);
  const app = createIdentityApp({
    db: handle.db,
    database: { kind: handle.kind, location: handle.location },
    clock,
    logger,
    stack: { syncClocks: async () => ({}), reset: async () => ({}) },
    adminToken: TOKEN,
    policy: policyProfiles[options.policy ?? "inps-guides"],
    hasher: options.hasher ?? createArgon2Hasher("fast"),
    random,
    delivery: {
      profile: options.deliveryProfile ?? "digital-then-post",
      channel: options.channel ?? "email",
    },
    sealer,
    outbox,
    operatorTokens: [{ operatorId: "op1", token: OPERATOR_TOKEN }],
    directory: {
      sms: "http://sms.test:4010",
      mail: { http: "http://mail.test:8025", smtp: "smtp://mail.test:1025" },
      postal: "http://postal.test:4030",
    },
    ...(options.simSeed ? { simSeed: options.simSeed } : {}),
    ...(options.spidKeys ? { spidKeys: options.spidKeys } : {}),
  });
  const call: Testbed["call"] = (method, path, body, headers = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)["content-type"] ??= "application/json";
    }
    return Promise.resolve(app.request(path, init));
  };
  const sim: Testbed["sim"] = (method, path, body) =>
    call(method, `/__sim${path}`, body, { authorization: `Bearer ${TOKEN}` });
  return {
    handle,
    clock,
    app,
    gateways: fakes,
    outbox,
    logs,
    random,
    call,
    sim,
    async advance(duration) {
      const res = await sim("POST", "/clock", { advanceBy: duration });
      if (res.status !== 200) throw new Error(`clock move answered ${res.status}`);
    },
    async drain() {
      await outbox.drain();
    },
    persona() {
      return { ...randomPersona(random), healthCard: randomHealthCard(random, clock.now()) };
    },
    async close() {
      await outbox.stop();
      await handle.dispose();
    },
  };
}

export function requestBody(p: ReturnType<Testbed["persona"]>, extra: Record<string, unknown> = {}) {
  return {
    fiscalCode: p.fiscalCode,
    firstName: p.firstName,
    lastName: p.lastName,
    gender: p.gender,
    birthDate: p.birthDate,
    birthPlace: p.birthPlace,
    residence: p.residence,
    contacts: { email: p.email, mobile: p.mobile },
    healthCard: p.healthCard,
    ...extra,
  };
}

export const secret = (text: string | undefined, label: string) =>
  text === undefined ? undefined : findSecret(text, label);

/** Requests a PIN (digital-then-post by email) and returns the 16 characters from the fake mailbox and letter. */
export async function issueInitialPin(
  tb: Testbed,
  p = tb.persona(),
): Promise<{ persona: typeof p; pin: string }> {
  const res = await tb.call(
    "POST",
    "/api/v1/pin-requests",
    requestBody(p, { deliveryProfile: "digital-then-post", firstHalfChannel: "email" }),
  );
  if (res.status !== 202) throw new Error(`request answered ${res.status}: ${await res.text()}`);
  await tb.drain();
  const mail = tb.gateways.sentMail.findLast((m) => m.to === p.email);
  const letter = tb.gateways.sentLetters.findLast(
    (l) => l.name === `${p.firstName} ${p.lastName}`.toUpperCase(),
  );
  const first = secret(mail?.text, "Prima parte del PIN");
  const second = secret(letter?.body, "Seconda parte del PIN");
  if (!first || !second) throw new Error("the halves did not arrive");
  return { persona: p, pin: first + second };
}

/** A citizen with an active 8-character PIN, created through the control plane. */
export async function activeCitizen(tb: Testbed, pin = "Gatto7Bl", extra: Record<string, unknown> = {}) {
  const p = tb.persona();
  const res = await tb.sim("POST", "/citizens", {
    fiscalCode: p.fiscalCode,
    firstName: p.firstName,
    lastName: p.lastName,
    gender: p.gender,
    birthDate: p.birthDate,
    birthPlace: p.birthPlace,
    residence: p.residence,
    contacts: { email: p.email, mobile: p.mobile },
    pin,
    ...extra,
  });
  if (res.status !== 201) throw new Error(`sim citizen answered ${res.status}: ${await res.text()}`);
  return { persona: p, pin };
}

export async function login(tb: Testbed, fiscalCode: string, pin: string) {
  const res = await tb.call("POST", "/api/v1/sessions", { fiscalCode, pin });
  return { res, body: (await res.json()) as Record<string, unknown> };
}

export const bearer = (token: unknown) => ({ authorization: `Bearer ${String(token)}` });
