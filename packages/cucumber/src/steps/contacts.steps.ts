// R25 and R26 in the citizen's journeys: "modifica contatti PIN" with a code sent to the new contact, and a
// contact added by the contact centre.
import assert from "node:assert/strict";
import { randomInt } from "node:crypto";
import { Then, When } from "@cucumber/cucumber";
import { findSecret, type ContactPatch, type MaskedContacts } from "@inps-sim/clients";
import {
  expectOk,
  expectProblem,
  kept,
  LABEL,
  mailsWith,
  nextMailSecret,
  nudgeOutbox,
  pecOf,
  noteSecret,
  poll,
  token,
} from "../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../support/world.ts";

const WAIT_MS = 10_000;

const newEmailOf = (world: SimulatorWorld) => `nuovo.${world.citizen.email}`;
const started = (world: SimulatorWorld) => world.contactChange.started;
const verified = (world: SimulatorWorld) => world.contactChange.verified;

async function changeContact(world: SimulatorWorld, patch: ContactPatch) {
  world.contactChange.started = kept(world, await world.identity.changeContact(token(world), patch));
  return world.contactChange.started;
}

async function confirmContact(world: SimulatorWorld, code: string) {
  const change = expectOk(started(world), "the contact change was not started");
  world.contactChange.verified = kept(
    world,
    await world.identity.verifyContactChange(token(world), change.verificationId, code),
  );
  return world.contactChange.verified;
}

async function contactsNow(world: SimulatorWorld): Promise<MaskedContacts> {
  return expectOk(kept(world, await world.identity.contacts(token(world))), "reading the contacts").contacts;
}

const masked = (value: string | null) =>
  assert.ok(value && value.includes("*"), `"${value}" is not shown masked`);

/** Starts a change of the email (PATCH /api/v1/me/contacts) to a new address of the citizen's. */
When("the citizen changes the email to a new address", async function (this: SimulatorWorld) {
  await changeContact(this, { email: newEmailOf(this) });
});

/** Starts a change of the mobile number to a new one of this scenario's own. */
When("the citizen changes the mobile number to a new one", async function (this: SimulatorWorld) {
  // A mobile of this scenario's own: 347 and seven random digits.
  const mobile = `+39347${String(randomInt(10_000_000)).padStart(7, "0")}`;
  this.contactChange.newMobile = mobile;
  expectOk(await changeContact(this, { mobile }), "changing the mobile number");
});

/** Removes the mobile number and confirms with the code that reached the email. */
When(
  "the citizen removes the mobile number and confirms with the code sent by email",
  async function (this: SimulatorWorld) {
    expectOk(await changeContact(this, { mobile: null }), "removing the mobile number");
    expectOk(
      await confirmContact(this, await nextMailSecret(this, this.citizen.email, LABEL.verificationCode)),
      "confirming the removal",
    );
  },
);

/** Asks to remove the email. */
When("the citizen removes the email", async function (this: SimulatorWorld) {
  await changeContact(this, { email: null });
});

/** The change was started, and its destination is the new address, masked. */
Then(
  "the citizen is told that a verification code was sent to the new address, shown masked",
  function (this: SimulatorWorld) {
    const change = expectOk(started(this), "changing the email");
    const address = newEmailOf(this);
    assert.notEqual(change.destination, address, "the address is shown in full");
    masked(change.destination);
    assert.ok(
      change.destination.startsWith(address[0]!) &&
        change.destination.endsWith(address.slice(address.indexOf("@"))),
      `"${change.destination}" is not the new address`,
    );
  },
);

/** Confirms the change with the code that reached the new address. */
When(
  "the citizen enters the verification code received at the new address",
  async function (this: SimulatorWorld) {
    await confirmContact(this, await nextMailSecret(this, newEmailOf(this), LABEL.verificationCode));
  },
);

/** Confirms the change with the code that reached the new mobile number by SMS. */
When(
  "the citizen enters the verification code received by SMS on the new number",
  async function (this: SimulatorWorld) {
    const mobile = this.contactChange.newMobile;
    assert.ok(mobile, "the citizen has not given a new mobile number");
    await nudgeOutbox(this);
    const code = await poll(`an SMS with "${LABEL.verificationCode}" to ${mobile}`, async () =>
      (await this.sms.list({ to: mobile }))
        .map((m) => findSecret(m.text, LABEL.verificationCode))
        .find((v) => v !== undefined),
    );
    expectOk(await confirmContact(this, noteSecret(this, code)), "confirming the new mobile number");
  },
);

/** Confirms the change with a code of the same shape that is not the one received. */
When(
  "the citizen enters a contact verification code other than the one received",
  async function (this: SimulatorWorld) {
    await nudgeOutbox(this);
    const newest = await poll(
      "a verification code at the new address",
      async () => (await mailsWith(this, newEmailOf(this), LABEL.verificationCode))[0],
    );
    noteSecret(this, newest.value);
    // Another code of the same shape: each digit moved on by one.
    await confirmContact(
      this,
      newest.value.replace(/\d/g, (d) => String((Number(d) + 1) % 10)),
    );
  },
);

