// R09–R12 in the citizen's journeys: Impostazioni → Sicurezza/PIN, the code by email, the rules of a new PIN.
import assert from "node:assert/strict";
import { Given, Then, When } from "@cucumber/cucumber";
import type { IdentityResult, PinChanged, PinChangeStarted } from "@inps-sim/clients";
import {
  changePinFully,
  currentPin,
  expectOk,
  expectProblem,
  LABEL,
  mailsWith,
  nextMailSecret,
  nudgeOutbox,
  smsWith,
  startChange,
  verifyChange,
} from "../../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../../support/world.ts";

const changeAnswer = (world: SimulatorWorld) => world.recall<IdentityResult<PinChangeStarted>>("journey.change");
const verifyAnswer = (world: SimulatorWorld) => world.recall<IdentityResult<PinChanged>>("journey.verify");

When(
  "the citizen enters the current PIN {string}, the new PIN {string} and again {string}",
  async function (this: SimulatorWorld, current: string, newPin: string, again: string) {
    await startChange(this, current, newPin, again);
  },
);

When("the citizen chooses {string} as the new PIN", async function (this: SimulatorWorld, newPin: string) {
  await startChange(this, currentPin(this), newPin, newPin);
});

When("the citizen chooses {string} as the new PIN and confirms it with the code sent by email", async function (this: SimulatorWorld, newPin: string) {
  await changePinFully(this, newPin);
});

Then("the citizen is told that a verification code was sent to the email, shown masked", function (this: SimulatorWorld) {
  const started = expectOk(changeAnswer(this), "starting the change");
  assert.equal(started.verificationChannel, "email");
  const email = this.citizen.email;
  assert.notEqual(started.destination, email, "the address is shown in full");
  assert.match(started.destination, /\*/, `"${started.destination}" is not masked`);
  assert.ok(started.destination.endsWith(email.slice(email.indexOf("@"))), `"${started.destination}" is not the citizen's mailbox`);
});

When("the citizen enters the verification code received by email", async function (this: SimulatorWorld) {
  await verifyChange(this, await nextMailSecret(this, this.citizen.email, LABEL.verificationCode));
});

Given("the citizen is also logged in on another device", async function (this: SimulatorWorld) {
  const other = expectOk(await this.identity.login({ fiscalCode: this.citizen.fiscalCode, pin: currentPin(this) }), "logging in on another device");
  this.remember("journey.otherToken", other.token);
});

Then("the session on the other device has been closed", async function (this: SimulatorWorld) {
  expectProblem(await this.identity.me(this.recall<string>("journey.otherToken")), 401, "unauthenticated", "the other device after the change");
});

When("the citizen enters a verification code other than the one received", async function (this: SimulatorWorld) {
  await nudgeOutbox(this);
  const [newest] = await mailsWith(this, this.citizen.email, LABEL.verificationCode);
  assert.ok(newest, "no verification code reached the citizen");
  // Another code of the same shape: each digit moved on by one.
  const other = newest.value.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
  assert.notEqual(other, newest.value);
  await verifyChange(this, other);
});

Then("the citizen sees that the PIN has been changed", function (this: SimulatorWorld) {
  const changed = expectOk(verifyAnswer(this), "confirming the change");
  assert.equal(changed.status, "changed");
});

Then("an email tells the citizen that the PIN was changed", async function (this: SimulatorWorld) {
  await nudgeOutbox(this);
  const message = await this.mail.waitForMessage(`to:${this.citizen.email} subject:modificato`, { timeoutMs: 10_000 });
  assert.match(`${message.Subject}\n${message.Text}`, /PIN/);
  assert.equal(message.Text.includes(currentPin(this)), false, "the notification shows the new PIN");
});

Then("the change is refused because the confirmation does not match the new PIN", function (this: SimulatorWorld) {
  expectProblem(changeAnswer(this), 400, "confirmation-mismatch", "a change with a different confirmation");
});

Then("the new PIN is refused as not secure, because of {string}", function (this: SimulatorWorld, reason: string) {
  const problem = expectProblem(changeAnswer(this), 422, "pin-too-weak", "a change to an easy PIN");
  const reasons = (problem.reasons ?? []).map((r) => r.code);
  assert.ok(reasons.includes(reason), `the reasons given are ${reasons.join(", ") || "none"}, not ${reason}`);
  assert.ok((problem.reasons ?? []).every((r) => r.message.length > 0), "a reason has no explanation");
});

Then("the change is refused because the PIN was used before", function (this: SimulatorWorld) {
  expectProblem(changeAnswer(this), 422, "pin-reused", "a change back to an earlier PIN");
});

Then("the change is refused because access is blocked for a while", function (this: SimulatorWorld) {
  const problem = expectProblem(changeAnswer(this), 423, "locked", "a change during a block");
  assert.ok(typeof problem.retryAfter === "number" && problem.retryAfter > 0, `the refusal does not say how long to wait: ${String(problem.retryAfter)}`);
});

Then("the change is refused because the current PIN is wrong", function (this: SimulatorWorld) {
  expectProblem(changeAnswer(this), 401, "invalid-credentials", "a change with a wrong current PIN");
});

Then("no verification code has been sent to the citizen", async function (this: SimulatorWorld) {
  await nudgeOutbox(this);
  assert.equal((await mailsWith(this, this.citizen.email, LABEL.verificationCode)).length, 0, "a verification code was emailed");
  assert.equal((await smsWith(this, LABEL.verificationCode)).length, 0, "a verification code was sent by SMS");
});

Then("the verification code is refused as wrong, with attempts left", function (this: SimulatorWorld) {
  const problem = expectProblem(verifyAnswer(this), 400, "invalid-code", "a wrong verification code");
  assert.ok(typeof problem.attemptsLeft === "number" && problem.attemptsLeft > 0, `attempts left: ${String(problem.attemptsLeft)}`);
});

Then("the verification code is refused as expired", function (this: SimulatorWorld) {
  expectProblem(verifyAnswer(this), 410, "code-expired", "an expired verification code");
});
