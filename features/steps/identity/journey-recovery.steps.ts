// R15–R19 and R21 in the citizen's journeys: "Hai smarrito il tuo PIN?", the link and the codice di ripristino,
// the new PIN in two parts by SMS and email, and how long it all takes.
import assert from "node:assert/strict";
import { After, Given, Then, When } from "@cucumber/cucumber";
import {
  type IdentityResult,
  type RecoveryAccepted,
  type RecoveryConfirmed,
  type RecoveryContactsProfile,
  type RecoveryRequestInput,
} from "@inps-sim/clients";
import { randomPersona } from "@inps-sim/domain";
import { randomBytes } from "node:crypto";
import {
  currentPin,
  expectOk,
  expectProblem,
  kept,
  LABEL,
  logIn,
  noteSecret,
  nudgeOutbox,
  pecOf,
  secretBy,
  setPin,
  smsWith,
  token,
} from "../../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../../support/world.ts";

const RECOVERY = { code: "Codice di ripristino", link: "Link di ripristino" } as const;
const WAIT_MS = 10_000;

interface RecoveryLink {
  token: string;
  code: string;
  mailId: string;
}

const askAnswer = (world: SimulatorWorld) => world.recall<IdentityResult<RecoveryAccepted>>("recovery.ask");
const confirmAnswer = (world: SimulatorWorld) => world.recall<IdentityResult<RecoveryConfirmed>>("recovery.confirm");
const link = (world: SimulatorWorld) => world.recall<RecoveryLink>("recovery.link");

Given("a citizen whose PIN is {string}, registered with email, PEC and mobile", async function (this: SimulatorWorld, pin: string) {
  const c = this.citizen;
  const created = await this.identity.simCreateCitizen({
    fiscalCode: c.fiscalCode,
    firstName: c.firstName,
    lastName: c.lastName,
    gender: c.gender,
    birthDate: c.birthDate,
    birthPlace: c.birthPlace,
    residence: c.residence,
    contacts: { email: c.email, pec: pecOf(this), mobile: c.mobile },
    healthCard: await this.healthCard(),
    pin,
  });
  expectOk(created, "creating the citizen on the control plane");
  setPin(this, pin);
});

Given("recovery follows the profile {string}", async function (this: SimulatorWorld, profile: RecoveryContactsProfile) {
  const before = expectOk(await this.identity.simRecoveryContacts(), "reading the recovery profile");
  this.remember("recovery.profileBefore", before.profile);
  expectOk(await this.identity.simSetRecoveryContacts(profile), `switching recovery to ${profile}`);
});

// The profile belongs to the stack: put back whatever a scenario switched, pass or fail.
After(async function (this: SimulatorWorld) {
  if (!this.memory.has("recovery.profileBefore")) return;
  await this.identity.simSetRecoveryContacts(this.recall<RecoveryContactsProfile>("recovery.profileBefore"));
});

/** "the mobile number without the country code", "a wrong email address", "the PEC address", … as request fields. */
function contactsFrom(world: SimulatorWorld, spoken: string): Omit<RecoveryRequestInput, "fiscalCode"> {
  const c = world.citizen;
  const out: Omit<RecoveryRequestInput, "fiscalCode"> = {};
  for (const part of spoken.split(/,\s*|\s+and\s+/)) {
    const wrong = part.startsWith("a wrong ");
    if (part.includes("mobile number")) {
      const national = c.mobile.replace(/^\+39/, "");
      out.mobile = wrong ? `+39${national.slice(0, -2)}${national.endsWith("00") ? "11" : "00"}` : part.includes("without the country code") ? national : c.mobile;
    } else if (part.includes("PEC address")) {
      out.pec = wrong ? `altro.${pecOf(world)}` : pecOf(world);
    } else if (part.includes("email address")) {
      out.email = wrong ? `altro.${c.email}` : part.includes("capital letters") ? c.email.toUpperCase() : c.email;
    } else {
      assert.fail(`no contact in "${part}"`);
    }
  }
  return out;
}

async function ask(world: SimulatorWorld, input: RecoveryRequestInput) {
  if (!world.memory.has("recovery.requestedAt")) world.remember("recovery.requestedAt", await world.sim.now());
  return world.remember("recovery.ask", kept(world, await world.identity.askRecovery(input)));
}

When(/^the citizen asks to recover the PIN giving (.+)$/, async function (this: SimulatorWorld, spoken: string) {
  await ask(this, { fiscalCode: this.citizen.fiscalCode, ...contactsFrom(this, spoken) });
});

