// R01–R05 in the citizen's journeys: asking for the PIN, the two halves by two channels, activation, the 90 days.
import assert from "node:assert/strict";
import { Given, Then, When } from "@cucumber/cucumber";
import type { IdentityResult, PinRequestAccepted } from "@inps-sim/clients";
import { checkCharacter, fiscalCodeMismatches, PIN_ALPHABET } from "@inps-sim/domain";
import {
  askForPin,
  expectOk,
  expectProblem,
  kept,
  LABEL,
  lettersWith,
  letterWith,
  mailsWith,
  noteSecret,
  nudgeOutbox,
  pecOf,
  pinRequestOf,
  secretBy,
  setPin,
  smsWith,
  type SpokenChannel,
} from "../../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../../support/world.ts";

const DAY_MS = 86_400_000;
const HALF = new RegExp(`^[${PIN_ALPHABET}]{8}$`);

/** Every 16-character PIN seen by this worker: a new one must be none of them (R02, "unique to the citizen"). */
const pinsSeenByThisWorker = new Set<string>();

const requestAnswer = (world: SimulatorWorld) => world.recall<IdentityResult<PinRequestAccepted>>("journey.request");

When("the citizen asks online for a PIN, with the first half by {halfChannel}", async function (this: SimulatorWorld, channel: SpokenChannel) {
  await askForPin(this, channel);
});

When("the citizen phones the contact centre and an operator asks for a PIN on the citizen's behalf", async function (this: SimulatorWorld) {
  this.remember("journey.requestedAt", await this.sim.now());
  this.remember("journey.firstHalfChannel", "email");
  const body = await pinRequestOf(this, { deliveryProfile: "digital-then-post", firstHalfChannel: "email" });
  this.remember("journey.request", kept(this, await this.identity.operatorRequestPin(body)));
});

Then("the citizen's timeline shows that the request came through the contact centre", async function (this: SimulatorWorld) {
  const timeline = expectOk(await this.identity.operatorEvents(this.citizen.fiscalCode), "the operator's timeline");
  const requested = timeline.events.find((e) => e.type === "pin-requested");
  assert.ok(requested, `no request on the timeline: ${timeline.events.map((e) => e.type).join(", ")}`);
  assert.equal(requested.data.via, "contact-centre", `the request came ${JSON.stringify(requested.data.via)}`);
});

Given("the citizen has asked online for a PIN, with the first half by {halfChannel}", async function (this: SimulatorWorld, channel: SpokenChannel) {
  expectOk(await askForPin(this, channel), "the PIN request");
});

Then("INPS accepts the request, to be activated within 90 days", function (this: SimulatorWorld) {
  const accepted = expectOk(requestAnswer(this), "the PIN request");
  const channel = this.recall<SpokenChannel>("journey.firstHalfChannel");
  const expected =
    channel === "post" ? { firstHalf: "post", secondHalf: "email" } : { firstHalf: channel === "SMS" ? "sms" : channel === "PEC" ? "pec" : "email", secondHalf: "post" };
  assert.deepEqual(accepted.channels, expected, "the halves do not travel by the channels the citizen chose");
  const days = (Date.parse(accepted.activationDeadline) - this.recall<Date>("journey.requestedAt").getTime()) / DAY_MS;
  assert.ok(Math.abs(days - 90) < 0.01, `the PIN must be activated ${days.toFixed(3)} days after the request, not 90`);
});

Then("the first half of the PIN reaches the citizen by {halfChannel}", async function (this: SimulatorWorld, channel: SpokenChannel) {
  const first = await secretBy(this, channel, LABEL.firstHalf);
  assert.match(first, HALF, `the first half "${first.length} characters" is not 8 letters and digits`);
  this.remember("journey.firstHalf", first);
});

Then("a letter with the second half is posted by posta ordinaria to the citizen's residence", async function (this: SimulatorWorld) {
  const letter = await letterWith(this, LABEL.secondHalf);
  const home = this.citizen.residence;
  assert.equal(letter.service, "ordinaria", "PIN halves go by posta ordinaria");
  assert.deepEqual(
    { street: letter.recipient.street, postalCode: letter.recipient.postalCode, city: letter.recipient.city },
    { street: home.street, postalCode: home.postalCode, city: home.city },
    "the letter is not addressed to the citizen's residence",
  );
  this.remember("journey.letterId", letter.id);
});

Then("the letter is not in the citizen's letterbox yet", async function (this: SimulatorWorld) {
  const letter = await this.postal.get(this.recall<string>("journey.letterId"));
  assert.notEqual(letter.status, "delivered", "the letter was delivered the moment it was posted");
});

Then("the citizen finds the letter with the {word} half in the letterbox", async function (this: SimulatorWorld, which: string) {
  const label = which === "first" ? LABEL.firstHalf : LABEL.secondHalf;
  const letter = await letterWith(this, label);
  assert.equal(letter.status, "delivered", `after two weeks the letter is still ${letter.status} (expected by ${letter.expectedDeliveryDate})`);
  assert.match(letter.value, HALF);
  this.remember(which === "first" ? "journey.firstHalf" : "journey.secondHalf", letter.value);
});

