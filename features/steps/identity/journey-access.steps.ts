// R06–R08 and R13 in the citizen's journeys: first access, login, the 3-minute block, logout, renewal after 180 days.
import assert from "node:assert/strict";
import { Given, Then, When } from "@cucumber/cucumber";
import type { IdentityResult, RequiredAction, Session } from "@inps-sim/clients";
import {
  askForPin,
  currentPin,
  expectOk,
  expectProblem,
  kept,
  LABEL,
  letterWith,
  logIn,
  noteSecret,
  secretBy,
  setPin,
  token,
} from "../../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../../support/world.ts";

const DAY_MS = 86_400_000;
/** Simulated time also flows with the wall clock while steps run: seconds of slack on a Retry-After. */
const RETRY_AFTER_SLACK_S = 5;

const lastLogin = (world: SimulatorWorld) => world.recall<IdentityResult<Session>>("journey.login");

/** A PIN with one character wrong, or two neighbouring characters swapped (guide 002). */
function mistaken(pin: string, mistake: string): string {
  if (mistake === "one character wrong") return `${pin.slice(0, -1)}${pin.endsWith("7") ? "8" : "7"}`;
  const i = [...pin].findIndex((ch, k) => k + 1 < pin.length && ch !== pin[k + 1]);
  assert.ok(i >= 0, `no two different neighbours to swap in a PIN of ${pin.length} characters`);
  return pin.slice(0, i) + pin.charAt(i + 1) + pin.charAt(i) + pin.slice(i + 2);
}

async function createCitizen(world: SimulatorWorld, pin: string, pinChangedAt?: Date) {
  const c = world.citizen;
  const created = await world.identity.simCreateCitizen({
    fiscalCode: c.fiscalCode,
    firstName: c.firstName,
    lastName: c.lastName,
    gender: c.gender,
    birthDate: c.birthDate,
    birthPlace: c.birthPlace,
    residence: c.residence,
    contacts: { email: c.email, mobile: c.mobile },
    healthCard: await world.healthCard(),
    pin,
    ...(pinChangedAt ? { pinChangedAt: pinChangedAt.toISOString() } : {}),
  });
  expectOk(created, "creating the citizen on the control plane");
  setPin(world, pin);
}

Given("a citizen whose PIN is {string}", async function (this: SimulatorWorld, pin: string) {
  await createCitizen(this, pin);
});

Given("a citizen whose PIN {string} was last changed {int} days ago", async function (this: SimulatorWorld, pin: string, days: number) {
  const now = await this.sim.now();
  await createCitizen(this, pin, new Date(now.getTime() - days * DAY_MS));
});

Given("the citizen has received both halves of the PIN, by email and by post", async function (this: SimulatorWorld) {
  expectOk(await askForPin(this, "email"), "the PIN request");
  const first = await secretBy(this, "email", LABEL.firstHalf);
  const second = (await letterWith(this, LABEL.secondHalf)).value;
  this.remember("journey.firstHalf", first);
  this.remember("journey.secondHalf", second);
  setPin(this, first + second);
});

Given("the citizen has logged in with the PIN", async function (this: SimulatorWorld) {
  expectOk(await logIn(this, currentPin(this)), "logging in");
});

When("the citizen logs in with the fiscal code and the PIN", async function (this: SimulatorWorld) {
  this.remember("journey.attempt", await logIn(this, currentPin(this)));
});

When("the citizen logs in with the fiscal code and the 16 characters", async function (this: SimulatorWorld) {
  assert.equal(currentPin(this).length, 16, "the citizen's PIN is not the initial one of 16 characters");
  this.remember("journey.attempt", await logIn(this, currentPin(this)));
});

When("the citizen logs in with the PIN but {pinMistake}", async function (this: SimulatorWorld, mistake: string) {
  this.remember("journey.attempt", await logIn(this, noteSecret(this, mistaken(currentPin(this), mistake))));
});

When("the citizen logs in with the 16 characters but {pinMistake}", async function (this: SimulatorWorld, mistake: string) {
  assert.equal(currentPin(this).length, 16, "the citizen's PIN is not the initial one of 16 characters");
  this.remember("journey.attempt", await logIn(this, noteSecret(this, mistaken(currentPin(this), mistake))));
});

Then("the citizen is logged in, with nothing to do first", function (this: SimulatorWorld) {
  const session = expectOk(lastLogin(this), "logging in");
  assert.equal(session.requiredAction, null, `the session must first "${session.requiredAction}"`);
  assert.equal(session.pinKind, "ordinary");
});

Then("the citizen logs in with the new PIN, with nothing to do first", async function (this: SimulatorWorld) {
  const session = expectOk(await logIn(this, currentPin(this)), "logging in with the new PIN");
  assert.equal(session.requiredAction, null, `the session must first "${session.requiredAction}"`);
});

function mustFirst(world: SimulatorWorld, action: RequiredAction) {
  const session = expectOk(lastLogin(world), "logging in");
  assert.equal(session.requiredAction, action, `the session's required action is ${String(session.requiredAction)}, not ${action}`);
}