When(
  "someone asks to recover a PIN for a fiscal code unknown to INPS, giving the citizen's mobile and email",
  async function (this: SimulatorWorld) {
    const stranger = randomPersona({ bytes: (n: number) => new Uint8Array(randomBytes(n)) });
    await ask(this, { fiscalCode: stranger.fiscalCode, email: this.citizen.email, mobile: this.citizen.mobile });
  },
);

function sameAnswer(a: IdentityResult<unknown>, b: IdentityResult<unknown>, what: string) {
  assert.equal(a.status, b.status, `${what}: ${a.status} vs ${b.status}`);
  assert.deepEqual(a.ok ? a.body : a.problem, b.ok ? b.body : b.problem, what);
}

Then("the citizen is told only that the request was accepted, exactly as for a fiscal code unknown to INPS", async function (this: SimulatorWorld) {
  const answer = askAnswer(this);
  const accepted = expectOk(answer, "the recovery request");
  assert.equal(answer.status, 202);
  assert.deepEqual(accepted, { status: "accepted" });
  const stranger = randomPersona({ bytes: (n: number) => new Uint8Array(randomBytes(n)) });
  const unknown = await this.identity.askRecovery({ fiscalCode: stranger.fiscalCode, email: stranger.email, mobile: stranger.mobile, pec: `${stranger.email.split("@")[0]}@pec.it` });
  sameAnswer(answer, unknown, "the answer for the citizen and for an unknown fiscal code");
});

Then("the answer is the same as when the citizen asks with the mobile number and the email address", async function (this: SimulatorWorld) {
  const own = await this.identity.askRecovery({ fiscalCode: this.citizen.fiscalCode, email: this.citizen.email, mobile: this.citizen.mobile });
  sameAnswer(askAnswer(this), own, "the answers for an unknown and a known fiscal code");
});

Then("the citizen is told that the mobile number is missing, in Italian", function (this: SimulatorWorld) {
  const problem = expectProblem(askAnswer(this), 400, "validation-failed", "a recovery without the mobile number");
  assert.ok((problem.errors ?? []).some((e) => e.path === "mobile" && /numero di cellulare/.test(e.message)), JSON.stringify(problem.errors));
  assert.match(problem.detail ?? "", /cellulare/);
});

