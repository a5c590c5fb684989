// R01–R05: asking for the PIN ("Richiedi PIN"), the two halves by two channels, activation ("Attiva PIN"), the 90 days.
import assert from "node:assert/strict";
import { Given, Then, When } from "@cucumber/cucumber";
import type { Activated, IdentityResult } from "@inps-sim/clients";
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
  profileFor,
  requestMade,
  secretBy,
  setPin,
  smsWith,
  type SpokenChannel,
} from "../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../support/world.ts";

const DAY_MS = 86_400_000;
const HALF = new RegExp(`^[${PIN_ALPHABET}]{8}$`);

/** Every 16-character PIN seen by this worker: a new one must be none of them (R02, "unique to the citizen"). */
const pinsSeenByThisWorker = new Set<string>();

/** "Richiedi PIN" online; `post` asks for the profile post-then-activate (first half by letter). */
When(
  "the citizen asks online for a PIN, with the first half by {halfChannel}",
  async function (this: SimulatorWorld, channel: SpokenChannel) {
    await askForPin(this, channel);
  },
);

/** As the When step, and the request must be accepted. */
Given(
  "the citizen has asked online for a PIN, with the first half by {halfChannel}",
  async function (this: SimulatorWorld, channel: SpokenChannel) {
    expectOk(await askForPin(this, channel), "the PIN request");
  },
);

/** An operator of the contact centre (803 164) asks for the PIN with the citizen's data (R01, R26). */
When(
  "the citizen phones the contact centre and an operator asks for a PIN on the citizen's behalf",
  async function (this: SimulatorWorld) {
    const at = await this.sim.now();
    const body = await pinRequestOf(this, profileFor("email"));
    this.request = {
      at,
      firstHalfChannel: "email",
      answer: kept(this, await this.identity.operatorRequestPin(body)),
    };
  },
);

/** The request is accepted, the halves travel by the channels chosen, and the deadline is 90 days away (R05). */
Then("INPS accepts the request, to be activated within 90 days", function (this: SimulatorWorld) {
  const { at, firstHalfChannel: channel, answer } = requestMade(this);
  const accepted = expectOk(answer, "the PIN request");
  const expected =
    channel === "post"
      ? { firstHalf: "post", secondHalf: "email" }
      : { firstHalf: channel === "SMS" ? "sms" : channel === "PEC" ? "pec" : "email", secondHalf: "post" };
  assert.deepEqual(accepted.channels, expected, "the halves do not travel by the channels the citizen chose");
  if (/^\d{4}-\d{2}-\d{2}$/.test(accepted.activationDeadline)) {
    // A page states the day (in Italy's time), not the instant.
    const day = new Date(at.getTime() + 90 * DAY_MS).toLocaleDateString("sv-SE", { timeZone: "Europe/Rome" });
    assert.equal(accepted.activationDeadline, day, "the PIN must be activated 90 days after the request");
  } else {
    const days = (Date.parse(accepted.activationDeadline) - at.getTime()) / DAY_MS;
    assert.ok(
      Math.abs(days - 90) < 0.01,
      `the PIN must be activated ${days.toFixed(3)} days after the request, not 90`,
    );
  }
});

/** Waits for the first half on that channel and checks it is 8 letters and digits. */
Then(
  "the first half of the PIN reaches the citizen by {halfChannel}",
  async function (this: SimulatorWorld, channel: SpokenChannel) {
    const first = await secretBy(this, channel, LABEL.firstHalf);
    assert.match(first, HALF, `the first half "${first.length} characters" is not 8 letters and digits`);
    this.halves.first = first;
  },
);

/** The letter with the second half goes by posta ordinaria to the residence given with the request. */
Then(
  "a letter with the second half is posted by posta ordinaria to the citizen's residence",
  async function (this: SimulatorWorld) {
    const letter = await letterWith(this, LABEL.secondHalf);
    const home = this.citizen.residence;
    assert.equal(letter.service, "ordinaria", "PIN halves go by posta ordinaria");
    assert.deepEqual(
      {
        street: letter.recipient.street,
        postalCode: letter.recipient.postalCode,
        city: letter.recipient.city,
      },
      { street: home.street, postalCode: home.postalCode, city: home.city },
      "the letter is not addressed to the citizen's residence",
    );
    this.letterId = letter.id;
  },
);

/** The letter found before has not been delivered yet. */
Then("the letter is not in the citizen's letterbox yet", async function (this: SimulatorWorld) {
  assert.ok(this.letterId, "no letter was found earlier in the scenario");
  const letter = await this.postal.get(this.letterId);
  assert.notEqual(letter.status, "delivered", "the letter was delivered the moment it was posted");
});

/** The letter with that half has been delivered; its half is kept. */
Then(
  "the citizen finds the letter with the {word} half in the letterbox",
  async function (this: SimulatorWorld, which: string) {
    const label = which === "first" ? LABEL.firstHalf : LABEL.secondHalf;
    const letter = await letterWith(this, label);
    assert.equal(
      letter.status,
      "delivered",
      `the letter is still ${letter.status} (expected by ${letter.expectedDeliveryDate})`,
    );
    assert.match(letter.value, HALF);
    if (which === "first") this.halves.first = letter.value;
    else this.halves.second = letter.value;
  },
);

