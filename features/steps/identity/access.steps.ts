// R06–R14: logging in, being blocked, changing and renewing the PIN, and what INPS can see of it.
import assert from "node:assert/strict";
import { Given, Then, When } from "@cucumber/cucumber";
import { randomPersona } from "@inps-sim/domain";
import type { SimulatorWorld } from "../../support/world.ts";
import { call, drainOutbox, secretByEmail, sim, type Answer } from "./identity-api.ts";

const VERIFICATION = "Codice di verifica";

async function logIn(world: SimulatorWorld, pin: string): Promise<Answer> {
  const answer = await call(world, "POST", "/api/v1/sessions", { fiscalCode: world.citizen.fiscalCode, pin });
  world.remember("loginAnswer", answer);
  if (answer.status === 201) world.remember("token", String(answer.body.token));
  return answer;
}

const token = (world: SimulatorWorld) => world.recall<string>("token");

/** Two neighbouring characters swapped: "one wrong or swapped character" (guide 002). */
const swapped = (pin: string) => pin.slice(0, 1) + pin.slice(2, 3) + pin.slice(1, 2) + pin.slice(3);

Given("I have an active PIN {string}", async function (this: SimulatorWorld, pin: string) {
  const c = this.citizen;
  const answer = await sim(this, "POST", "/citizens", {
    fiscalCode: c.fiscalCode,
    firstName: c.firstName,
    lastName: c.lastName,
    gender: c.gender,
    birthDate: c.birthDate,
    birthPlace: c.birthPlace,
    residence: c.residence,
    contacts: { email: c.email, mobile: c.mobile },
    pin,
  });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  this.remember("pin", pin);
});

Given("I have logged in with my PIN", async function (this: SimulatorWorld) {
  const answer = await logIn(this, this.recall<string>("pin"));
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
});

When("I log in with my fiscal code and the 16 characters", async function (this: SimulatorWorld) {
  await logIn(this, this.recall<string>("pin"));
});

When("I log in with my PIN", async function (this: SimulatorWorld) {
  await logIn(this, this.recall<string>("pin"));
});

When("I log in with {string}", async function (this: SimulatorWorld, pin: string) {
  await logIn(this, pin);
});

When("I log in with a wrong PIN", async function (this: SimulatorWorld) {
  await logIn(this, `${this.recall<string>("pin").slice(0, -1)}9`);
});

When("I log in with two characters of my PIN swapped", async function (this: SimulatorWorld) {
  const pin = this.recall<string>("pin");
  assert.notEqual(swapped(pin), pin);
  await logIn(this, swapped(pin));
});

When("someone tries to log in with a fiscal code nobody holds", async function (this: SimulatorWorld) {
  const nobody = randomPersona({ bytes: (n) => crypto.getRandomValues(new Uint8Array(n)) }).fiscalCode;
  this.remember("unknownAnswer", await call(this, "POST", "/api/v1/sessions", { fiscalCode: nobody, pin: "Nessun0X" }));
});

Then("I am logged in", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("loginAnswer");
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
});

Then("I am logged in with nothing to do first", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("loginAnswer");
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  assert.equal(answer.body.requiredAction, null);
});

Then("I am told the fiscal code or the PIN is wrong", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("loginAnswer");
  assert.equal(answer.status, 401, JSON.stringify(answer.body));
  assert.equal(answer.body.code, "invalid-credentials");
});

Then("the answer is the same as for a wrong PIN", function (this: SimulatorWorld) {
  const wrong = this.recall<Answer>("loginAnswer");
  const unknown = this.recall<Answer>("unknownAnswer");
  assert.equal(unknown.status, wrong.status);
  assert.deepEqual({ ...unknown.body, requestId: undefined }, { ...wrong.body, requestId: undefined });
});