Then("the two halves together make a PIN of 16 letters and digits, unique to the citizen", function (this: SimulatorWorld) {
  const pin = this.recall<string>("journey.firstHalf") + this.recall<string>("journey.secondHalf");
  assert.match(pin, new RegExp(`^[${PIN_ALPHABET}]{16}$`), "the initial PIN is not 16 letters and digits");
  assert.ok(!pinsSeenByThisWorker.has(pin), "another citizen was given the same 16 characters");
  pinsSeenByThisWorker.add(pin);
  setPin(this, pin);
});

Then("a letter with the first half and the instructions to activate the PIN is posted to the citizen's residence", async function (this: SimulatorWorld) {
  const letter = await letterWith(this, LABEL.firstHalf);
  assert.equal(letter.service, "ordinaria");
  assert.equal(letter.recipient.postalCode, this.citizen.residence.postalCode);
  assert.match(letter.body, /Attiva PIN/, "the letter does not say how to activate the PIN");
  assert.match(letter.body, /tessera sanitaria/i, "the letter does not say the tessera sanitaria is needed");
  this.remember("journey.letterId", letter.id);
});

Then("the second half of the PIN has not been sent to the citizen", async function (this: SimulatorWorld) {
  await nudgeOutbox(this);
  const mails = [...(await mailsWith(this, this.citizen.email, LABEL.secondHalf)), ...(await mailsWith(this, pecOf(this), LABEL.secondHalf))];
  assert.equal(mails.length, 0, "a second half was emailed");
  assert.equal((await smsWith(this, LABEL.secondHalf)).length, 0, "a second half was sent by SMS");
  assert.equal((await lettersWith(this, LABEL.secondHalf)).length, 0, "a second half was posted");
});

Given("the citizen has the letter with the first half of a PIN requested by post", async function (this: SimulatorWorld) {
  expectOk(await askForPin(this, "post"), "the PIN request");
  this.remember("journey.firstHalf", (await letterWith(this, LABEL.firstHalf)).value);
});

async function activate(world: SimulatorWorld, override: { firstHalf?: string; number?: string; expiryDate?: string } = {}) {
  const card = await world.healthCard();
  const result = kept(
    world,
    await world.identity.activate({
      fiscalCode: world.citizen.fiscalCode,
      firstHalf: override.firstHalf ?? world.recall<string>("journey.firstHalf"),
      healthCard: { number: override.number ?? card.number, expiryDate: override.expiryDate ?? card.expiryDate },
    }),
  );
  world.remember("journey.attempt", result);
  const all = world.memory.has("journey.activations") ? world.recall<IdentityResult<unknown>[]>("journey.activations") : [];
  world.remember("journey.activations", [...all, result]);
  return world.remember("journey.activation", result);
}

When("the citizen activates the PIN with the fiscal code, the first half and the tessera sanitaria", async function (this: SimulatorWorld) {
  await activate(this);
});

When("the citizen activates the PIN giving {wrongActivationDetail}", async function (this: SimulatorWorld, detail: string) {
  const card = await this.healthCard();
  if (detail.startsWith("a health card number")) {
    // Another valid-looking number: the last digit moved on by one.
    const last = Number(card.number.at(-1));
    await activate(this, { number: `${card.number.slice(0, -1)}${(last + 1) % 10}` });
  } else if (detail.startsWith("a wrong expiry date")) {
    const other = new Date(Date.parse(`${card.expiryDate}T00:00:00Z`) + 31 * DAY_MS).toISOString().slice(0, 10);
    await activate(this, { expiryDate: other });
  } else {
    const first = this.recall<string>("journey.firstHalf");
    await activate(this, { firstHalf: noteSecret(this, `${first.slice(0, -1)}${first.endsWith("7") ? "8" : "7"}`) });
  }
});

Then("the activation is accepted", function (this: SimulatorWorld) {
  const activated = expectOk(this.recall<IdentityResult<unknown>>("journey.activation"), "the activation");
  assert.deepEqual(activated, { status: "activated", secondHalfChannel: "email" });
});

Then("the second half of the PIN reaches the citizen by email", async function (this: SimulatorWorld) {
  expectOk(this.recall<IdentityResult<unknown>>("journey.activation"), "the activation");
  const second = await secretBy(this, "email", LABEL.secondHalf);
  assert.match(second, HALF);
  this.remember("journey.secondHalf", second);
  setPin(this, this.recall<string>("journey.firstHalf") + second);
});

Then("the activation is refused without naming the detail that was wrong", function (this: SimulatorWorld) {
  const problem = expectProblem(this.recall<IdentityResult<unknown>>("journey.activation"), 401, "activation-failed", "the activation");
  const said = `${problem.title} ${problem.detail ?? ""} ${JSON.stringify(problem.errors ?? [])}`;
  // One generic answer: it may list what was checked, but must not point at the detail that failed.
  assert.doesNotMatch(said, /(card|tessera|first half|prima parte|expiry|scadenza)\s+(is|was|does not|non)\b/i, `the refusal says which detail was wrong: ${said}`);
  assert.equal(problem.errors, undefined, "the refusal names fields");
});

