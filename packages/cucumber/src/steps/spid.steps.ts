// SPID (R33, R35): the citizen enters with a SPID identity instead of the PIN. The simulator's test identity
// provider gives the assertion (a real SAML exchange is out of scope); INPS checks it and opens a session whose
// rights follow the SPID level. The login's state is the World's `spid` field; a session it opens becomes the
// citizen's session, so the steps about services work with it.
import assert from "node:assert/strict";
import { Then, When } from "@cucumber/cucumber";
import type { SpidLevel } from "@inps-sim/clients";
import { expectOk, expectProblem, kept, token } from "../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../support/world.ts";

const levelOf = (n: number): SpidLevel => {
  assert.ok(n === 1 || n === 2 || n === 3, `SPID has levels 1 to 3, not ${n}`);
  return n;
};

async function presentAssertion(world: SimulatorWorld, assertion: string) {
  const answer = kept(world, await world.identity.spidLogin(assertion));
  world.spid.answer = answer;
  if (answer.ok) world.session = answer.body;
  return answer;
}

/** The test identity provider authenticates the citizen at that level; the assertion is presented to INPS. */
When("the citizen logs in with SPID of level {int}", async function (this: SimulatorWorld, level: number) {
  const issued = expectOk(
    await this.identity.spidAssertion({ fiscalCode: this.citizen.fiscalCode, level: levelOf(level) }),
    "the identity provider's assertion",
  );
  this.spid.assertion = issued;
  await presentAssertion(this, issued.assertion);
});

/** The assertion of the last SPID login is presented again, as a replay would. */
When("someone presents the same SPID assertion again", async function (this: SimulatorWorld) {
  assert.ok(this.spid.assertion, "no SPID login happened in this scenario");
  await presentAssertion(this, this.spid.assertion.assertion);
});

/** A session was opened, with that SPID level; level 2 and 3 count as a PIN dispositivo (R35). */
Then(
  "the citizen is logged in with SPID of level {int}",
  async function (this: SimulatorWorld, level: number) {
    const session = expectOk(this.spid.answer, "logging in with SPID");
    assert.equal(session.spidLevel, level);
    assert.equal(session.pinKind, level >= 2 ? "dispositivo" : "ordinary");
    assert.equal(session.requiredAction, null);
    const me = expectOk(kept(this, await this.identity.me(token(this))), "the citizen's page");
    assert.equal(me.fiscalCode, this.citizen.fiscalCode);
    assert.equal(me.spidLevel, level);
  },
);

/** 403 spid-not-available: before 15 March 2016 in simulated time (R35). */
Then("the login is refused because SPID is not available yet", function (this: SimulatorWorld) {
  expectProblem(this.spid.answer, 403, "spid-not-available", "a SPID login before 15 March 2016");
});

/** 401 spid-assertion-rejected, reason replayed: an assertion opens one session only. */
Then("the login is refused because the assertion was already used", function (this: SimulatorWorld) {
  const problem = expectProblem(
    this.spid.answer,
    401,
    "spid-assertion-rejected",
    "a second login with one assertion",
  );
  assert.equal(problem.reason, "replayed");
});
