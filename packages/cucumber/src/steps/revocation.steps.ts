// R22–R24 and R26 in the citizen's journeys: revoking the PIN online or through the contact centre.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { Given, Then, When } from "@cucumber/cucumber";
import type { RevocationInput } from "@inps-sim/clients";
import { randomPersona } from "@inps-sim/domain";
import { expectOk, expectProblem, kept, nudgeOutbox, setPin } from "../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../support/world.ts";

const DAY_MS = 86_400_000;

const lastRevocation = (world: SimulatorWorld) => world.revocations.at(-1);

async function revoke(world: SimulatorWorld, input: RevocationInput) {
  world.revocations.push(kept(world, await world.driver.revoke(input)));
}

async function revocationOf(world: SimulatorWorld): Promise<RevocationInput> {
  return {
    fiscalCode: world.citizen.fiscalCode,
    healthCard: await world.healthCard(),
    email: world.citizen.email,
  };
}

/** A citizen made through the control plane with no health card on record, and this active PIN. */
Given(
  "a citizen without a tessera sanitaria on record, whose PIN is {string}",
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
      contacts: { email: c.email, mobile: c.mobile },
      pin,
    });
    expectOk(created, "creating the citizen on the control plane");
    setPin(this, pin);
  },
);

/** Revokes online (POST /api/v1/revocations) with the citizen's own fiscal code, health card and email. */
When(
  "the citizen revokes the PIN online with the fiscal code, the tessera sanitaria and the registered email",
  async function (this: SimulatorWorld) {
    await revoke(this, await revocationOf(this));
  },
);

/** Revokes online with one detail that is not the citizen's; each try is kept for "the two refusals are the same". */
When(
  "the citizen revokes the PIN online giving {wrongRevocationDetail}",
  async function (this: SimulatorWorld, detail: string) {
    const input = await revocationOf(this);
    if (detail.startsWith("a health card number")) {
      // Another valid-looking number: the last digit moved on by one.
      const last = Number(input.healthCard.number.at(-1));
      await revoke(this, {
        ...input,
        healthCard: {
          ...input.healthCard,
          number: `${input.healthCard.number.slice(0, -1)}${(last + 1) % 10}`,
        },
      });
    } else {
      await revoke(this, { ...input, email: `altro.${this.citizen.email}` });
    }
  },
);

/** Revokes online for a generated fiscal code no citizen has. */
When(
  "someone tries to revoke a PIN online for a fiscal code INPS does not know",
  async function (this: SimulatorWorld) {
    const stranger = randomPersona({ bytes: (n: number) => new Uint8Array(randomBytes(n)) });
    await revoke(this, { ...(await revocationOf(this)), fiscalCode: stranger.fiscalCode });
  },
);

/** The last revocation answered `{ status: "revoked" }`. */
Then("the citizen is told that the PIN has been revoked", function (this: SimulatorWorld) {
  assert.deepEqual(expectOk(lastRevocation(this), "the revocation"), { status: "revoked" });
});

/** The last revocation answered 401 revocation-failed, naming no field. */
Then("the revocation is refused without saying which detail was wrong", function (this: SimulatorWorld) {
  const problem = expectProblem(lastRevocation(this), 401, "revocation-failed", "the revocation");
  assert.equal(problem.errors, undefined, "the refusal names fields");
});

/** Two refused revocations gave the same problem, request id aside (R23: no enumeration). */
Then("the two refusals are the same", function (this: SimulatorWorld) {
  const refusals = this.revocations;
  assert.equal(refusals.length, 2);
  const seen = refusals.map((r) => {
    assert.ok(!r.ok, "a revocation with a wrong detail was accepted");
    assert.equal(r.status, 401);
    const { requestId: _id, ...rest } = r.problem;
    return JSON.stringify(rest);
  });
  assert.equal(seen[0], seen[1], `the refusals differ:\n${seen.join("\n")}`);
});

/** 401 revocation-failed whose detail sends the citizen to the contact centre, with both numbers. */
Then(
  "the revocation is refused, and the answer gives the contact centre's numbers 803 164 and 06 164 164",
  function (this: SimulatorWorld) {
    const problem = expectProblem(
      lastRevocation(this),
      401,
      "revocation-failed",
      "the revocation without a health card",
    );
    assert.match(
      problem.detail ?? "",
      /contact center/,
      `the answer does not send the citizen to the contact centre: ${problem.detail}`,
    );
    assert.match(problem.detail ?? "", /803 164/);
    assert.match(problem.detail ?? "", /06 164 164/);
  },
);

/** An email "Revoca" to the citizen says the PIN was revoked and gives 803 164 and 06 164 164. */
Then(
  "an email in Italian confirms the revocation and gives the contact centre's numbers",
  async function (this: SimulatorWorld) {
    await nudgeOutbox(this);
    const message = await this.mail.waitForMessage(`to:${this.citizen.email} subject:Revoca`, {
      timeoutMs: 10_000,
    });
    assert.match(message.Text, /PIN INPS è stato revocato/, "the email does not say the PIN was revoked");
    assert.match(message.Text, /803 164/);
    assert.match(message.Text, /06 164 164/);
  },
);

/** The operator revokes through /api/v1/operator with the stack's operator token (R26). */
When(
  "the citizen phones the contact centre and an operator revokes the PIN on the citizen's behalf",
  async function (this: SimulatorWorld) {
    this.revocations.push(kept(this, await this.identity.operatorRevoke(this.citizen.fiscalCode)));
  },
);

/** The operator's revocation answered `{ status: "revoked" }`. */
Then("the operator is told that the PIN has been revoked", function (this: SimulatorWorld) {
  assert.deepEqual(expectOk(lastRevocation(this), "the revocation by the contact centre"), {
    status: "revoked",
  });
});

/** A recent revoked event on the timeline, via contact-centre, with an operatorId. */
Then(
  "the citizen's timeline shows the revocation, with the id of the operator who made it",
  async function (this: SimulatorWorld) {
    const timeline = expectOk(
      await this.identity.operatorEvents(this.citizen.fiscalCode),
      "the operator's timeline",
    );
    const revoked = timeline.events.find((e) => e.type === "revoked");
    assert.ok(revoked, `no revocation on the timeline: ${timeline.events.map((e) => e.type).join(", ")}`);
    assert.equal(revoked.data.via, "contact-centre");
    assert.ok(
      typeof revoked.data.operatorId === "string" && revoked.data.operatorId.length > 0,
      "the timeline does not name the operator",
    );
    // The revocation is recent: it happened in this scenario, not in an earlier one.
    assert.ok((await this.sim.now()).getTime() - Date.parse(revoked.at) < DAY_MS);
  },
);