/** First and second half make 16 letters and digits no other citizen of this run was given (R02). */
Then(
  "the two halves together make a PIN of 16 letters and digits, unique to the citizen",
  function (this: SimulatorWorld) {
    const { first, second } = this.halves;
    assert.ok(first && second, "the citizen does not have both halves");
    const pin = first + second;
    assert.match(pin, new RegExp(`^[${PIN_ALPHABET}]{16}$`), "the initial PIN is not 16 letters and digits");
    assert.ok(!pinsSeenByThisWorker.has(pin), "another citizen was given the same 16 characters");
    pinsSeenByThisWorker.add(pin);
    setPin(this, pin);
  },
);

/** Profile post-then-activate: the letter carries the first half and says how to activate (Attiva PIN, tessera sanitaria). */
Then(
  "a letter with the first half and the instructions to activate the PIN is posted to the citizen's residence",
  async function (this: SimulatorWorld) {
    const letter = await letterWith(this, LABEL.firstHalf);
    assert.equal(letter.service, "ordinaria");
    assert.equal(letter.recipient.postalCode, this.citizen.residence.postalCode);
    assert.match(letter.body, /Attiva PIN/, "the letter does not say how to activate the PIN");
    assert.match(
      letter.body,
      /tessera sanitaria/i,
      "the letter does not say the tessera sanitaria is needed",
    );
    this.letterId = letter.id;
  },
);

/** No email, PEC, SMS or letter carries a second half for this citizen. */
Then("the second half of the PIN has not been sent to the citizen", async function (this: SimulatorWorld) {
  await nudgeOutbox(this);
  const mails = [
    ...(await mailsWith(this, this.citizen.email, LABEL.secondHalf)),
    ...(await mailsWith(this, pecOf(this), LABEL.secondHalf)),
  ];
  assert.equal(mails.length, 0, "a second half was emailed");
  assert.equal((await smsWith(this, LABEL.secondHalf)).length, 0, "a second half was sent by SMS");
  assert.equal((await lettersWith(this, LABEL.secondHalf)).length, 0, "a second half was posted");
});

/** Asks for a PIN by post (post-then-activate) and reads the first half from the letter. */
Given(
  "the citizen has the letter with the first half of a PIN requested by post",
  async function (this: SimulatorWorld) {
    expectOk(await askForPin(this, "post"), "the PIN request");
    this.halves.first = (await letterWith(this, LABEL.firstHalf)).value;
  },
);

async function activate(
  world: SimulatorWorld,
  override: { firstHalf?: string; number?: string; expiryDate?: string } = {},
) {
  const card = await world.healthCard();
  const firstHalf = override.firstHalf ?? world.halves.first;
  assert.ok(firstHalf, "the citizen has no first half to activate with");
  const result = kept(
    world,
    await world.driver.activate({
      fiscalCode: world.citizen.fiscalCode,
      firstHalf,
      healthCard: {
        number: override.number ?? card.number,
        expiryDate: override.expiryDate ?? card.expiryDate,
      },
    }),
  );
  world.activations.push(result);
  return result;
}

const lastActivation = (world: SimulatorWorld): IdentityResult<Activated> | undefined =>
  world.activations.at(-1);

/** "Attiva PIN" with the citizen's own fiscal code, first half and health card (R04). */
When(
  "the citizen activates the PIN with the fiscal code, the first half and the tessera sanitaria",
  async function (this: SimulatorWorld) {
    await activate(this);
  },
);

/** "Attiva PIN" with one detail that is not the citizen's. */
When(
  "the citizen activates the PIN giving {wrongActivationDetail}",
  async function (this: SimulatorWorld, detail: string) {
    const card = await this.healthCard();
    if (detail.startsWith("a health card number")) {
      // Another valid-looking number: the last digit moved on by one.
      const last = Number(card.number.at(-1));
      await activate(this, { number: `${card.number.slice(0, -1)}${(last + 1) % 10}` });
    } else if (detail.startsWith("a wrong expiry date")) {
      const other = new Date(Date.parse(`${card.expiryDate}T00:00:00Z`) + 31 * DAY_MS)
        .toISOString()
        .slice(0, 10);
      await activate(this, { expiryDate: other });
    } else {
      const first = this.halves.first ?? "";
      await activate(this, {
        firstHalf: noteSecret(this, `${first.slice(0, -1)}${first.endsWith("7") ? "8" : "7"}`),
      });
    }
  },
);

/** The last activation was accepted; the second half goes by email. */
Then("the activation is accepted", function (this: SimulatorWorld) {
  const activated = expectOk(lastActivation(this), "the activation");
  assert.deepEqual(activated, { status: "activated", secondHalfChannel: "email" });
});

/** After an accepted activation, the second half arrives by email; the citizen now holds 16 characters. */
Then("the second half of the PIN reaches the citizen by email", async function (this: SimulatorWorld) {
  expectOk(lastActivation(this), "the activation");
  const second = await secretBy(this, "email", LABEL.secondHalf);
  assert.match(second, HALF);
  this.halves.second = second;
  setPin(this, (this.halves.first ?? "") + second);
});