Then("I am told access is blocked for about {int} more minute(s)", function (this: SimulatorWorld, minutes: number) {
  const answer = this.recall<Answer>("loginAnswer");
  assert.equal(answer.status, 423, JSON.stringify(answer.body));
  assert.equal(answer.body.code, "locked");
  const retryAfter = Number(answer.body.retryAfter);
  assert.equal(answer.headers.get("retry-after"), String(retryAfter));
  assert.ok(Math.abs(retryAfter - minutes * 60) <= 15, `blocked for ${retryAfter} s, not about ${minutes} minutes`);
});

Then("logging in with {string} no longer works", async function (this: SimulatorWorld, pin: string) {
  const answer = await logIn(this, pin);
  assert.equal(answer.status, 401, JSON.stringify(answer.body));
});

Then("logging in with the 16 characters no longer works", async function (this: SimulatorWorld) {
  const sixteen = this.recall<string>("oldPin");
  assert.equal(sixteen.length, 16);
  const answer = await call(this, "POST", "/api/v1/sessions", { fiscalCode: this.citizen.fiscalCode, pin: sixteen });
  assert.equal(answer.status, 401, JSON.stringify(answer.body));
});

Then("I am asked to choose a new PIN of 8 characters before anything else", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("loginAnswer");
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  assert.equal(answer.body.requiredAction, "replace-initial-pin");
});

Then("I am asked to renew my expired PIN before anything else", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("loginAnswer");
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  assert.equal(answer.body.requiredAction, "renew-expired-pin");
});

Then("I am told that my initial PIN has expired", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("loginAnswer");
  assert.equal(answer.status, 410, JSON.stringify(answer.body));
  assert.equal(answer.body.code, "initial-pin-expired");
});

// R09, R10: Settings → Security/PIN: current PIN, new PIN, the new PIN again, Save.
async function startChange(world: SimulatorWorld, currentPin: string, newPin: string, confirmPin: string): Promise<Answer> {
  const answer = await call(world, "POST", "/api/v1/me/pin-changes", { currentPin, newPin, confirmPin }, token(world));
  world.remember("changeAnswer", answer);
  if (answer.status === 202) world.remember("changeId", String(answer.body.changeId));
  world.remember("newPin", newPin);
  return answer;
}

When("I change my PIN to {string}, confirming {string}", async function (this: SimulatorWorld, newPin: string, confirmPin: string) {
  await startChange(this, this.recall<string>("pin"), newPin, confirmPin);
});

When("I choose {string} as my new PIN and confirm it", async function (this: SimulatorWorld, newPin: string) {
  await startChange(this, this.recall<string>("pin"), newPin, newPin);
});

When("I change my PIN giving {string} as my current PIN", async function (this: SimulatorWorld, wrong: string) {
  await startChange(this, wrong, "Prato8Zk", "Prato8Zk");
});

Then("I am told a verification code was sent to my email, shown masked", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("changeAnswer");
  assert.equal(answer.status, 202, JSON.stringify(answer.body));
  assert.equal(answer.body.verificationChannel, "email");
  const destination = String(answer.body.destination);
  assert.notEqual(destination, this.citizen.email);
  assert.ok(destination.endsWith(this.citizen.email.slice(this.citizen.email.indexOf("@"))), destination);
  assert.match(destination, /\*\*\*/);
});

async function codeFromEmail(world: SimulatorWorld): Promise<string> {
  await drainOutbox(world);
  return secretByEmail(world, world.citizen.email, "Codice di verifica", VERIFICATION);
}

async function verify(world: SimulatorWorld, code: string): Promise<Answer> {
  const answer = await call(world, "POST", `/api/v1/me/pin-changes/${world.recall<string>("changeId")}/verify`, { code }, token(world));
  world.remember("verifyAnswer", answer);
  return answer;
}

When("I confirm the change with the code sent to my email", async function (this: SimulatorWorld) {
  await verify(this, await codeFromEmail(this));
});

When("I enter the verification code from the email", async function (this: SimulatorWorld) {
  await verify(this, await codeFromEmail(this));
});

When("I enter a wrong verification code", async function (this: SimulatorWorld) {
  const right = await codeFromEmail(this);
  await verify(this, right === "000000" ? "000001" : "000000");
});

