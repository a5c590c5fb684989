// The scenario's own citizen: who they are, and the PIN they hold at the start.
import assert from "node:assert/strict";
import { Given, Then } from "@cucumber/cucumber";
import { fiscalCodeMismatches, normalizeItalianMobile, validateFiscalCode } from "@inps-sim/domain";
import {
  askForPin,
  createCitizen,
  expectOk,
  LABEL,
  letterWith,
  logIn,
  secretBy,
  setPin,
} from "../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../support/world.ts";

const DAY_MS = 86_400_000;

/** A citizen with an active 8-character PIN, created on the control plane. */
Given("a citizen whose PIN is {string}", async function (this: SimulatorWorld, pin: string) {
  await createCitizen(this, pin);
});

/** A citizen whose active PIN was last changed that many days ago (for the 180-day renewal, R13). */
Given(
  "a citizen whose PIN {string} was last changed {int} days ago",
  async function (this: SimulatorWorld, pin: string, days: number) {
    const now = await this.sim.now();
    await createCitizen(this, pin, new Date(now.getTime() - days * DAY_MS));
  },
);

/** Asks for a PIN (first half by email) and collects both halves: the email and the letter. */
Given(
  "the citizen has received both halves of the PIN, by email and by post",
  async function (this: SimulatorWorld) {
    expectOk(await askForPin(this, "email"), "the PIN request");
    this.halves.first = await secretBy(this, "email", LABEL.firstHalf);
    this.halves.second = (await letterWith(this, LABEL.secondHalf)).value;
    setPin(this, this.halves.first + this.halves.second);
  },
);

/** Logs in with the PIN the citizen holds and expects a session. */
Given("the citizen has logged in with the PIN", async function (this: SimulatorWorld) {
  assert.ok(this.pin, "the citizen has no PIN yet");
  expectOk(await logIn(this, this.pin), "logging in");
});

/** The generated persona's fiscal code is valid and agrees with the personal data. */
Then("the citizen has a valid fiscal code that matches their personal data", function (this: SimulatorWorld) {
  const c = this.citizen;
  assert.deepEqual(validateFiscalCode(c.fiscalCode), { ok: true, code: c.fiscalCode });
  assert.deepEqual(fiscalCodeMismatches(c.fiscalCode, c), []);
});

/** The generated persona's mobile number is an Italian mobile (it can receive a half by SMS). */
Then("the citizen's mobile number is an Italian mobile", function (this: SimulatorWorld) {
  const result = normalizeItalianMobile(this.citizen.mobile);
  assert.ok(result.ok, `${this.citizen.mobile} is not an Italian mobile`);
});