/** 401 activation-failed, one generic answer that does not point at the detail that failed. */
Then("the activation is refused without naming the detail that was wrong", function (this: SimulatorWorld) {
  const problem = expectProblem(lastActivation(this), 401, "activation-failed", "the activation");
  const said = `${problem.title} ${problem.detail ?? ""} ${JSON.stringify(problem.errors ?? [])}`;
  // One generic answer: it may list what was checked, but must not point at the detail that failed.
  assert.doesNotMatch(
    said,
    /(card|tessera|first half|prima parte|expiry|scadenza)\s+(is|was|does not|non)\b/i,
    `the refusal says which detail was wrong: ${said}`,
  );
  assert.equal(problem.errors, undefined, "the refusal names fields");
});

/** The scenario's activations were all refused, with answers equal but for their request ids. */
Then("the {int} refusals are the same", function (this: SimulatorWorld, count: number) {
  const refusals = this.activations;
  assert.equal(refusals.length, count);
  const seen = refusals.map((r) => {
    assert.ok(!r.ok, `an activation with a wrong detail was accepted`);
    const { requestId: _id, ...rest } = r.problem;
    return JSON.stringify(rest);
  });
  assert.equal(new Set(seen).size, 1, `the refusals differ:\n${seen.join("\n")}`);
});

/** Sets the simulated clock to that many days after the request. */
When("it is day {int} after the citizen's request", async function (this: SimulatorWorld, day: number) {
  await this.sim.setTo(new Date(requestMade(this).at.getTime() + day * DAY_MS));
});

/** The last answer (a login or an activation) is 410 initial-pin-expired (R05). */
Then(
  "the citizen is told that the initial PIN has expired and a new one is needed",
  function (this: SimulatorWorld) {
    expectProblem(this.lastAnswer, 410, "initial-pin-expired", "the attempt with the initial PIN");
  },
);

/** A new request is accepted (the expired initial PIN no longer counts). */
Then("the citizen can ask for a new PIN", async function (this: SimulatorWorld) {
  const again = kept(this, await this.identity.requestPin(await pinRequestOf(this, profileFor("post"))));
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

/** A request whose personal data disagree with the fiscal code in that one detail. */
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
      const found = CANDIDATES[field].find((v) =>
        fiscalCodeMismatches(c.fiscalCode, { ...c, [field]: v }).some((p) => p.path === field),
      );
      assert.ok(found, `no ${field} disagrees with ${c.fiscalCode}`);
      value = found;
    }
    await askForPin(this, "email", { [field]: value });
  },
);

/** A request whose fiscal code has the wrong 16th (check) character. */
When(
  "the citizen asks online for a PIN with a fiscal code whose check character is wrong",
  async function (this: SimulatorWorld) {
    const code = this.citizen.fiscalCode;
    const right = checkCharacter(code.slice(0, 15));
    await askForPin(this, "email", { fiscalCode: `${code.slice(0, 15)}${right === "A" ? "B" : "A"}` });
  },
);

/** A request with no digital contact at all. */
When(
  "the citizen asks online for a PIN giving no email, PEC or mobile number",
  async function (this: SimulatorWorld) {
    await askForPin(this, "email", { contacts: {} });
  },
);

function refusedNaming(world: SimulatorWorld, field: string) {
  const problem = expectProblem(requestMade(world).answer, 400, "validation-failed", "the PIN request");
  const paths = (problem.errors ?? []).map((e) => e.path);
  assert.ok(
    paths.some((p) => p === field || p.startsWith(`${field}.`)),
    `the refusal names ${paths.join(", ") || "no field"}, not ${field}`,
  );
}

/** 400 validation-failed naming that field of the request. */
Then("the request is refused, naming the field {string}", function (this: SimulatorWorld, field: string) {
  refusedNaming(this, field);
});

/** 400 validation-failed naming the contacts. */
Then("the request is refused, naming the contacts", function (this: SimulatorWorld) {
  refusedNaming(this, "contacts");
});

/** 409 credential-exists: one PIN at a time. */
Then("the request is refused because the citizen already has a PIN", function (this: SimulatorWorld) {
  expectProblem(requestMade(this).answer, 409, "credential-exists", "a second PIN request");
});

/** No email, PEC, SMS or letter has gone to the citizen. */
Then("nothing has been sent to the citizen", async function (this: SimulatorWorld) {
  await nudgeOutbox(this);
  assert.equal((await this.mail.search(`to:${this.citizen.email}`)).messages.length, 0, "an email was sent");
  assert.equal((await this.mail.search(`to:${pecOf(this)}`)).messages.length, 0, "a PEC was sent");
  assert.equal((await this.sms.list({ to: this.citizen.mobile })).length, 0, "an SMS was sent");
  const { messages } = expectOk(
    await this.identity.simOutbox({ fiscalCode: this.citizen.fiscalCode }),
    "the outbox",
  );
  assert.equal(messages.length, 0, `INPS queued ${messages.map((m) => m.purpose).join(", ")}`);
});
