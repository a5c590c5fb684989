// R15–R19 and R21 in the citizen's journeys: "Hai smarrito il tuo PIN?", the link and the codice di ripristino,
// the new PIN in two parts by SMS and email, and how long it all takes.
import assert from "node:assert/strict";
import { After, Given, Then, When } from "@cucumber/cucumber";
import type { IdentityResult, RecoveryContactsProfile, RecoveryRequestInput } from "@inps-sim/clients";
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
  poll,
  secretBy,
  setPin,
  smsWith,
  token,
} from "../support/citizen-journeys.ts";
import type { RecoveryLink, SimulatorWorld } from "../support/world.ts";

const RECOVERY = { code: "Codice di ripristino", link: "Link di ripristino" } as const;

function link(world: SimulatorWorld): RecoveryLink {
  assert.ok(world.recovery.link, "no recovery email has been read in this scenario");
  return world.recovery.link;
}

function halves(world: SimulatorWorld): { first: string; second: string } {
  assert.ok(world.recovery.halves, "the two parts of the new PIN have not arrived in this scenario");
  return world.recovery.halves;
}

/** Creates the citizen on the control plane with that PIN and email, PEC and mobile registered. */
Given(
  "a citizen whose PIN is {string}, registered with email, PEC and mobile",
  async function (this: SimulatorWorld, pin: string) {
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
  },
);

/** Switches the stack's recovery profile (mobile-and-email or any-two, R15); an After hook puts the old one back. */
Given(
  "recovery follows the profile {string}",
  async function (this: SimulatorWorld, profile: RecoveryContactsProfile) {
    const before = expectOk(await this.identity.simRecoveryContacts(), "reading the recovery profile");
    this.recovery.profileBefore ??= before.profile;
    expectOk(await this.identity.simSetRecoveryContacts(profile), `switching recovery to ${profile}`);
  },
);

// The profile belongs to the stack: put back whatever a scenario switched, pass or fail.
After(async function (this: SimulatorWorld) {
  if (this.recovery.profileBefore === undefined) return;
  await this.identity.simSetRecoveryContacts(this.recovery.profileBefore);
});

/** "the mobile number without the country code", "a wrong email address", "the PEC address", … as request fields. */
function contactsFrom(world: SimulatorWorld, spoken: string): Omit<RecoveryRequestInput, "fiscalCode"> {
  const c = world.citizen;
  const out: Omit<RecoveryRequestInput, "fiscalCode"> = {};
  for (const part of spoken.split(/,\s*|\s+and\s+/)) {
    const wrong = part.startsWith("a wrong ");
    if (part.includes("mobile number")) {
      const national = c.mobile.replace(/^\+39/, "");
      out.mobile = wrong
        ? `+39${national.slice(0, -2)}${national.endsWith("00") ? "11" : "00"}`
        : part.includes("without the country code")
          ? national
          : c.mobile;
    } else if (part.includes("PEC address")) {
      out.pec = wrong ? `altro.${pecOf(world)}` : pecOf(world);
    } else if (part.includes("email address")) {
      out.email = wrong
        ? `altro.${c.email}`
        : part.includes("capital letters")
          ? c.email.toUpperCase()
          : c.email;
    } else {
      assert.fail(`no contact in "${part}"`);
    }
  }
  return out;
}

async function ask(world: SimulatorWorld, input: RecoveryRequestInput) {
  world.recovery.requestedAt ??= await world.sim.now();
  world.recovery.asked = kept(world, await world.driver.askRecovery(input));
  return world.recovery.asked;
}

/** "Hai smarrito il tuo PIN?" with the fiscal code and the contacts named ("the mobile number and the email address", "a wrong email address", …). */
When(
  /^the citizen asks to recover the PIN giving (.+)$/,
  async function (this: SimulatorWorld, spoken: string) {
    await ask(this, { fiscalCode: this.citizen.fiscalCode, ...contactsFrom(this, spoken) });
  },
);

