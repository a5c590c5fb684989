// `npm run clients:generate` writes the wire types of packages/clients from each JSON service's OpenAPI document;
// `npm run clients:check` fails when a written file is not what the documents give today. No server is started:
// each app is built in memory, as its service builds it, and asked for /openapi.json.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { openDatabase, type DatabaseHandle } from "@inps-sim/db";
import { buildIdentityService, readIdentityConfig } from "@inps-sim/identity";
import { createMailApp, readMailConfig } from "@inps-sim/mail-gateway";
import { buildPostalService, readPostalConfig } from "@inps-sim/postal-gateway";
import {
  createLogger,
  gatewayDeps,
  memoryClock,
  type Fetchable,
  type StackClock,
} from "@inps-sim/service-kit";
import { buildSmsService, readSmsConfig } from "@inps-sim/sms-gateway";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { format, resolveConfig } from "prettier";

type Build = (parts: { handle: DatabaseHandle; clock: StackClock }) => { app: Fetchable };

const logger = createLogger({ service: "clients", level: "silent" });
const ports = () => ({});

/** One entry per service that publishes a document: the file it becomes, and how its app is built. */
const SERVICES: Record<string, Build> = {
  identity: ({ handle, clock }) =>
    buildIdentityService({ handle, config: readIdentityConfig({}), logger }, { clock, ports }),
  sms: ({ handle, clock }) =>
    buildSmsService({ handle, config: readSmsConfig({}), logger }, { clock, ports }),
  postal: ({ handle, clock }) =>
    buildPostalService({ handle, config: readPostalConfig({}), logger }, { clock, ports }),
  // The app alone: the service's start-up also opens the mailbox's search indexes, which reads the database.
  mail: ({ handle, clock }) => ({
    app: createMailApp(gatewayDeps({ handle, clock, logger, config: readMailConfig({}), ports })),
  }),
};

const outDir = new URL("../../../packages/clients/src/generated/", import.meta.url);

const header = (service: string) =>
  `// Generated from the ${service} service's /openapi.json by \`npm run clients:generate\` (openapi-typescript). Do not edit.\n`;

async function generate(): Promise<Map<string, string>> {
  // The apps are built on an empty in-memory database: reading their documents runs no query.
  const handle = await openDatabase();
  const clock = memoryClock(new Date("2026-01-01T00:00:00Z"));
  const files = new Map<string, string>();
  try {
    for (const [service, build] of Object.entries(SERVICES)) {
      const res = await build({ handle, clock }).app.fetch(new Request("http://in-memory/openapi.json"));
      if (res.status !== 200) throw new Error(`${service}: /openapi.json answered ${res.status}`);
      const document = (await res.json()) as OpenAPI3;
      const path = fileURLToPath(new URL(`${service}.ts`, outDir));
      const source = header(service) + astToString(await openapiTS(document, { alphabetize: true }));
      files.set(path, await format(source, { ...(await resolveConfig(path)), filepath: path }));
    }
  } finally {
    await handle.close();
  }
  return files;
}

const check = process.argv.includes("--check");
const files = await generate();
const stale: string[] = [];
for (const [path, text] of files) {
  const current = await readFile(path, "utf8").catch(() => "");
  if (current === text) continue;
  if (check) stale.push(path);
  else await writeFile(path, text);
}
if (stale.length > 0) {
  console.error(
    `Generated clients are stale (a service's API changed); run npm run clients:generate:\n  ${stale.join("\n  ")}`,
  );
  process.exitCode = 1;
} else if (!check) {
  process.stderr.write(
    `wrote ${[...files.keys()].length} client type files under packages/clients/src/generated\n`,
  );
}
