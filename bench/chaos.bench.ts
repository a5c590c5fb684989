// Gateway chaos soak: every gateway fails half the time (seeded: SMS and postal answer 503, SMTP answers 451 at
// DATA) for 10 simulated minutes while 1,000 PIN requests arrive; then the faults lift and simulated time runs on.
// Every request's two messages must arrive exactly once, counted through the gateways' own APIs: 0 lost, 0
// duplicated. On PGlite, and on PostgreSQL when one answers. `CHAOS_REQUESTS` changes the count.
import { randomPersona, seededRandom, type Persona } from "@inps-sim/domain";
import { startStack, type RunningStack } from "@inps-sim/stack";
import { caller, countDeliveries, json } from "./deliveries.ts";
import { benchDatabase, loadAverage, postgresBase, printRow } from "./lib.ts";

const REQUESTS = Number(process.env.CHAOS_REQUESTS ?? 1000);
const BATCH = 25;
const TOKEN = "chaos-admin-token";
const call = caller(TOKEN);

async function soak(label: string, databaseUrl: string | undefined): Promise<void> {
  const stack: RunningStack = await startStack({
    freePorts: true,
    adminToken: TOKEN,
    databaseUrl,
    simStart: new Date("2026-03-02T09:00:00Z"),
    logLevel: process.env.LOG_LEVEL ?? "silent",
    env: { ...process.env, HASH_PROFILE: "fast", SIM_SEED: "chaos-soak", OUTBOX_POLL_MS: "50" },
  });
  const identity = stack.services.identity.urls.http!;
  const sms = stack.services.sms.urls.http!;
  const mail = stack.services.mail.urls.http!;
  const postal = stack.services.postal.urls.http!;
  const started = performance.now();
  try {
    for (const gateway of [sms, postal])
      await json(call(`${gateway}/__sim/faults`, "PUT", { mode: "error", status: 503, probability: 0.5 }));
    await json(call(`${mail}/__sim/smtp-faults`, "PUT", { stage: "DATA", code: 451, probability: 0.5 }));

    const random = seededRandom("chaos-soak-people");
    const people: (Persona & { channel: "email" | "sms" })[] = Array.from({ length: REQUESTS }, (_, i) => ({
      ...randomPersona(random),
      channel: i % 2 ? "sms" : "email",
    }));
    let refused = 0;
    const perBatch = (10 * 60 * 1000) / Math.ceil(REQUESTS / BATCH);
    for (let i = 0; i < people.length; i += BATCH) {
      const answers = await Promise.all(
        people.slice(i, i + BATCH).map((p) =>
          call(`${identity}/api/v1/pin-requests`, "POST", {
            fiscalCode: p.fiscalCode,
            firstName: p.firstName,
            lastName: p.lastName,
            gender: p.gender,
            birthDate: p.birthDate,
            birthPlace: p.birthPlace,
            residence: p.residence,
            contacts: { email: p.email, mobile: p.mobile },
            deliveryProfile: "digital-then-post",
            firstHalfChannel: p.channel,
          }),
        ),
      );
      refused += answers.filter((a) => a.status !== 202).length;
      await Promise.all(answers.map((a) => a.arrayBuffer()));
      // Ten simulated minutes over the whole run, while the dispatcher retries against the failing gateways.
      await json(call(`${identity}/__sim/clock`, "POST", { advanceBy: `PT${Math.round(perBatch / 1000)}S` }));
    }

    for (const gateway of [sms, postal]) await call(`${gateway}/__sim/faults`, "DELETE");
    await call(`${mail}/__sim/smtp-faults`, "DELETE");
    // Retries fall due as time runs on (backoff up to 10 minutes); letters travel for working days.
    let pending = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 40 && pending > 0; round++) {
      await json(call(`${identity}/__sim/clock`, "POST", { advanceBy: "PT15M" }));
      await json(call(`${identity}/__sim/outbox/drain`, "POST"));
      pending = (await json<{ messages: unknown[] }>(call(`${identity}/__sim/outbox?status=pending`)))
        .messages.length;
    }
    const dead = (await json<{ messages: unknown[] }>(call(`${identity}/__sim/outbox?status=dead`))).messages
      .length;
    await json(call(`${identity}/__sim/clock`, "POST", { advanceBy: "P20D" }));

    const { lost, duplicated, duplicates } = await countDeliveries(people, { sms, mail, postal }, call);
    const seconds = (performance.now() - started) / 1000;
    printRow(`${label}: PIN requests accepted`, `${REQUESTS - refused} of ${REQUESTS}`, "all", refused === 0);
    printRow(`${label}: messages lost`, String(lost), "0", lost === 0);
    printRow(
      `${label}: messages duplicated`,
      `${duplicated}${duplicates.length ? ` (${duplicates.join(", ")})` : ""}`,
      "0",
      duplicated === 0,
    );
    printRow(
      `${label}: outbox left pending / dead`,
      `${pending} / ${dead}`,
      "0 / 0",
      pending === 0 && dead === 0,
    );
    printRow(`${label}: wall time`, `${seconds.toFixed(1)} s`);
    if (refused || lost || duplicated || pending || dead) process.exitCode = 1;
  } finally {
    await stack.close();
  }
}

process.stdout.write(`${loadAverage()}\n`);
await soak("PGlite", undefined);
const base = await postgresBase();
if (base) {
  const db = await benchDatabase(base, "chaos");
  try {
    await soak("PostgreSQL", db.url);
  } finally {
    await db.drop();
  }
} else {
  process.stdout.write("PostgreSQL: not reachable, skipped\n");
}