/** A recovery request for a fiscal code INPS does not know, with this citizen's contacts. */
When(
  "someone asks to recover a PIN for a fiscal code unknown to INPS, giving the citizen's mobile and email",
  async function (this: SimulatorWorld) {
    const stranger = randomPersona({ bytes: (n: number) => new Uint8Array(randomBytes(n)) });
    await ask(this, {
      fiscalCode: stranger.fiscalCode,
      email: this.citizen.email,
      mobile: this.citizen.mobile,
    });
  },
);

function sameAnswer(a: IdentityResult<unknown> | undefined, b: IdentityResult<unknown>, what: string) {
  assert.ok(a, `${what}: the citizen has not asked to recover the PIN`);
  assert.equal(a.status, b.status, `${what}: ${a.status} vs ${b.status}`);
  assert.deepEqual(a.ok ? a.body : a.problem, b.ok ? b.body : b.problem, what);
}

/** 202 accepted, the very answer an unknown fiscal code gets: nothing tells whether the data matched. */
Then(
  "the citizen is told only that the request was accepted, exactly as for a fiscal code unknown to INPS",
  async function (this: SimulatorWorld) {
    const answer = this.recovery.asked;
    const accepted = expectOk(answer, "the recovery request");
    assert.equal(answer?.status, 202);
    assert.deepEqual(accepted, { status: "accepted" });
    const stranger = randomPersona({ bytes: (n: number) => new Uint8Array(randomBytes(n)) });
    const unknown = await this.identity.askRecovery({
      fiscalCode: stranger.fiscalCode,
      email: stranger.email,
      mobile: stranger.mobile,
      pec: `${stranger.email.split("@")[0]}@pec.it`,
    });
    sameAnswer(answer, unknown, "the answer for the citizen and for an unknown fiscal code");
  },
);

/** The last recovery answer equals the one for the citizen's own fiscal code, mobile and email. */
Then(
  "the answer is the same as when the citizen asks with the mobile number and the email address",
  async function (this: SimulatorWorld) {
    const own = await this.identity.askRecovery({
      fiscalCode: this.citizen.fiscalCode,
      email: this.citizen.email,
      mobile: this.citizen.mobile,
    });
    sameAnswer(this.recovery.asked, own, "the answers for an unknown and a known fiscal code");
  },
);

/** 400 validation-failed naming the mobile number, in Italian. */
Then("the citizen is told that the mobile number is missing, in Italian", function (this: SimulatorWorld) {
  const problem = expectProblem(
    this.recovery.asked,
    400,
    "validation-failed",
    "a recovery without the mobile number",
  );
  assert.ok(
    (problem.errors ?? []).some((e) => e.path === "mobile" && /numero di cellulare/.test(e.message)),
    JSON.stringify(problem.errors),
  );
  assert.match(problem.detail ?? "", /cellulare/);
});

/** Waits for a recovery email at `address` that the citizen has not read yet; keeps its token and code. */
async function recoveryMessage(world: SimulatorWorld, address: string): Promise<RecoveryLink> {
  await nudgeOutbox(world);
  const found = await poll(`a recovery email to ${address}`, async () => {
    for (const summary of (await world.mail.search(`to:${address}`)).messages) {
      if (world.inbox.readMail.has(summary.ID)) continue;
      const message = await world.mail.message(summary.ID);
      const code = await world.mail.secretIn(message, RECOVERY.code);
      const url = await world.mail.secretIn(message, RECOVERY.link);
      if (code !== undefined && url !== undefined) return { code, url, mailId: summary.ID };
    }
    return undefined;
  });
  world.inbox.readMail.add(found.mailId);
  noteSecret(world, found.code);
  return {
    token: noteSecret(world, found.url.slice(found.url.lastIndexOf("/") + 1)),
    code: found.code,
    mailId: found.mailId,
  };
}

/** An unread email (or PEC) arrives with the recovery link and the codice di ripristino (R16); both are kept. */
Then(
  /^an? (email|PEC) arrives with a link di ripristino and a codice di ripristino$/,
  async function (this: SimulatorWorld, channel: string) {
    const address = channel === "PEC" ? pecOf(this) : this.citizen.email;
    this.recovery.link = await recoveryMessage(this, address);
  },
);