Then("the citizen must first replace them with a PIN of 8 characters", function (this: SimulatorWorld) {
  mustFirst(this, "replace-initial-pin");
});

Then("the citizen must first renew the expired PIN", function (this: SimulatorWorld) {
  mustFirst(this, "renew-expired-pin");
});

Then("the citizen's page says the PIN must be {requiredActionWord} first", async function (this: SimulatorWorld, word: string) {
  const me = expectOk(kept(this, await this.identity.me(token(this))), "opening the citizen's page");
  assert.equal(me.fiscalCode, this.citizen.fiscalCode);
  assert.equal(me.requiredAction, word === "replaced" ? "replace-initial-pin" : "renew-expired-pin");
});

Then("the citizen cannot consult the estratto conto contributivo until the PIN is replaced", async function (this: SimulatorWorld) {
  const answer = kept(this, await this.identity.consultService(token(this), "contribution-statement"));
  const problem = expectProblem(answer, 403, "action-required", "consulting the contribution statement before replacing the 16 characters");
  assert.equal(problem.requiredAction, "replace-initial-pin");
});

Then("the citizen is told that the fiscal code or the PIN is wrong", function (this: SimulatorWorld) {
  expectProblem(lastLogin(this), 401, "invalid-credentials", "logging in");
});

Then("the citizen is told that access is blocked for another {int} seconds", function (this: SimulatorWorld, seconds: number) {
  const answer = lastLogin(this);
  const problem = expectProblem(answer, 423, "locked", "logging in during a block");
  const retryAfter = problem.retryAfter;
  assert.equal(typeof retryAfter, "number", "the block does not say how long to wait");
  assert.equal(answer.headers.get("retry-after"), String(retryAfter), "the Retry-After header disagrees with retryAfter");
  assert.ok(
    Math.abs(Number(retryAfter) - seconds) <= RETRY_AFTER_SLACK_S,
    `the citizen must wait ${String(retryAfter)} s, not about ${seconds} s`,
  );
});

Then("the 16 characters no longer open a session", async function (this: SimulatorWorld) {
  const sixteen = this.recall<string>("journey.oldPin");
  assert.equal(sixteen.length, 16);
  expectProblem(await logIn(this, sixteen), 401, "invalid-credentials", "logging in with the replaced 16 characters");
});

Then("the old PIN {string} no longer opens a session", async function (this: SimulatorWorld, pin: string) {
  expectProblem(await logIn(this, pin), 401, "invalid-credentials", `logging in with the old PIN`);
});

Then("the citizen's PIN is still {string}", async function (this: SimulatorWorld, pin: string) {
  expectOk(await logIn(this, pin), `logging in with "${pin}"`);
  assert.equal(currentPin(this), pin);
});

Then("the citizen's page shows the fiscal code and when the PIN must be renewed", async function (this: SimulatorWorld) {
  const me = expectOk(kept(this, await this.identity.me(token(this))), "opening the citizen's page");
  assert.equal(me.fiscalCode, this.citizen.fiscalCode);
  assert.equal(me.contacts.email, this.citizen.email);
  assert.ok(me.pinChangedAt && me.pinExpiresAt, "the page does not say when the PIN was changed and when it expires");
  const days = (Date.parse(me.pinExpiresAt) - Date.parse(me.pinChangedAt)) / DAY_MS;
  assert.ok(Math.abs(days - 180) < 0.01, `the PIN expires ${days} days after its last change, not 180`);
});

Then("the citizen's page shows the PIN must be renewed {int} days from now", async function (this: SimulatorWorld, days: number) {
  const me = expectOk(kept(this, await this.identity.me(token(this))), "opening the citizen's page");
  const now = await this.sim.now();
  assert.ok(me.pinExpiresAt, "the page does not say when the PIN expires");
  const left = (Date.parse(me.pinExpiresAt) - now.getTime()) / DAY_MS;
  assert.ok(Math.abs(left - days) < 0.01, `the PIN expires in ${left.toFixed(3)} days, not ${days}`);
});

When("the citizen logs out", async function (this: SimulatorWorld) {
  const out = kept(this, await this.identity.logout(token(this)));
  assert.equal(expectOk(out, "logging out"), null);
  assert.equal(out.status, 204);
});

Then("the session no longer opens the citizen's page", async function (this: SimulatorWorld) {
  expectProblem(await this.identity.me(token(this)), 401, "unauthenticated", "opening the page after logging out");
});

Then("the citizen's timeline shows {int} blocks, one for each wrong PIN", async function (this: SimulatorWorld, blocks: number) {
  const timeline = expectOk(await this.identity.operatorEvents(this.citizen.fiscalCode), "the operator's timeline");
  const types = timeline.events.map((e) => e.type);
  assert.equal(types.filter((t) => t === "locked").length, blocks, `the timeline: ${types.join(", ")}`);
  assert.equal(types.filter((t) => t === "login-failed").length, blocks, `the timeline: ${types.join(", ")}`);
});
