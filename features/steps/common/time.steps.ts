// Simulated time, in the citizen's words: "91 days pass". Nobody waits for real.
import assert from "node:assert/strict";
import { Given, Then, When } from "@cucumber/cucumber";
import { UNIT_TO_ISO } from "../../support/parameter-types.ts";
import type { SimulatorWorld } from "../../support/world.ts";

const toIso = (n: number, unit: string): string => {
  const make = UNIT_TO_ISO[unit];
  if (!make) throw new Error(`unknown time unit "${unit}"`);
  return make(n);
};

async function pass(this: SimulatorWorld, n: number, unit: string): Promise<void> {
  await this.sim.advanceBy(toIso(n, unit));
}

// Cucumber matches steps whatever their keyword: one definition serves Given, When and And.
Given("{int} {timeUnit} pass(es)", pass);
Given("{int} {timeUnit} have/has passed", pass);

When("I note the simulated time", async function (this: SimulatorWorld) {
  this.remember("notedTime", await this.sim.now());
});

Then(
  "the simulated time is {int} {timeUnit} later than I noted",
  async function (this: SimulatorWorld, n: number, unit: string) {
    const noted = this.recall<Date>("notedTime");
    const { addDuration } = await import("@inps-sim/domain");
    const expected = addDuration(noted, toIso(n, unit)).getTime();
    const now = (await this.sim.now()).getTime();
    // Simulated time also flows with the wall clock: allow the seconds the steps themselves took.
    assert.ok(now >= expected, `simulated time ${new Date(now).toISOString()} is before ${new Date(expected).toISOString()}`);
    assert.ok(now - expected < 10_000, `simulated time ran ${now - expected} ms past the expected instant`);
  },
);

When("someone tries to turn the simulated clock back by {int} {timeUnit}", async function (this: SimulatorWorld, n: number, unit: string) {
  const now = await this.sim.now();
  const { addDuration } = await import("@inps-sim/domain");
  const back = now.getTime() - (addDuration(now, toIso(n, unit)).getTime() - now.getTime());
  this.remember("refusedMove", await this.sim.move({ setTo: new Date(back).toISOString() }));
});

Then("the simulator refuses because time never goes backwards", function (this: SimulatorWorld) {
  const { status, body } = this.recall<{ status: number; body: { code?: string } }>("refusedMove");
  assert.equal(status, 409);
  assert.equal(body.code, "clock-backwards");
});

Then("every gateway shows the same simulated time as the identity service", async function (this: SimulatorWorld) {
  const identityNow = (await this.sim.now()).getTime();
  for (const url of [this.stack.smsUrl, this.stack.mailUrl, this.stack.postalUrl]) {
    const { body } = await this.sim.health(url);
    const gatewayNow = Date.parse(String(body.now));
    assert.ok(Math.abs(gatewayNow - identityNow) < 5_000, `${url} is at ${String(body.now)}, identity at ${new Date(identityNow).toISOString()}`);
  }
});
