// R01–R05: requesting the PIN, receiving its halves, activating it.
import assert from "node:assert/strict";
import { Given, Then, When } from "@cucumber/cucumber";
import type { SimulatorWorld } from "../../support/world.ts";
import { call, healthCardOf, pecOf, requestBody, secretByEmail, secretByPost, secretBySms, type Answer } from "./identity-api.ts";

const FIRST = "Prima parte del PIN";
const SECOND = "Seconda parte del PIN";

type Channel = "email" | "SMS" | "PEC" | "post";
const apiChannel = (c: Channel) => (c === "SMS" ? "sms" : c === "PEC" ? "pec" : c);

async function request(world: SimulatorWorld, extra: Record<string, unknown>): Promise<Answer> {
  world.remember("requestedAt", await world.sim.now());
  const answer = await call(world, "POST", "/api/v1/pin-requests", await requestBody(world, extra));
  world.remember("requestAnswer", answer);
  return answer;
}

async function firstHalfBy(world: SimulatorWorld, channel: Channel): Promise<string> {
  switch (channel) {
    case "email":
      return secretByEmail(world, world.citizen.email, "Prima parte", FIRST);
    case "PEC":
      return secretByEmail(world, pecOf(world), "Prima parte", FIRST);
    case "SMS":
      return secretBySms(world, FIRST);
    case "post":
      return (await secretByPost(world, FIRST)).value;
  }
}

When("I request a PIN online, choosing to receive the first half by {channel}", async function (this: SimulatorWorld, channel: Channel) {
  const extra =
    channel === "post"
      ? { deliveryProfile: "post-then-activate", firstHalfChannel: "email" }
      : { deliveryProfile: "digital-then-post", firstHalfChannel: apiChannel(channel) };
  this.remember("firstHalfChannel", channel);
  await request(this, extra);
});

When("I request a PIN online without saying how", async function (this: SimulatorWorld) {
  await request(this, {});
});

Given("I requested a PIN to be delivered by post first", async function (this: SimulatorWorld) {
  const answer = await request(this, { deliveryProfile: "post-then-activate", firstHalfChannel: "email" });
  assert.equal(answer.status, 202, JSON.stringify(answer.body));
  this.remember("firstHalfChannel", "post");
});

Given("I have received both halves of my PIN", async function (this: SimulatorWorld) {
  const answer = await request(this, { deliveryProfile: "digital-then-post", firstHalfChannel: "email" });
  assert.equal(answer.status, 202, JSON.stringify(answer.body));
  const first = await firstHalfBy(this, "email");
  const second = (await secretByPost(this, SECOND)).value;
  this.remember("firstHalf", first);
  this.remember("secondHalf", second);
  this.remember("pin", first + second);
});

When("I request a PIN online giving a birth date that does not match my fiscal code", async function (this: SimulatorWorld) {
  const year = Number(this.citizen.birthDate.slice(0, 4)) - 1;
  await request(this, { birthDate: `${year}${this.citizen.birthDate.slice(4)}` });
});

When("I request a PIN online without giving any email, PEC or mobile number", async function (this: SimulatorWorld) {
  await request(this, { contacts: {} });
});

Then("my request is accepted", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("requestAnswer");
  assert.equal(answer.status, 202, JSON.stringify(answer.body));
});

Then("I am told the PIN must be activated within 90 days", async function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("requestAnswer");
  const days = (Date.parse(String(answer.body.activationDeadline)) - this.recall<Date>("requestedAt").getTime()) / 86_400_000;
  assert.ok(days >= 89.99 && days <= 90.01, `the deadline is ${days} days after the request`);
});

function refusedFor(world: SimulatorWorld, path: string) {
  const answer = world.recall<Answer>("requestAnswer");
  assert.equal(answer.status, 400);
  assert.equal(answer.body.code, "validation-failed");
  const paths = (answer.body.errors as { path: string }[]).map((e) => e.path);
  assert.ok(paths.includes(path), `the refusal names ${paths.join(", ")}, not ${path}`);
}

Then("my request is refused, pointing at the birth date", function (this: SimulatorWorld) {
  refusedFor(this, "birthDate");
});

Then("my request is refused because one half of the PIN could not reach me", function (this: SimulatorWorld) {
  refusedFor(this, "contacts");
});

Then("the first 8 characters of my PIN reach me by {channel}", async function (this: SimulatorWorld, channel: Channel) {
  const first = await firstHalfBy(this, channel);
  assert.match(first, /^[A-Z0-9]{8}$/);
  this.remember("firstHalf", first);
});

