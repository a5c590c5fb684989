// Login throughput on PostgreSQL (issues 4 and 16): logins/s and p99 with autocannon.
//  1. fast hash profile vs a floor endpoint that runs the same SQL with no domain logic (target ≥ 50%);
//  2. production hash profile vs the same floor plus the same argon2id verify (target ≥ 90%).
// The floor of 2 is an endpoint of the same server, under the same load generator and concurrency: argon2id's
// rate alone (also printed) is measured with no HTTP, no SQL and no autocannon on the two cores, and a login
// cannot reach it (issue 16 measured 62% against it, with the login doing one verify and nothing else heavy).
// For both profiles, floor and login run in turn, twice each, and their means are compared: the machine is shared.
// Run: npm run bench -- login   (DATABASE_URL: a server; a database of its own is created and dropped)
import { randomUUID } from "node:crypto";
import { createArgon2Hasher, cryptoRandom } from "@inps-sim/crypto";
import { migrateService, openDatabase } from "@inps-sim/db";
import { policyProfiles, randomPersona, type HashProfileName } from "@inps-sim/domain";
import {
  clearFailures,
  createIdentityApp,
  createOutboxDispatcher,
  createSealer,
  hashToken,
  identityMigrations,
  identityTables,
  newSessionToken,
  outboxKey,
  unknownLockedUntil,
} from "@inps-sim/identity";
import { createLogger, listen, loadPersistentClock } from "@inps-sim/service-kit";
import { and, eq, notInArray, sql } from "drizzle-orm";
import { Hono } from "hono";
import postgres from "postgres";
import { loadAverage } from "./lib.ts";

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
}
type Cannon = (options: Record<string, unknown>) => Promise<CannonResult>;
// @ts-expect-error autocannon ships no types; the two fields used here are typed above.
const autocannon = ((await import("autocannon")) as unknown as { default: Cannon }).default;

const BASE = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CITIZENS = Number(process.env.BENCH_CITIZENS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const PIN = "Vento3Lu";

const name = `inps_bench_login_${process.pid}`;
const admin = postgres(new URL("/postgres", BASE).toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const handle = await openDatabase({ url: new URL(`/${name}`, BASE).toString(), maxConnections: 20 });

async function run(label: string, url: string, body: () => unknown): Promise<CannonResult> {
  const result = await autocannon({
    url,
    method: "POST",
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { "content-type": "application/json" },
    requests: [
      { setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify(body()) }) },
    ],
  });
  const line = `${label.padEnd(34)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p99 ${String(result.latency.p99).padStart(4)} ms   non-2xx ${result.non2xx}`;
  process.stdout.write(`${line}\n`);
  return result;
}

async function argon2Rate(profile: HashProfileName): Promise<number> {
  const hasher = createArgon2Hasher(profile);
  const hash = await hasher.hash(PIN);
  let done = 0;
  const until = performance.now() + SECONDS * 500;
  // As many verifications at once as the login bench keeps in flight (libuv's pool does the work).
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        await hasher.verify(hash, PIN);
        done++;
      }
    }),
  );
  return done / (SECONDS / 2);
}

