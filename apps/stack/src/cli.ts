#!/usr/bin/env -S npx tsx
// `npx inps-sim`: the simulator for a person at a terminal. Tables with colours on a terminal, plain when piped,
// JSON with --json. Every command but `start` talks to a running stack (--url, --token).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { styleText } from "node:util";
import { Command, InvalidArgumentError } from "commander";
import { nodeFlags } from "../bin/node-flags.mjs";
import { CliError, connect, type Connected } from "./cli/connection.ts";
import {
  citizenNew,
  clockAdvance,
  clockNow,
  faultsClear,
  faultsSet,
  inbox,
  timeline,
} from "./cli/commands.ts";

const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (style: Parameters<typeof styleText>[0], text: string) =>
  colour ? styleText(style, text) : text;

function print(json: boolean, data: unknown, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${text()}\n`);
}

function table(rows: string[][], header: string[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ");
  return [paint("bold", line(header)), ...rows.map(line)].join("\n");
}

const integer = (value: string) => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("a whole number");
  return Number(value);
};

const program = new Command("inps-sim")
  .description(
    "The INPS PIN simulator at a terminal: start it, make citizens, read what they received, move the clock, break a gateway.",
  )
  .option(
    "--url <url>",
    "the identity service of the running stack",
    process.env.STACK_URL ?? "http://localhost:4000",
  )
  .option(
    "--token <token>",
    "the control-plane token the stack printed (SIM_ADMIN_TOKEN)",
    process.env.SIM_ADMIN_TOKEN,
  );

async function stack(): Promise<Connected> {
  const { url, token } = program.opts<{ url: string; token?: string }>();
  if (!token)
    throw new CliError("no control-plane token: pass --token or set SIM_ADMIN_TOKEN (npm start prints it)");
  return connect({ url, token });
}

program
  .command("start")
  .description("start the whole stack in this terminal (the same as npm start)")
  .option("--memory", "keep everything in memory")
  .option("--reset", "wipe the embedded database first")
  .action((opts: { memory?: boolean; reset?: boolean }) => {
    // The bundled stack, as npm start runs it (rebuilt first when a source is newer).
    const runner = fileURLToPath(new URL("../bin/run.mjs", import.meta.url));
    const args = [...(opts.memory ? ["--memory"] : []), ...(opts.reset ? ["--reset"] : [])];
    const child = spawn(process.execPath, [...nodeFlags, runner, "stack", ...args], { stdio: "inherit" });
    child.on("exit", (code) => (process.exitCode = code ?? 1));
  });

const citizen = program.command("citizen").description("simulated citizens");
citizen
  .command("new")
  .description(
    "a valid persona: fiscal code computed from the personal data, contacts, residence, health card",
  )
  .option("--pin <pin>", "also create the citizen on the stack with this active 8-character PIN")
  .option("--json", "print JSON")
  .action(async (opts: { pin?: string; json?: boolean }) => {
    const made = await citizenNew(opts.pin === undefined ? undefined : await stack(), opts.pin);
    print(Boolean(opts.json), made, () =>
      table(
        [
          [
            "name",
            `${made.firstName} ${made.lastName} (${made.gender}), born ${made.birthDate} in ${made.birthMunicipality} (${made.birthProvince})`,
          ],
          ["fiscal code", paint("green", made.fiscalCode)],
          [
            "residence",
            `${made.residence.street}, ${made.residence.postalCode} ${made.residence.city} (${made.residence.province})`,
          ],
          ["email", made.email],
          ["mobile", made.mobile],
          ["health card", `${made.healthCard.number}, expires ${made.healthCard.expiryDate}`],
          ...(made.pin ? [["PIN", `${made.pin} (active on the stack)`]] : []),
        ],
        ["citizen", ""],
      ),
    );
  });

program
  .command("inbox <fiscalCode>")
  .description("everything INPS sent this citizen, on every channel, oldest first")
  .option("--json", "print JSON")
  .action(async (fiscalCode: string, opts: { json?: boolean }) => {
    const items = await inbox(await stack(), fiscalCode.toUpperCase());
    print(Boolean(opts.json), items, () =>
      items.length
        ? table(
            items.map((i) => [
              i.at,
              paint("cyan", i.channel),
              i.purpose,
              i.to,
              i.text
                .split("\n")
                .find((l) => /: \S/.test(l) && /PIN|Codice/.test(l))
                ?.trim() ?? i.text.split("\n")[0]!.slice(0, 60),
            ]),
            ["when", "channel", "purpose", "to", "says"],
          )
        : `nothing was sent to ${fiscalCode}`,
    );
  });

const clock = program.command("clock").description("the simulated time of the whole stack");
clock
  .command("now", { isDefault: true })
  .description("show the simulated time (what `inps-sim clock` does)")
  .option("--json", "print JSON")
  .action(async (opts: { json?: boolean }) => {
    const now = await clockNow(await stack());
    print(Boolean(opts.json), now, () => `simulated time: ${paint("bold", now.now)}`);
  });
clock
  .command("advance <duration>")
  .description("move the clock forward by an ISO-8601 duration (P3D, PT3M, P1M)")
  .option("--json", "print JSON")
  .action(async (duration: string, opts: { json?: boolean }) => {
    const now = await clockAdvance(await stack(), duration);
    print(Boolean(opts.json), now, () => `simulated time: ${paint("bold", now.now)}`);
  });

const faults = program
  .command("faults")
  .description("make a gateway fail (sms, mail, postal: HTTP; smtp: the mail server)");
faults
  .command("set <gateway> <mode> [status]")
  .description("e.g. `faults set sms error 503`, `faults set postal timeout`, `faults set smtp MAIL 421`")
  .option("--count <n>", "only the next n requests", integer)
  .option("--json", "print JSON")
  .action(
    async (
      gateway: string,
      mode: string,
      status: string | undefined,
      opts: { count?: number; json?: boolean },
    ) => {
      const set = await faultsSet(
        await stack(),
        gateway,
        mode,
        status === undefined ? undefined : integer(status),
        opts.count,
      );
      print(Boolean(opts.json), set, () => `${gateway}: ${paint("red", JSON.stringify(set))}`);
    },
  );
faults
  .command("clear <gateway>")
  .description("the gateway works again")
  .option("--json", "print JSON")
  .action(async (gateway: string, opts: { json?: boolean }) => {
    const cleared = await faultsClear(await stack(), gateway);
    print(Boolean(opts.json), cleared, () => `${gateway}: ${paint("green", "no fault")}`);
  });

program
  .command("timeline <fiscalCode>")
  .description("what happened to this citizen, oldest first (request, deliveries, logins, blocks, changes)")
  .option("--json", "print JSON")
  .action(async (fiscalCode: string, opts: { json?: boolean }) => {
    const events = await timeline(await stack(), fiscalCode.toUpperCase());
    print(Boolean(opts.json), events, () =>
      events.length
        ? table(
            events.map((e) => [e.at, paint("cyan", e.type), JSON.stringify(e.data)]),
            ["when", "event", "details"],
          )
        : `no event for ${fiscalCode}`,
    );
  });

try {
  await program.parseAsync();
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  process.stderr.write(`${paint("red", "inps-sim:")} ${error.message}\n`);
  process.exitCode = 1;
}