/** Asks again with mobile and email and reads the second recovery email; the first link is kept. */
When(
  "the citizen asks to recover the PIN again, and a second email arrives",
  async function (this: SimulatorWorld) {
    this.recovery.firstLink = link(this);
    await ask(this, {
      fiscalCode: this.citizen.fiscalCode,
      email: this.citizen.email,
      mobile: this.citizen.mobile,
    });
    this.recovery.link = await recoveryMessage(this, this.citizen.email);
  },
);

/** No recovery link was queued for the citizen and no email or PEC carries a codice di ripristino. */
Then("no codice di ripristino reaches the citizen", async function (this: SimulatorWorld) {
  await nudgeOutbox(this);
  const queued = expectOk(
    await this.identity.simOutbox({ fiscalCode: this.citizen.fiscalCode }),
    "the outbox",
  );
  assert.deepEqual(
    queued.messages.filter((m) => m.purpose === "recovery-link"),
    [],
    "a recovery link was queued",
  );
  for (const address of [this.citizen.email, pecOf(this)]) {
    const found = await this.mail.search(`to:${address}`);
    for (const summary of found.messages) {
      const message = await this.mail.message(summary.ID);
      assert.equal(
        await this.mail.secretIn(message, RECOVERY.code),
        undefined,
        `a codice di ripristino reached ${address}`,
      );
    }
  }
});

/** The operator's timeline has the recovery request, not matched, for that reason. */
Then(
  "the citizen's timeline says the recovery was refused because {string}",
  async function (this: SimulatorWorld, reason: string) {
    const timeline = expectOk(
      await this.identity.operatorEvents(this.citizen.fiscalCode),
      "the operator's timeline",
    );
    const asked = timeline.events.find((e) => e.type === "recovery-requested");
    assert.ok(asked, `no recovery request in the timeline: ${timeline.events.map((e) => e.type).join(", ")}`);
    assert.equal(asked.data.matched, false);
    assert.equal(asked.data.reason, reason);
  },
);

/** The page at the link asks for the codice fiscale and the codice di ripristino (R17). */
When("the citizen opens the link", async function (this: SimulatorWorld) {
  const page = expectOk(await this.identity.recoveryForm(link(this).token), "opening the recovery link");
  assert.equal(typeof page, "string");
  assert.match(String(page), /Codice di ripristino/);
  assert.match(String(page), /Codice fiscale/);
});

/** The link is fetched three times before the citizen: opening it uses nothing up. */
When("a mail scanner opens the link before the citizen does", async function (this: SimulatorWorld) {
  for (let i = 0; i < 3; i++)
    expectOk(await this.identity.recoveryForm(link(this).token), "a scanner fetching the link");
});

async function confirmWith(world: SimulatorWorld, recovery: RecoveryLink, code: string) {
  world.recovery.confirmed = kept(
    world,
    await world.driver.confirmRecovery(recovery.token, {
      fiscalCode: world.citizen.fiscalCode,
      recoveryCode: code,
    }),
  );
  return world.recovery.confirmed;
}

/** Confirms the recovery at the link with the fiscal code and the code received (R17). */
When(
  "the citizen types the fiscal code and the codice di ripristino at the link",
  async function (this: SimulatorWorld) {
    await confirmWith(this, link(this), link(this).code);
  },
);

/** Confirms at the link with a code of the same shape that is not the one received. */
When(
  "the citizen types the fiscal code and a wrong codice di ripristino at the link",
  async function (this: SimulatorWorld) {
    const right = link(this).code;
    // Another code of the same shape: the first character moved on by one in the alphabet.
    const wrong = `${right.startsWith("A") ? "B" : "A"}${right.slice(1)}`;
    await confirmWith(this, link(this), wrong);
  },
);

/** Confirms at the first email's link with its code, after a second email was asked for. */
When(
  "the citizen types the fiscal code and the code of the first email at its link",
  async function (this: SimulatorWorld) {
    const first = this.recovery.firstLink;
    assert.ok(first, "the citizen has not asked for a second email");
    await confirmWith(this, first, first.code);
  },
);

