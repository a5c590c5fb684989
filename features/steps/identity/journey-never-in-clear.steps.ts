// R14 in the citizen's journeys: no answer, no timeline entry and no outbox row shows a PIN, a half or a code.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { Then } from "@cucumber/cucumber";
import { answersSoFar, expectOk, secretsOf } from "../../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../../support/world.ts";

/** Which of the scenario's secrets `text` shows, ignoring case (a lower-cased PIN is still the PIN). */
function shown(world: SimulatorWorld, text: string): string[] {
  const haystack = text.toUpperCase();
  return secretsOf(world).filter((secret) => haystack.includes(secret.toUpperCase()));
}

Then("no answer the citizen received shows a PIN, a half of it or a verification code", function (this: SimulatorWorld) {
  const answers = answersSoFar(this);
  assert.ok(answers.length >= 8, `only ${answers.length} answers were kept`);
  assert.ok(secretsOf(this).length >= 6, `only ${secretsOf(this).length} secrets were noted`);
  // Never print a secret in a failure message either: say how many and where.
  const leaks = answers.map((a, i) => ({ i, count: shown(this, a).length })).filter((l) => l.count > 0);
  assert.deepEqual(leaks, [], "an answer shows a PIN, a half or a code (answer index and how many)");
});

Then(
  "an INPS operator sees on the citizen's timeline the request, both halves sent, the logins, the block and the change",
  async function (this: SimulatorWorld) {
    const timeline = expectOk(await this.identity.operatorEvents(this.citizen.fiscalCode), "the operator's timeline");
    this.remember("journey.timeline", timeline);
    const types = timeline.events.map((e) => e.type);
    for (const type of ["pin-requested", "login-succeeded", "login-failed", "locked", "pin-change-requested", "pin-changed"]) {
      assert.ok(types.includes(type), `the timeline has no ${type}: ${types.join(", ")}`);
    }
    assert.ok(types.filter((t) => t === "message-sent").length >= 2, `both halves are not on the timeline: ${types.join(", ")}`);
  },
);

Then("nothing on the timeline shows a PIN, a half of it or a verification code", function (this: SimulatorWorld) {
  const count = shown(this, JSON.stringify(this.recall<unknown>("journey.timeline"))).length;
  assert.equal(count, 0, `the timeline shows ${count} of the citizen's secrets`);
});

Then("the outbox on the control plane shows no PIN, half or code either", async function (this: SimulatorWorld) {
  const outbox = expectOk(await this.identity.simOutbox({ fiscalCode: this.citizen.fiscalCode }), "the outbox");
  assert.ok(outbox.messages.length >= 4, `the outbox lists ${outbox.messages.length} messages`);
  const count = shown(this, JSON.stringify(outbox)).length;
  assert.equal(count, 0, `the outbox shows ${count} of the citizen's secrets`);
});

Then("no line the services have logged shows a PIN, a half of it or a verification code", async function (this: SimulatorWorld) {
  // Only an embedded stack writes its log where the suite can read it; against a running stack this check cannot run.
  if (!this.stack.logFile) return "skipped";
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the logger's stream flush
  const log = await readFile(this.stack.logFile, "utf8");
  assert.ok(log.length > 0, `the services logged nothing in ${this.stack.logFile}`);
  const lines = log.split("\n").filter((line) => shown(this, line).length > 0).length;
  assert.equal(lines, 0, `${lines} log lines in ${this.stack.logFile} show a PIN, a half or a code of this citizen`);
  return undefined;
});