try {
  await migrateService(handle, identityMigrations);
  const clock = await loadPersistentClock({ db: handle.db, table: identityTables.simClock });
  const logger = createLogger({ service: "identity", level: "silent" });
  const fiscalCodes: string[] = [];
  let next = 0;
  const citizen = () => fiscalCodes[next++ % fiscalCodes.length]!;

  for (const profile of ["fast", "production"] as const) {
    // A fresh set of citizens per profile: the stored hashes carry the profile's cost.
    await handle.db.execute(
      sql`truncate identity.citizens, identity.credentials, identity.sessions, identity.events cascade`,
    );
    fiscalCodes.length = 0;
    const hasher = createArgon2Hasher(profile);
    const sealer = createSealer(outboxKey(undefined, "bench"));
    const outbox = createOutboxDispatcher({ db: handle.db, clock, gateways: {} as never, sealer, logger });
    const app = createIdentityApp({
      db: handle.db,
      database: { kind: handle.kind, location: handle.location },
      clock,
      logger,
      stack: { syncClocks: async () => ({}), reset: async () => ({}) },
      adminToken: "bench-admin-token",
      policy: policyProfiles["inps-guides"],
      hasher,
      random: cryptoRandom,
      delivery: { profile: "digital-then-post", channel: "email" },
      sealer,
      outbox,
      operatorTokens: [],
    });
    // The floor: the same statements as a successful login (credential + citizen, the unknown-code block, the reset of
    // the wrong-PIN count, session, event), no rules and no hashing (the production floor adds the same verify).
    const { citizens, credentials, sessions, events } = identityTables;
    const floorHash = await hasher.hash(PIN);
    const floor = new Hono().post("/floor", async (c) => {
      const { fiscalCode, pin } = (await c.req.json()) as { fiscalCode: string; pin?: string };
      const now = clock.now();
      const rows = await handle.db
        .select({ credential: credentials, citizen: citizens })
        .from(credentials)
        .innerJoin(citizens, eq(citizens.fiscalCode, credentials.fiscalCode))
        .where(
          and(eq(credentials.fiscalCode, fiscalCode), notInArray(credentials.state, ["expired", "revoked"])),
        )
        .limit(1);
      const row = rows[0]!;
      // The two statements every login also runs: the unknown-code block (read for known codes too, so both paths
      // make the same queries) and the reset of the wrong-PIN count (it writes nothing when the count is zero).
      await unknownLockedUntil(handle.db, fiscalCode);
      await clearFailures(handle.db, row.credential.id, now);
      // The production floor verifies as a login does (against a hash of the same cost).
      if (pin !== undefined && !(await hasher.verify(floorHash, pin))) return c.json({ error: "wrong" }, 401);
      const token = newSessionToken();
      await handle.db.transaction(async (tx) => {
        await tx.insert(sessions).values({
          tokenHash: hashToken(token),
          credentialId: row.credential.id,
          fiscalCode,
          requiredAction: null,
          createdAt: now,
          expiresAt: now,
        });
        await tx.insert(events).values({ fiscalCode, type: "login-succeeded", at: now, data: {} });
      });
      return c.json({ token }, 201);
    });
    app.route("/", floor);
    const server = await listen(app, { port: 0 });
    for (let i = 0; i < CITIZENS; i++) {
      const p = randomPersona(cryptoRandom);
      const res = await app.request("/__sim/citizens", {
        method: "POST",
        headers: { authorization: "Bearer bench-admin-token", "content-type": "application/json" },
        body: JSON.stringify({
          fiscalCode: p.fiscalCode,
          firstName: p.firstName,
          lastName: p.lastName,
          gender: p.gender,
          birthDate: p.birthDate,
          birthPlace: p.birthPlace,
          residence: p.residence,
          contacts: { email: p.email },
          pin: PIN,
        }),
      });
      if (res.status === 201) fiscalCodes.push(p.fiscalCode);
      else if (i === 0) throw new Error(`POST /__sim/citizens answered ${res.status}: ${await res.text()}`);
    }
    process.stdout.write(
      `\n${profile} hash profile, ${fiscalCodes.length} citizens, ${CONNECTIONS} connections, ${SECONDS} s each (${randomUUID().slice(0, 8)}); ${loadAverage()}\n`,
    );
    // Floor and login alternate, two rounds each, and the ratio is of their means: load that comes and goes during
    // one 8-second window then weighs on both sides alike.
    const body = () => ({ fiscalCode: citizen(), pin: PIN });
    // The fast floor does no hashing at all; the production floor verifies, as a login does.
    const floorBody = profile === "fast" ? () => ({ fiscalCode: citizen() }) : body;
    const floors: number[] = [];
    const logins: number[] = [];
    const rate = profile === "production" ? await argon2Rate("production") : undefined;
    if (rate !== undefined) {
      process.stdout.write(
        `${"argon2id verify alone (no HTTP)".padEnd(34)} ${rate.toFixed(0).padStart(6)} verifies/s\n`,
      );
    }
    const floorName = profile === "fast" ? "floor (same SQL, no logic)" : "floor (same SQL + verify)";
    for (let round = 0; round < 2; round++) {
      floors.push((await run(floorName, `${server.url}/floor`, floorBody)).requests.average);
      logins.push(
        (await run("POST /api/v1/sessions", `${server.url}/api/v1/sessions`, body)).requests.average,
      );
    }
    const mid = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ratio = mid(logins) / mid(floors);
    process.stdout.write(
      rate === undefined
        ? `login / floor = ${(ratio * 100).toFixed(0)}% (target ≥ 50%)\n`
        : `login / floor = ${(ratio * 100).toFixed(0)}% (target ≥ 90%); login / argon2id alone = ${((mid(logins) / rate) * 100).toFixed(0)}%\n`,
    );
    await server.close();
  }
} finally {
  await handle.close();
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