Then("the {int} refusals are the same", function (this: SimulatorWorld, count: number) {
  const refusals = this.recall<IdentityResult<unknown>[]>("journey.activations");
  assert.equal(refusals.length, count);
  // Everything but the request id, which is each answer's own.
  const seen = refusals.map((r) => {
    assert.ok(!r.ok, `an activation with a wrong detail was accepted`);
    const { requestId: _id, ...rest } = r.problem;
    return JSON.stringify(rest);
  });
  assert.equal(new Set(seen).size, 1, `the refusals differ:\n${seen.join("\n")}`);
});

When("it is day {int} after the citizen's request", async function (this: SimulatorWorld, day: number) {
  await this.sim.setTo(new Date(this.recall<Date>("journey.requestedAt").getTime() + day * DAY_MS));
});

Then("the citizen is told that the initial PIN has expired and a new one is needed", function (this: SimulatorWorld) {
  expectProblem(this.recall<IdentityResult<unknown>>("journey.attempt"), 410, "initial-pin-expired", "the attempt with the initial PIN");
});

Then("the citizen can ask for a new PIN", async function (this: SimulatorWorld) {
  const again = kept(this, await this.identity.requestPin(await pinRequestOf(this, { deliveryProfile: "post-then-activate", firstHalfChannel: "email" })));
  expectOk(again, "a new request after the initial PIN expired");
});

// R01: the anagrafica against the codice fiscale.
const DETAIL_FIELD: Record<string, "birthDate" | "gender" | "lastName" | "firstName" | "birthPlace"> = {
  "birth date": "birthDate",
  sex: "gender",
  surname: "lastName",
  name: "firstName",
  "birth place": "birthPlace",
};
const CANDIDATES = {
  lastName: ["Zanchetta", "Bianchi", "Quaglia"],
  firstName: ["Ottavio", "Beatrice", "Ugo"],
  birthPlace: ["H501", "F205", "A944"],
} as const;

When(
  "the citizen asks online for a PIN giving {mismatchedDetail} that does not match the fiscal code",
  async function (this: SimulatorWorld, detail: string) {
    const field = DETAIL_FIELD[detail];
    assert.ok(field, `no field for "${detail}"`);
    const c = this.citizen;
    let value: string;
    if (field === "birthDate") value = `${Number(c.birthDate.slice(0, 4)) - 1}${c.birthDate.slice(4)}`;
    else if (field === "gender") value = c.gender === "M" ? "F" : "M";
    else {
      // The first candidate that really disagrees with this citizen's fiscal code.
      const found = CANDIDATES[field].find((v) => fiscalCodeMismatches(c.fiscalCode, { ...c, [field]: v }).some((p) => p.path === field));
      assert.ok(found, `no ${field} disagrees with ${c.fiscalCode}`);
      value = found;
    }
    await askForPin(this, "email", { [field]: value });
  },
);

When("the citizen asks online for a PIN with a fiscal code whose check character is wrong", async function (this: SimulatorWorld) {
  const code = this.citizen.fiscalCode;
  const right = checkCharacter(code.slice(0, 15));
  await askForPin(this, "email", { fiscalCode: `${code.slice(0, 15)}${right === "A" ? "B" : "A"}` });
});

When("the citizen asks online for a PIN giving no email, PEC or mobile number", async function (this: SimulatorWorld) {
  await askForPin(this, "email", { contacts: {} });
});

function refusedNaming(world: SimulatorWorld, field: string) {
  const problem = expectProblem(requestAnswer(world), 400, "validation-failed", "the PIN request");
  const paths = (problem.errors ?? []).map((e) => e.path);
  assert.ok(
    paths.some((p) => p === field || p.startsWith(`${field}.`)),
    `the refusal names ${paths.join(", ") || "no field"}, not ${field}`,
  );
}

Then("the request is refused, naming the field {string}", function (this: SimulatorWorld, field: string) {
  refusedNaming(this, field);
});

Then("the request is refused, naming the contacts", function (this: SimulatorWorld) {
  refusedNaming(this, "contacts");
});

Then("the request is refused because the citizen already has a PIN", function (this: SimulatorWorld) {
  expectProblem(requestAnswer(this), 409, "credential-exists", "a second PIN request");
});

Then("nothing has been sent to the citizen", async function (this: SimulatorWorld) {
  await nudgeOutbox(this);
  assert.equal((await this.mail.search(`to:${this.citizen.email}`)).messages.length, 0, "an email was sent");
  assert.equal((await this.mail.search(`to:${pecOf(this)}`)).messages.length, 0, "a PEC was sent");
  assert.equal((await this.sms.list({ to: this.citizen.mobile })).length, 0, "an SMS was sent");
  assert.equal((await this.postal.list({ name: `${this.citizen.firstName} ${this.citizen.lastName}` })).length, 0, "a letter was posted");
});