/** 400 invalid-code with attemptsLeft above zero. */
Then(
  "the contact verification code is refused as wrong, with attempts left",
  function (this: SimulatorWorld) {
    const problem = expectProblem(verified(this), 400, "invalid-code", "a wrong contact verification code");
    assert.ok(
      typeof problem.attemptsLeft === "number" && problem.attemptsLeft > 0,
      `no attempts left: ${String(problem.attemptsLeft)}`,
    );
  },
);

/** 410 code-expired. */
Then("the contact verification code is refused as expired", function (this: SimulatorWorld) {
  expectProblem(verified(this), 410, "code-expired", "an expired contact verification code");
});

/** The citizen's page still has the old email; the contacts show it masked. */
Then("the citizen's contacts still show the old email", async function (this: SimulatorWorld) {
  const now = await contactsNow(this);
  const me = expectOk(kept(this, await this.identity.me(token(this))), "opening the citizen's page");
  assert.equal(me.contacts.email, this.citizen.email, "the email changed without its code");
  masked(now.email);
});

/** The contacts (masked) are those the confirmation answered, and the citizen's page has the new email. */
Then("the citizen's contacts show the new email, masked", async function (this: SimulatorWorld) {
  const answer = expectOk(verified(this), "confirming the new email").contacts;
  const now = await contactsNow(this);
  assert.deepEqual(now, answer);
  masked(now.email);
  const me = expectOk(kept(this, await this.identity.me(token(this))), "opening the citizen's page");
  assert.equal(me.contacts.email, newEmailOf(this));
});

/** The contacts show the new mobile number, masked. */
Then("the citizen's contacts show the new mobile number, masked", async function (this: SimulatorWorld) {
  const now = await contactsNow(this);
  masked(now.mobile);
  assert.ok(
    now.mobile!.endsWith((this.contactChange.newMobile ?? "").slice(-2)),
    `"${now.mobile}" is not the new number`,
  );
});

/** The contacts have no mobile number. */
Then("the citizen's contacts show no mobile number", async function (this: SimulatorWorld) {
  assert.equal((await contactsNow(this)).mobile, null);
});

/** 409 last-contact. */
Then("the change is refused because at least one contact must remain", function (this: SimulatorWorld) {
  expectProblem(started(this), 409, "last-contact", "removing the last contact");
});

/** An email "Contatti" to the old address says the email was updated and gives 803 164. */
Then(
  "the old address is told that the contacts of the PIN were changed",
  async function (this: SimulatorWorld) {
    await nudgeOutbox(this);
    const message = await this.mail.waitForMessage(`to:${this.citizen.email} subject:Contatti`, {
      timeoutMs: WAIT_MS,
    });
    assert.match(message.Text, /aggiornato l'indirizzo email/);
    assert.match(message.Text, /803 164/);
  },
);

// R26: the contact centre.

/** The operator adds the citizen's PEC through /api/v1/operator (R26). */
When(
  "the citizen phones the contact centre and, once identified, an operator adds a PEC address",
  async function (this: SimulatorWorld) {
    this.contactChange.byOperator = kept(
      this,
      await this.identity.operatorAddContacts(this.citizen.fiscalCode, { pec: pecOf(this) }),
    );
  },
);

/** The operator's answer shows the PEC, masked. */
Then("the operator sees the PEC among the citizen's contacts, masked", function (this: SimulatorWorld) {
  const answer = expectOk(this.contactChange.byOperator, "adding a PEC by phone");
  masked(answer.contacts.pec);
  assert.ok(answer.contacts.pec!.endsWith("@pec.it"));
});

/** A contacts-changed event for the PEC on the timeline, via contact-centre, with an operatorId. */
Then(
  "the citizen's timeline shows the contact added, with the id of the operator who added it",
  async function (this: SimulatorWorld) {
    const timeline = expectOk(
      await this.identity.operatorEvents(this.citizen.fiscalCode),
      "the operator's timeline",
    );
    const changed = timeline.events.find((e) => e.type === "contacts-changed");
    assert.ok(changed, `no contact change on the timeline: ${timeline.events.map((e) => e.type).join(", ")}`);
    assert.equal(changed.data.via, "contact-centre");
    assert.equal(changed.data.field, "pec");
    assert.ok(
      typeof changed.data.operatorId === "string" && changed.data.operatorId.length > 0,
      "the timeline does not name the operator",
    );
  },
);

/** An email "Contatti" to the citizen names the contact centre. */
Then(
  "an email tells the citizen that the contacts of the PIN were changed through the contact centre",
  async function (this: SimulatorWorld) {
    await nudgeOutbox(this);
    const message = await this.mail.waitForMessage(`to:${this.citizen.email} subject:Contatti`, {
      timeoutMs: WAIT_MS,
    });
    assert.match(message.Text, /contact center/);
  },
);

/** After logging in, the citizen's contacts show the PEC, masked. */
Then("the citizen's contacts show the PEC, masked", async function (this: SimulatorWorld) {
  expectOk(this.login, "logging in");
  const now = await contactsNow(this);
  masked(now.pec);
  assert.ok(now.pec!.endsWith("@pec.it"));
});
