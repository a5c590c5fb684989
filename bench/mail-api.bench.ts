// The mail gateway's list and search API with 100,000 stored messages (issue 3): p50/p95/p99 of
// GET /api/v1/messages (first page, deep pages) and GET /api/v1/search for several query kinds. Target p95 ≤ 50 ms.
// Also the gateway process's RSS before and after the queries: the API must page, never load the store.
// Seeding: the gateway process stores BENCH_STORED messages (default 100,000) through its own storage module
// (MailStore.insert, 500 rows a statement) before it answers; see serve.ts. PGlite, and PostgreSQL when
// DATABASE_URL is set or 127.0.0.1:5432 answers (a database of its own, dropped afterwards).
// Run: npm run bench -- mail-api   (BENCH_SAMPLES, default 100 a query)
import { benchDatabase, loadAverage, percentile, postgresBase, printRow, rssMb, startServer } from "./lib.ts";

const STORED = Number(process.env.BENCH_STORED ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const CASE_LIMIT_MS = 30_000; // a query kind stops sampling after this long
const TARGET_P95 = 50;

const q = (query: string) => `/api/v1/search?query=${encodeURIComponent(query)}`;
const CASES: [string, string][] = [
  ["list, first page (50)", "/api/v1/messages"],
  [
    `list, deep page (start ${Math.floor(STORED / 2).toLocaleString("en")})`,
    `/api/v1/messages?start=${Math.floor(STORED / 2)}&limit=50`,
  ],
  [
    `list, last page (start ${(STORED - 50).toLocaleString("en")})`,
    `/api/v1/messages?start=${STORED - 50}&limit=50`,
  ],
  ["search to: (one recipient)", q(`to:cittadino${Math.floor(STORED / 3)}@example.it`)],
  ['search subject:"…" (1 in 5)', q('subject:"Codice di verifica"')],
  ["search plain word (1 in 10)", q("naspi")],
  ["search rare word (one message)", q(`cittadino${STORED - 7}@example.it`)],
  ["search is:unread (1 in 2)", q("is:unread")],
  ["search subject + is:unread", q('subject:"Seconda parte" is:unread')],
  ["search negation (-word)", q("-naspi")],
];

async function measure(label: string, databaseUrl: string | undefined): Promise<void> {
  const server = await startServer("mail", databaseUrl, { BENCH_SEED_MESSAGES: String(STORED) });
  try {
    const { seedMs } = server.info as { seedMs: number };
    const api = `http://127.0.0.1:${server.info.http}`;
    const first = (await (await fetch(`${api}/api/v1/messages?limit=1`)).json()) as {
      total: number;
      unread: number;
    };
    process.stdout.write(
      `\n${label}: ${first.total} messages (${first.unread} unread) stored through MailStore.insert in ${(seedMs / 1000).toFixed(1)} s; ${loadAverage()}\n`,
    );
    const before = rssMb(server.pid);
    let worst = 0;
    for (const [what, path] of CASES) {
      for (let i = 0; i < 3; i++) await (await fetch(api + path)).arrayBuffer(); // warm-up
      const times: number[] = [];
      let count = 0;
      const deadline = performance.now() + CASE_LIMIT_MS;
      while (times.length < SAMPLES && performance.now() < deadline) {
        const started = performance.now();
        const res = await fetch(api + path);
        const body = (await res.json()) as { messages: unknown[]; messages_count?: number; total?: number };
        times.push(performance.now() - started);
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        count = body.messages_count ?? body.messages.length;
      }
      const p95 = percentile(times, 95);
      worst = Math.max(worst, p95);
      printRow(
        `  ${what}`,
        `p50 ${percentile(times, 50).toFixed(1)} / p95 ${p95.toFixed(1)} / p99 ${percentile(times, 99).toFixed(1)} ms (${count} hits, n=${times.length})`,
        `p95 ≤ ${TARGET_P95} ms`,
        p95 <= TARGET_P95,
      );
    }
    const after = rssMb(server.pid);
    printRow(
      `  all queries, ${label}`,
      `worst p95 ${worst.toFixed(1)} ms`,
      `p95 ≤ ${TARGET_P95} ms`,
      worst <= TARGET_P95,
    );
    printRow(
      `  gateway RSS before → after the queries`,
      `${before.toFixed(0)} → ${after.toFixed(0)} MB (${after - before >= 0 ? "+" : ""}${(after - before).toFixed(0)} MB)`,
      label === "PGlite" ? undefined : "grows < 50 MB",
      after - before < 50,
    );
  } finally {
    await server.stop();
  }
}

process.stdout.write(
  `${STORED} stored messages, ${SAMPLES} sequential requests per query after 3 warm-ups; ${loadAverage()}\n`,
);
process.stdout.write(
  `(on PGlite the database lives in the gateway's process, so its RSS includes the store's pages)\n`,
);
await measure("PGlite", undefined);
const base = await postgresBase();
if (base) {
  const db = await benchDatabase(base, "mailapi");
  try {
    await measure("PostgreSQL", db.url);
  } finally {
    await db.drop();
  }
} else {
  process.stdout.write("PostgreSQL: skipped (no DATABASE_URL and nothing at 127.0.0.1:5432)\n");
}
process.stdout.write(`after: ${loadAverage()}\n`);