/** 202 pin-sent: the first half by SMS, the second by email (R18). */
Then(
  "the citizen is told that the new PIN is on its way: the first 8 characters by SMS, the other 8 by email",
  function (this: SimulatorWorld) {
    const answer = this.recovery.confirmed;
    const confirmed = expectOk(answer, "confirming the recovery");
    assert.equal(answer?.status, 202);
    assert.deepEqual(confirmed, { status: "pin-sent", channels: { firstHalf: "sms", secondHalf: "email" } });
  },
);

/** 401 recovery-failed, naming the codice di ripristino. */
Then("the citizen is told that the codice di ripristino is wrong", function (this: SimulatorWorld) {
  const problem = expectProblem(
    this.recovery.confirmed,
    401,
    "recovery-failed",
    "a wrong codice di ripristino",
  );
  assert.match(problem.detail ?? "", /codice di ripristino/);
});

/** 410 recovery-expired. */
Then("the citizen is told that the link is no longer valid", function (this: SimulatorWorld) {
  expectProblem(this.recovery.confirmed, 410, "recovery-expired", "a link no longer valid");
});

/** Sends two confirmations of the same link and code at once. */
When("the citizen confirms at the link twice at the same moment", async function (this: SimulatorWorld) {
  const l = link(this);
  const both = await Promise.all(
    [1, 2].map(() =>
      this.identity.confirmRecovery(l.token, { fiscalCode: this.citizen.fiscalCode, recoveryCode: l.code }),
    ),
  );
  this.recovery.concurrent = both;
});

/** Of the two confirmations one is 202 and the other 410 recovery-expired. */
Then(
  "exactly one confirmation is accepted and the other is told that the link is no longer valid",
  function (this: SimulatorWorld) {
    const both = this.recovery.concurrent;
    assert.ok(both, "the citizen has not confirmed twice at the same moment");
    assert.deepEqual(both.map((r) => r.status).sort(), [202, 410]);
    const refused = both.find((r) => !r.ok);
    assert.equal(refused && !refused.ok ? refused.problem.code : undefined, "recovery-expired");
  },
);

/** One SMS, and only one, carries the first part of a new PIN. */
Then(
  "exactly one SMS with the first part of a new PIN reaches the citizen",
  async function (this: SimulatorWorld) {
    await secretBy(this, "SMS", LABEL.firstHalf);
    assert.equal((await smsWith(this, LABEL.firstHalf)).length, 1);
  },
);

/** Reads the two parts of the new PIN, 8 characters each, from the SMS and the email (R18). */
Then(
  "the first 8 characters of a new PIN arrive by SMS and the other 8 by email",
  async function (this: SimulatorWorld) {
    const first = await secretBy(this, "SMS", LABEL.firstHalf);
    const second = await secretBy(this, "email", LABEL.secondHalf);
    assert.equal(first.length, 8);
    assert.equal(second.length, 8);
    this.recovery.halves = { first, second };
  },
);

/** The SMS and the email with the new PIN say caratteri, and never cifre (R02). */
Then(
  "the messages with the new PIN speak of caratteri, never of cifre",
  async function (this: SimulatorWorld) {
    const sms = await this.sms.list({ to: this.citizen.mobile });
    const texts = sms.filter((m) => m.text.includes(LABEL.firstHalf)).map((m) => m.text);
    const mail = await this.mail.search(`to:${this.citizen.email}`);
    for (const summary of mail.messages) {
      const message = await this.mail.message(summary.ID);
      if ((await this.mail.secretIn(message, LABEL.secondHalf)) !== undefined) texts.push(message.Text);
    }
    assert.equal(texts.length, 2, "the SMS and the email with the new PIN");
    for (const text of texts) {
      assert.doesNotMatch(text, /cifre/i);
    }
    assert.ok(
      texts.some((t) => /caratteri/.test(t)),
      "no message speaks of caratteri",
    );
  },
);

/** Logs in with the two parts in order (R19); they become the citizen's PIN. */
When(
  "the citizen logs in with the SMS part first, then the email part",
  async function (this: SimulatorWorld) {
    const { first, second } = halves(this);
    setPin(this, first + second);
    await logIn(this, first + second);
  },
);