/** Waits for a recovery message at `address` that the scenario has not read yet; keeps its token and code. */
async function recoveryMessage(world: SimulatorWorld, address: string): Promise<RecoveryLink> {
  const seen = world.memory.has("recovery.seen") ? world.recall<Set<string>>("recovery.seen") : world.remember("recovery.seen", new Set<string>());
  await nudgeOutbox(world);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = await world.mail.search(`to:${address}`);
    for (const summary of found.messages) {
      if (seen.has(summary.ID)) continue;
      const message = await world.mail.message(summary.ID);
      const code = await world.mail.secretIn(message, RECOVERY.code);
      const url = await world.mail.secretIn(message, RECOVERY.link);
      if (code === undefined || url === undefined) continue;
      seen.add(summary.ID);
      noteSecret(world, code);
      return { token: noteSecret(world, url.slice(url.lastIndexOf("/") + 1)), code, mailId: summary.ID };
    }
    if (Date.now() >= deadline) assert.fail(`no recovery message reached ${address} within ${WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

Then(/^an? (email|PEC) arrives with a link di ripristino and a codice di ripristino$/, async function (this: SimulatorWorld, channel: string) {
  const address = channel === "PEC" ? pecOf(this) : this.citizen.email;
  this.remember("recovery.link", await recoveryMessage(this, address));
});

When("the citizen asks to recover the PIN again, and a second email arrives", async function (this: SimulatorWorld) {
  this.remember("recovery.firstLink", link(this));
  await ask(this, { fiscalCode: this.citizen.fiscalCode, email: this.citizen.email, mobile: this.citizen.mobile });
  this.remember("recovery.link", await recoveryMessage(this, this.citizen.email));
});

Then("no codice di ripristino reaches the citizen", async function (this: SimulatorWorld) {
  await nudgeOutbox(this);
  const queued = expectOk(await this.identity.simOutbox({ fiscalCode: this.citizen.fiscalCode }), "the outbox");
  assert.deepEqual(queued.messages.filter((m) => m.purpose === "recovery-link"), [], "a recovery link was queued");
  for (const address of [this.citizen.email, pecOf(this)]) {
    const found = await this.mail.search(`to:${address}`);
    for (const summary of found.messages) {
      const message = await this.mail.message(summary.ID);
      assert.equal(await this.mail.secretIn(message, RECOVERY.code), undefined, `a codice di ripristino reached ${address}`);
    }
  }
});

Then("the citizen's timeline says the recovery was refused because {string}", async function (this: SimulatorWorld, reason: string) {
  const timeline = expectOk(await this.identity.operatorEvents(this.citizen.fiscalCode), "the operator's timeline");
  const asked = timeline.events.find((e) => e.type === "recovery-requested");
  assert.ok(asked, `no recovery request in the timeline: ${timeline.events.map((e) => e.type).join(", ")}`);
  assert.equal(asked.data.matched, false);
  assert.equal(asked.data.reason, reason);
});

When("the citizen opens the link", async function (this: SimulatorWorld) {
  const page = expectOk(await this.identity.recoveryForm(link(this).token), "opening the recovery link");
  assert.equal(typeof page, "string");
  assert.match(String(page), /Codice di ripristino/);
  assert.match(String(page), /Codice fiscale/);
});

When("a mail scanner opens the link before the citizen does", async function (this: SimulatorWorld) {
  for (let i = 0; i < 3; i++) expectOk(await this.identity.recoveryForm(link(this).token), "a scanner fetching the link");
});

async function confirmWith(world: SimulatorWorld, recovery: RecoveryLink, code: string) {
  return world.remember(
    "recovery.confirm",
    kept(world, await world.identity.confirmRecovery(recovery.token, { fiscalCode: world.citizen.fiscalCode, recoveryCode: code })),
  );
}

When("the citizen types the fiscal code and the codice di ripristino at the link", async function (this: SimulatorWorld) {
  await confirmWith(this, link(this), link(this).code);
});

When("the citizen types the fiscal code and a wrong codice di ripristino at the link", async function (this: SimulatorWorld) {
  const right = link(this).code;
  // Another code of the same shape: the first character moved on by one in the alphabet.
  const wrong = `${right.startsWith("A") ? "B" : "A"}${right.slice(1)}`;
  await confirmWith(this, link(this), wrong);
});

When("the citizen types the fiscal code and the code of the first email at its link", async function (this: SimulatorWorld) {
  const first = this.recall<RecoveryLink>("recovery.firstLink");
  await confirmWith(this, first, first.code);
});

Then("the citizen is told that the new PIN is on its way: the first 8 characters by SMS, the other 8 by email", function (this: SimulatorWorld) {
  const answer = confirmAnswer(this);
  const confirmed = expectOk(answer, "confirming the recovery");
  assert.equal(answer.status, 202);
  assert.deepEqual(confirmed, { status: "pin-sent", channels: { firstHalf: "sms", secondHalf: "email" } });
});

Then("the citizen is told that the codice di ripristino is wrong", function (this: SimulatorWorld) {
  const problem = expectProblem(confirmAnswer(this), 401, "recovery-failed", "a wrong codice di ripristino");
  assert.match(problem.detail ?? "", /codice di ripristino/);
});

Then("the citizen is told that the link is no longer valid", function (this: SimulatorWorld) {
  expectProblem(confirmAnswer(this), 410, "recovery-expired", "a link no longer valid");
});

When("the citizen confirms at the link twice at the same moment", async function (this: SimulatorWorld) {
  const l = link(this);
  const both = await Promise.all([1, 2].map(() => this.identity.confirmRecovery(l.token, { fiscalCode: this.citizen.fiscalCode, recoveryCode: l.code })));
  this.remember("recovery.concurrent", both);
});

Then("exactly one confirmation is accepted and the other is told that the link is no longer valid", function (this: SimulatorWorld) {
  const both = this.recall<IdentityResult<RecoveryConfirmed>[]>("recovery.concurrent");
  assert.deepEqual(both.map((r) => r.status).sort(), [202, 410]);
  const refused = both.find((r) => !r.ok);
  assert.equal(refused && !refused.ok ? refused.problem.code : undefined, "recovery-expired");
});

Then("exactly one SMS with the first part of a new PIN reaches the citizen", async function (this: SimulatorWorld) {
  await secretBy(this, "SMS", LABEL.firstHalf);
  assert.equal((await smsWith(this, LABEL.firstHalf)).length, 1);
});

Then("the first 8 characters of a new PIN arrive by SMS and the other 8 by email", async function (this: SimulatorWorld) {
  const first = await secretBy(this, "SMS", LABEL.firstHalf);
  const second = await secretBy(this, "email", LABEL.secondHalf);
  assert.equal(first.length, 8);
  assert.equal(second.length, 8);
  this.remember("recovery.halves", { first, second });
});

Then("the messages with the new PIN speak of caratteri, never of cifre", async function (this: SimulatorWorld) {
  const sms = await this.sms.list({ to: this.citizen.mobile });
  const texts = sms.filter((m) => m.text.includes(LABEL.firstHalf)).map((m) => m.text);
  const mail = await this.mail.search(`to:${this.citizen.email}`);
  for (const summary of mail.messages) {
    const message = await this.mail.message(summary.ID);
    if (await this.mail.secretIn(message, LABEL.secondHalf) !== undefined) texts.push(message.Text);
  }
  assert.equal(texts.length, 2, "the SMS and the email with the new PIN");
  for (const text of texts) {
    assert.doesNotMatch(text, /cifre/i);
  }
  assert.ok(texts.some((t) => /caratteri/.test(t)), "no message speaks of caratteri");
});

When("the citizen logs in with the SMS part first, then the email part", async function (this: SimulatorWorld) {
  const { first, second } = this.recall<{ first: string; second: string }>("recovery.halves");
  setPin(this, first + second);
  this.remember("journey.attempt", await logIn(this, first + second));
});

When("the citizen logs in with the email part first, then the SMS part", async function (this: SimulatorWorld) {
  const { first, second } = this.recall<{ first: string; second: string }>("recovery.halves");
  this.remember("journey.attempt", await logIn(this, second + first));
});

/** Ask, read the link and code, confirm, read both parts: what a citizen does in a few minutes. */
async function recoverUpToTheParts(world: SimulatorWorld) {
  await ask(world, { fiscalCode: world.citizen.fiscalCode, email: world.citizen.email, mobile: world.citizen.mobile });
  expectOk(askAnswer(world), "the recovery request");
  world.remember("recovery.link", await recoveryMessage(world, world.citizen.email));
  expectOk(await confirmWith(world, link(world), link(world).code), "confirming the recovery");
  const first = await secretBy(world, "SMS", LABEL.firstHalf);
  const second = await secretBy(world, "email", LABEL.secondHalf);
  world.remember("recovery.halves", { first, second });
}

When("the citizen recovers the PIN up to the two parts of the new PIN", async function (this: SimulatorWorld) {
  if (this.memory.has("journey.token")) this.remember("recovery.sessionBefore", token(this));
  await recoverUpToTheParts(this);
});

Then("the session opened before the recovery no longer opens the citizen's page", async function (this: SimulatorWorld) {
  const before = this.recall<string>("recovery.sessionBefore");
  expectProblem(await this.identity.me(before), 401, "unauthenticated", "the session opened before the recovery");
});

When("the citizen recovers the PIN online, up to logging in with the generated PIN", async function (this: SimulatorWorld) {
  await recoverUpToTheParts(this);
  const { first, second } = this.recall<{ first: string; second: string }>("recovery.halves");
  const session = expectOk(await logIn(this, first + second), "logging in with the two parts");
  assert.equal(session.requiredAction, "confirm-generated-pin");
  const { pin } = expectOk(await this.identity.showGeneratedPin(session.token), "asking for the generated PIN");
  noteSecret(this, pin);
  expectOk(await this.identity.confirmGeneratedPin(session.token, pin), "typing the generated PIN back");
  setPin(this, pin);
  const done = expectOk(await logIn(this, currentPin(this)), "logging in with the generated PIN");
  assert.equal(done.requiredAction, null);
});

Then("less than {int} minutes of simulated time have passed since the request", async function (this: SimulatorWorld, minutes: number) {
  const elapsed = (await this.sim.now()).getTime() - this.recall<Date>("recovery.requestedAt").getTime();
  assert.ok(elapsed < minutes * 60_000, `${(elapsed / 60_000).toFixed(1)} minutes of simulated time passed`);
});

Then("a letter by posta ordinaria sent now would arrive only on a later working day", async function (this: SimulatorWorld) {
  const c = this.citizen;
  const letter = await this.postal.send({
    recipient: { name: `${c.firstName} ${c.lastName}`, ...c.residence },
    service: "ordinaria",
    subject: "Confronto dei tempi (R21)",
    body: "Lettera di prova: quanto impiega la posta ordinaria.",
  });
  const today = (await this.sim.now()).toISOString().slice(0, 10);
  assert.ok(letter.expectedDeliveryDate > today, `a letter accepted on ${today} is expected on ${letter.expectedDeliveryDate}`);
});