When("I enter a wrong verification code {int} times", async function (this: SimulatorWorld, times: number) {
  const right = await codeFromEmail(this);
  for (let i = 0; i < times; i++) await verify(this, right === "000000" ? "000001" : "000000");
});

Then("I see that my PIN has been changed", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("verifyAnswer");
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.status, "changed");
  this.remember("oldPin", this.recall<string>("pin"));
  this.remember("pin", this.recall<string>("newPin"));
});

Then("my PIN is changed", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("verifyAnswer");
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  this.remember("oldPin", this.recall<string>("pin"));
  this.remember("pin", this.recall<string>("newPin"));
});

Then("I receive an email confirming that my PIN was changed", async function (this: SimulatorWorld) {
  await drainOutbox(this);
  const message = await this.mail.waitForMessage(`to:${this.citizen.email} subject:"PIN modificato"`, { timeoutMs: 10_000 });
  assert.match(message.Text, /modificato/);
});

Then("the code is refused as wrong", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("verifyAnswer");
  assert.equal(answer.status, 400, JSON.stringify(answer.body));
  assert.equal(answer.body.code, "invalid-code");
});

Then("the code is refused as expired", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("verifyAnswer");
  assert.equal(answer.status, 410, JSON.stringify(answer.body));
  assert.equal(answer.body.code, "code-expired");
});

Then("the change is refused because the confirmation does not match", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("changeAnswer");
  assert.equal(answer.status, 400, JSON.stringify(answer.body));
  assert.equal(answer.body.code, "confirmation-mismatch");
});

Then("the change is refused as not secure because of {string}", function (this: SimulatorWorld, reason: string) {
  const answer = this.recall<Answer>("changeAnswer");
  assert.equal(answer.status, 422, JSON.stringify(answer.body));
  assert.equal(answer.body.code, "pin-too-weak");
  const reasons = (answer.body.reasons as { code: string }[]).map((r) => r.code);
  assert.ok(reasons.includes(reason), `reasons: ${reasons.join(", ")}`);
});

Then("the change is refused because I used that PIN before", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("changeAnswer");
  assert.equal(answer.status, 422, JSON.stringify(answer.body));
  assert.equal(answer.body.code, "pin-reused");
});

Then("the change is refused because my current PIN is wrong", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("changeAnswer");
  assert.equal(answer.status, 401, JSON.stringify(answer.body));
  assert.equal(answer.body.code, "invalid-credentials");
});

Then("my PIN is still {string}", async function (this: SimulatorWorld, pin: string) {
  const answer = await logIn(this, pin);
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
});

// R14 and the operator's timeline.
When("an INPS operator looks at my timeline", async function (this: SimulatorWorld) {
  await drainOutbox(this);
  this.remember("timelineAnswer", await sim(this, "GET", `/citizens/${this.citizen.fiscalCode}/events`));
  this.remember("outboxAnswer", await sim(this, "GET", `/outbox?fiscalCode=${this.citizen.fiscalCode}`));
});

Then("it shows my request and both halves sent, but never my PIN", function (this: SimulatorWorld) {
  const outbox = this.recall<Answer>("outboxAnswer");
  assert.equal(outbox.status, 200);
  const messages = outbox.body.messages as { purpose: string; status: string }[];
  const timeline = this.recall<Answer>("timelineAnswer");
  assert.equal(timeline.status, 200, JSON.stringify(timeline.body));
  const types = (timeline.body.events as { type: string }[]).map((e) => e.type);
  assert.ok(types.includes("pin-requested") && types.filter((t) => t === "message-sent").length === 2, types.join(", "));
  assert.deepEqual(messages.map((m) => `${m.purpose}:${m.status}`).sort(), ["first-half:sent", "second-half:sent"]);
  const seen = JSON.stringify(this.recall<Answer>("timelineAnswer").body) + JSON.stringify(outbox.body);
  for (const secret of [this.recall<string>("pin"), this.recall<string>("firstHalf"), this.recall<string>("secondHalf")]) {
    assert.ok(!seen.includes(secret), "a PIN or half is visible to the operator");
  }
});