/** Logs in with the two parts swapped. */
When(
  "the citizen logs in with the email part first, then the SMS part",
  async function (this: SimulatorWorld) {
    const { first, second } = halves(this);
    await logIn(this, second + first);
  },
);

/** Ask, read the link and code, confirm, read both parts: what a citizen does in a few minutes. */
async function recoverUpToTheParts(world: SimulatorWorld) {
  await ask(world, {
    fiscalCode: world.citizen.fiscalCode,
    email: world.citizen.email,
    mobile: world.citizen.mobile,
  });
  expectOk(world.recovery.asked, "the recovery request");
  world.recovery.link = await recoveryMessage(world, world.citizen.email);
  expectOk(await confirmWith(world, link(world), link(world).code), "confirming the recovery");
  const first = await secretBy(world, "SMS", LABEL.firstHalf);
  const second = await secretBy(world, "email", LABEL.secondHalf);
  world.recovery.halves = { first, second };
}

/** Asks, reads the link and code, confirms, and reads both parts of the new PIN. */
When(
  "the citizen recovers the PIN up to the two parts of the new PIN",
  async function (this: SimulatorWorld) {
    if (this.session) this.recovery.sessionBefore = token(this);
    await recoverUpToTheParts(this);
  },
);

/** The session the citizen held before recovering is refused with 401. */
Then(
  "the session opened before the recovery no longer opens the citizen's page",
  async function (this: SimulatorWorld) {
    const before = this.recovery.sessionBefore;
    assert.ok(before, "the citizen had no session open before the recovery");
    expectProblem(
      await this.identity.me(before),
      401,
      "unauthenticated",
      "the session opened before the recovery",
    );
  },
);

/** The whole online recovery (R15–R20): the two parts, the generated PIN typed back, a login with it. */
When(
  "the citizen recovers the PIN online, up to logging in with the generated PIN",
  async function (this: SimulatorWorld) {
    await recoverUpToTheParts(this);
    const { first, second } = halves(this);
    const session = expectOk(await logIn(this, first + second), "logging in with the two parts");
    assert.equal(session.requiredAction, "confirm-generated-pin");
    const { pin } = expectOk(
      await this.identity.showGeneratedPin(session.token),
      "asking for the generated PIN",
    );
    noteSecret(this, pin);
    expectOk(await this.identity.confirmGeneratedPin(session.token, pin), "typing the generated PIN back");
    setPin(this, pin);
    const done = expectOk(await logIn(this, currentPin(this)), "logging in with the generated PIN");
    assert.equal(done.requiredAction, null);
  },
);

/** Since the first recovery request less than that many minutes of simulated time have passed (R21). */
Then(
  "less than {int} minutes of simulated time have passed since the request",
  async function (this: SimulatorWorld, minutes: number) {
    const requestedAt = this.recovery.requestedAt;
    assert.ok(requestedAt, "the citizen has not asked to recover the PIN");
    const elapsed = (await this.sim.now()).getTime() - requestedAt.getTime();
    assert.ok(
      elapsed < minutes * 60_000,
      `${(elapsed / 60_000).toFixed(1)} minutes of simulated time passed`,
    );
  },
);

/** A letter by posta ordinaria accepted now is expected on a later day than today (R21's comparison). */
Then(
  "a letter by posta ordinaria sent now would arrive only on a later working day",
  async function (this: SimulatorWorld) {
    const c = this.citizen;
    const letter = await this.postal.send({
      recipient: { name: `${c.firstName} ${c.lastName}`, ...c.residence },
      service: "ordinaria",
      subject: "Confronto dei tempi (R21)",
      body: "Lettera di prova: quanto impiega la posta ordinaria.",
    });
    const today = (await this.sim.now()).toISOString().slice(0, 10);
    assert.ok(
      letter.expectedDeliveryDate > today,
      `a letter accepted on ${today} is expected on ${letter.expectedDeliveryDate}`,
    );
  },
);
