// SMS API under autocannon (issue 3): POST /api/v1/messages (valid Italian mobiles, varied) and
// GET /api/v1/messages?to=…, on PostgreSQL (target ≥ 3,000 requests/s for the POST) and on PGlite for comparison.
// The gateway runs in a process of its own; autocannon runs here. 10 connections, BENCH_SECONDS (default 10) each.
// Run: npm run bench -- sms-api   (DATABASE_URL: a server; else 127.0.0.1:5432 if it answers; a database of its own)
import {
  benchDatabase,
  cannon,
  loadAverage,
  postgresBase,
  printRow,
  rssMb,
  startServer,
  type CannonResult,
} from "./lib.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const TARGET = 3000;

// Italian mobile prefixes (TIM, Vodafone, WindTre, Iliad, PosteMobile…), seven digits after each.
const PREFIXES = [
  "320",
  "324",
  "327",
  "328",
  "329",
  "330",
  "333",
  "334",
  "338",
  "339",
  "340",
  "342",
  "345",
  "347",
  "348",
  "349",
  "351",
  "366",
  "368",
  "371",
  "377",
  "380",
  "388",
  "389",
  "392",
  "393",
];
const NUMBERS = Array.from(
  { length: 500 },
  (_, i) =>
    `+39${PREFIXES[i % PREFIXES.length]!}${String(1_000_000 + ((i * 104_729) % 9_000_000)).padStart(7, "0")}`,
);
const TEXTS = [
  (n: number) => `INPS: il suo codice di verifica è ${n}. Non comunicarlo a nessuno.`,
  (n: number) => `Codice di verifica: ${n}`,
  (n: number) =>
    `INPS - Seconda parte del PIN: ${String(n).slice(0, 4)}. La prima parte le arriverà per posta.`,
];

let next = 0;
const body = () => {
  const i = next++;
  return JSON.stringify({
    to: NUMBERS[i % NUMBERS.length],
    text: TEXTS[i % TEXTS.length]!(100000 + ((i * 7919) % 900000)),
  });
};

const line = (r: CannonResult) =>
  `${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}${r.errors ? `, errors ${r.errors}` : ""}`;

async function measure(
  label: string,
  databaseUrl: string | undefined,
): Promise<{ post: CannonResult; get: CannonResult }> {
  const server = await startServer("sms", databaseUrl);
  try {
    const base = `http://127.0.0.1:${server.info.http}/api/v1/messages`;
    const post = (duration: number) =>
      cannon({
        url: base,
        method: "POST",
        connections: CONNECTIONS,
        duration,
        headers: { "content-type": "application/json" },
        requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body() }) }],
      });
    const atStart = rssMb(server.pid);
    await post(2); // warm-up
    const postResult = await post(SECONDS);
    let n = 0;
    const getResult = await cannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          setupRequest: (req: Record<string, unknown>) => ({
            ...req,
            path: `/api/v1/messages?to=${encodeURIComponent(NUMBERS[n++ % NUMBERS.length]!)}&limit=20`,
          }),
        },
      ],
    });
    const rss = rssMb(server.pid);
    printRow(
      `POST /api/v1/messages, ${label}`,
      line(postResult),
      label === "PostgreSQL" ? "≥ 3,000 req/s" : undefined,
      postResult.requests.average >= TARGET,
    );
    printRow(
      `GET /api/v1/messages?to=…, ${label}`,
      `${line(getResult)}; RSS ${atStart.toFixed(0)} → ${rss.toFixed(0)} MB`,
    );
    return { post: postResult, get: getResult };
  } finally {
    await server.stop();
  }
}

process.stdout.write(
  `${CONNECTIONS} connections, ${SECONDS} s each (after a 2 s warm-up); ${loadAverage()}\n`,
);
// What this machine does right now with no framework and no database, to read the figures below against.
const floor = await startServer("floor");
try {
  const r = await cannon({
    url: `http://127.0.0.1:${floor.info.http}/`,
    connections: CONNECTIONS,
    duration: Math.min(SECONDS, 5),
  });
  printRow('floor: node:http answering "ok"', line(r));
} finally {
  await floor.stop();
}
const pgBase = await postgresBase();
if (pgBase) {
  const db = await benchDatabase(pgBase, "sms");
  try {
    await measure("PostgreSQL", db.url);
  } finally {
    await db.drop();
  }
} else {
  printRow(
    "POST /api/v1/messages, PostgreSQL",
    "skipped: no DATABASE_URL and nothing at 127.0.0.1:5432",
    "≥ 3,000 req/s",
    false,
  );
}
await measure("PGlite", undefined);
process.stdout.write(`after: ${loadAverage()}\n`);
