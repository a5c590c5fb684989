// A step of this team's own, next to the simulator's: the World and the helpers come with the package.
import assert from "node:assert/strict";
import { Then } from "@cucumber/cucumber";
import { expectOk, type SimulatorWorld } from "@inps-sim/cucumber";

/** The citizen's page greets the citizen by fiscal code, as our portal expects. */
Then("our portal would greet the citizen by fiscal code", async function (this: SimulatorWorld) {
  assert.ok(this.session, "the citizen has not logged in");
  const me = expectOk(await this.identity.me(this.session.token), "opening the citizen's page");
  assert.equal(me.fiscalCode, this.citizen.fiscalCode);
});
