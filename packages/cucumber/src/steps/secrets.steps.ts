// R14: no answer, timeline entry, outbox row or log line shows a PIN, a half or a code.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { Then } from "@cucumber/cucumber";
import { expectOk } from "../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../support/world.ts";

/** Which of the scenario's secrets `text` shows, ignoring case (a lower-cased PIN is still the PIN). */
function shown(world: SimulatorWorld, text: string): string[] {
  const haystack = text.toUpperCase();
  return world.secrets.filter((secret) => haystack.includes(secret.toUpperCase()));
}

/** None of the answers kept in this scenario (bodies and headers) contains a secret the citizen had. */
Then(
  "no answer the citizen received shows a PIN, a half of it or a verification code",
  function (this: SimulatorWorld) {
    assert.ok(this.answers.length >= 8, `only ${this.answers.length} answers were kept`);
    assert.ok(this.secrets.length >= 6, `only ${this.secrets.length} secrets were noted`);
    // Never print a secret in a failure message either: say how many and where.
    const leaks = this.answers
      .map((a, i) => ({ i, count: shown(this, a).length }))
      .filter((l) => l.count > 0);
    assert.deepEqual(leaks, [], "an answer shows a PIN, a half or a code (answer index and how many)");
  },
);

/** The timeline the operator saw last contains none of the citizen's secrets. */
Then(
  "nothing on the timeline shows a PIN, a half of it or a verification code",
  function (this: SimulatorWorld) {
    assert.ok(this.timeline, "no operator has looked at the timeline in this scenario");
    const count = shown(this, JSON.stringify(this.timeline)).length;
    assert.equal(count, 0, `the timeline shows ${count} of the citizen's secrets`);
  },
);

/** GET /__sim/outbox for the citizen lists the messages without any secret. */
Then(
  "the outbox on the control plane shows no PIN, half or code either",
  async function (this: SimulatorWorld) {
    const outbox = expectOk(
      await this.identity.simOutbox({ fiscalCode: this.citizen.fiscalCode }),
      "the outbox",
    );
    assert.ok(outbox.messages.length >= 4, `the outbox lists ${outbox.messages.length} messages`);
    const count = shown(this, JSON.stringify(outbox)).length;
    assert.equal(count, 0, `the outbox shows ${count} of the citizen's secrets`);
  },
);

/**
 * Which of the scenario's secrets `line` shows as a word of its own. A log keeps every scenario's lines, and its
 * timestamps and ids are long runs of digits and letters: a 6-digit code can occur inside one by chance, the more
 * likely the longer a stack runs, while a secret that leaks is written as itself (`"code":"123456"`).
 */
function shownAsWord(world: SimulatorWorld, line: string): string[] {
  const haystack = line.toUpperCase();
  return world.secrets.filter((secret) =>
    new RegExp(`(?<![A-Z0-9])${escapeRegExp(secret.toUpperCase())}(?![A-Z0-9])`).test(haystack),
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * No line the stack's services logged shows a secret of the citizen: the embedded stack's log file, or the file a
 * running stack logs into (STACK_LOG). Without one the rule cannot be checked, and the step says so.
 */
Then(
  "no line the services have logged shows a PIN, a half of it or a verification code",
  async function (this: SimulatorWorld) {
    assert.ok(
      this.stack.logFile,
      "the stack's log is out of reach: against a running stack set STACK_LOG to the file its output goes to (npm start > stack.log)",
    );
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the logger's stream flush
    const log = await readFile(this.stack.logFile, "utf8");
    assert.ok(log.length > 0, `the services logged nothing in ${this.stack.logFile}`);
    const lines = log.split("\n").filter((line) => shownAsWord(this, line).length > 0).length;
    assert.equal(
      lines,
      0,
      `${lines} log lines in ${this.stack.logFile} show a PIN, a half or a code of this citizen`,
    );
  },
);
