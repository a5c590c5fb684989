// Simulated time, in the guides' words: "91 days pass". Nobody waits for real.
import assert from "node:assert/strict";
import { Given, Then, When } from "@cucumber/cucumber";
import { addDuration, romeInstant } from "@inps-sim/domain";
import { UNIT_TO_ISO } from "../support/parameter-types.ts";
import type { SimulatorWorld } from "../support/world.ts";

const toIso = (n: number, unit: string): string => {
  const make = UNIT_TO_ISO[unit];
  if (!make) throw new Error(`unknown time unit "${unit}"`);
  return make(n);
};

async function pass(this: SimulatorWorld, n: number, unit: string): Promise<void> {
  await this.sim.advanceBy(toIso(n, unit));
}

// Cucumber matches steps whatever their keyword: one definition serves Given, When and And.
/** Moves the stack's simulated clock forward (every service moves with it). */
Given("{int} {timeUnit} pass(es)", pass);
/** The same move, said as a precondition. */
Given("{int} {timeUnit} have/has passed", pass);

/** Keeps the simulated now, to compare with later. */
When("the tester notes the simulated time", async function (this: SimulatorWorld) {
  this.notedTime = await this.sim.now();
});

/** The simulated now is that much after the noted one (and at most 10 s more, for the steps' own time). */
Then(
  "the simulated time is {int} {timeUnit} later than noted",
  async function (this: SimulatorWorld, n: number, unit: string) {
    assert.ok(this.notedTime, "the scenario did not note the simulated time");
    const expected = addDuration(this.notedTime, toIso(n, unit)).getTime();
    const now = (await this.sim.now()).getTime();
    // Simulated time also flows with the wall clock: allow the seconds the steps themselves took.
    assert.ok(
      now >= expected,
      `simulated time ${new Date(now).toISOString()} is before ${new Date(expected).toISOString()}`,
    );
    assert.ok(now - expected < 10_000, `simulated time ran ${now - expected} ms past the expected instant`);
  },
);

/** Asks the control plane to set the clock that far in the past. */
When(
  "someone tries to turn the simulated clock back by {int} {timeUnit}",
  async function (this: SimulatorWorld, n: number, unit: string) {
    const now = await this.sim.now();
    const back = now.getTime() - (addDuration(now, toIso(n, unit)).getTime() - now.getTime());
    this.clockMove = await this.sim.move({ setTo: new Date(back).toISOString() });
  },
);

/** The move was refused with 409 clock-backwards. */
Then("the simulator refuses because time never goes backwards", function (this: SimulatorWorld) {
  assert.ok(this.clockMove, "nobody tried to move the clock");
  const { status, body } = this.clockMove as { status: number; body: { code?: string } };
  assert.equal(status, 409);
  assert.equal(body.code, "clock-backwards");
});

/** Every gateway's /health shows the identity service's simulated now, within 5 s. */
Then(
  "every gateway shows the same simulated time as the identity service",
  async function (this: SimulatorWorld) {
    const identityNow = (await this.sim.now()).getTime();
    for (const url of [this.stack.smsUrl, this.stack.mailUrl, this.stack.postalUrl]) {
      const { body } = await this.sim.health(url);
      const gatewayNow = Date.parse(String(body.now));
      assert.ok(
        Math.abs(gatewayNow - identityNow) < 5_000,
        `${url} is at ${String(body.now)}, identity at ${new Date(identityNow).toISOString()}`,
      );
    }
  },
);

/**
 * Sets the stack's clock forward to 9:00 in Rome on that day ("the simulated date is 14 March 2016"). The clock
 * never goes back: a day before the stack's start needs a stack of its own (tag @stack-in-2016).
 */
Given("the simulated date is {calendarDay}", async function (this: SimulatorWorld, day: string) {
  const target = romeInstant(day, 9);
  const now = await this.sim.now();
  assert.ok(
    now <= target,
    `the stack's clock already shows ${now.toISOString()}: tag the scenario @stack-in-2016 for an earlier date`,
  );
  await this.sim.setTo(target);
});