Then("a letter with the other 8 characters is on its way to my home", async function (this: SimulatorWorld) {
  const { value, letterId } = await secretByPost(this, SECOND);
  assert.match(value, /^[A-Z0-9]{8}$/);
  this.remember("secondHalf", value);
  this.remember("letterId", letterId);
  const letter = await this.postal.get(letterId);
  assert.equal(letter.recipient.postalCode, this.citizen.residence.postalCode);
  assert.equal(letter.service, "ordinaria");
});

Then("a letter with the first 8 characters and the activation instructions is on its way to my home", async function (this: SimulatorWorld) {
  const { value, letterId, body } = await secretByPost(this, FIRST);
  assert.match(value, /^[A-Z0-9]{8}$/);
  assert.match(body, /Attiva PIN/);
  assert.match(body, /tessera sanitaria/);
  this.remember("firstHalf", value);
  this.remember("letterId", letterId);
});

Then("the letter has been delivered to my home", async function (this: SimulatorWorld) {
  const letter = await this.postal.get(this.recall<string>("letterId"));
  assert.equal(letter.status, "delivered", `the letter is ${letter.status}`);
});

Then("the two halves together make a PIN of 16 letters and digits", function (this: SimulatorWorld) {
  const pin = this.recall<string>("firstHalf") + this.recall<string>("secondHalf");
  assert.match(pin, /^[A-Z0-9]{16}$/);
  this.remember("pin", pin);
});

Then("no second half of my PIN has been sent to me", async function (this: SimulatorWorld) {
  const found = await this.mail.search(`to:${this.citizen.email} subject:"Seconda parte"`);
  assert.equal(found.messages.length, 0, "a second half was sent");
});

Given("the letter with the first half has reached me", async function (this: SimulatorWorld) {
  const { value, letterId } = await secretByPost(this, FIRST);
  this.remember("firstHalf", value);
  this.remember("letterId", letterId);
});

When("it is day {int} after my request", async function (this: SimulatorWorld, day: number) {
  const target = new Date(this.recall<Date>("requestedAt").getTime() + day * 86_400_000);
  await this.sim.setTo(target);
});

When("I activate my PIN with my fiscal code, the first half and my health card", async function (this: SimulatorWorld) {
  this.remember(
    "activationAnswer",
    await call(this, "POST", "/api/v1/pin-activations", {
      fiscalCode: this.citizen.fiscalCode,
      firstHalf: this.recall<string>("firstHalf"),
      healthCard: await healthCardOf(this),
    }),
  );
});

When("I activate my PIN giving a health card that is not mine", async function (this: SimulatorWorld) {
  const mine = await healthCardOf(this);
  const digits = mine.number.split("");
  const last = Number(digits.at(-1));
  digits[digits.length - 1] = String((last + 1) % 10);
  this.remember(
    "activationAnswer",
    await call(this, "POST", "/api/v1/pin-activations", {
      fiscalCode: this.citizen.fiscalCode,
      firstHalf: this.recall<string>("firstHalf"),
      healthCard: { number: digits.join(""), expiryDate: mine.expiryDate },
    }),
  );
});

Then("the activation is refused without saying which detail was wrong", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("activationAnswer");
  assert.equal(answer.status, 401);
  assert.equal(answer.body.code, "activation-failed");
  assert.doesNotMatch(String(answer.body.detail), /health card does not|wrong health card/i);
});

Then("the second 8 characters of my PIN reach me by email", async function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("activationAnswer");
  assert.equal(answer.status, 202, JSON.stringify(answer.body));
  const second = await secretByEmail(this, this.citizen.email, "Seconda parte", SECOND);
  assert.match(second, /^[A-Z0-9]{8}$/);
  this.remember("secondHalf", second);
  this.remember("pin", this.recall<string>("firstHalf") + second);
});

Then("I am told that my initial PIN has expired and I must request a new one", function (this: SimulatorWorld) {
  const answer = this.recall<Answer>("activationAnswer");
  assert.equal(answer.status, 410);
  assert.equal(answer.body.code, "initial-pin-expired");
});

Then("I can request a new PIN", async function (this: SimulatorWorld) {
  const answer = await call(this, "POST", "/api/v1/pin-requests", await requestBody(this, { deliveryProfile: "post-then-activate" }));
  assert.equal(answer.status, 202, JSON.stringify(answer.body));
});

Then("I cannot request a second PIN while this one is valid", async function (this: SimulatorWorld) {
  const answer = await call(this, "POST", "/api/v1/pin-requests", await requestBody(this));
  assert.equal(answer.status, 409);
  assert.equal(answer.body.code, "credential-exists");
});

