// The stack as a whole: is every service up?
import assert from "node:assert/strict";
import { Given, Then } from "@cucumber/cucumber";
import type { SimulatorWorld } from "../../support/world.ts";

const SERVICES = {
  "identity service": (w: SimulatorWorld) => w.stack.identityUrl,
  "SMS gateway": (w: SimulatorWorld) => w.stack.smsUrl,
  "mail gateway": (w: SimulatorWorld) => w.stack.mailUrl,
  "postal gateway": (w: SimulatorWorld) => w.stack.postalUrl,
} as const;

Given("the simulator is running", async function (this: SimulatorWorld) {
  const { status } = await this.sim.health(this.stack.identityUrl);
  assert.equal(status, 200, "the identity service does not answer /health");
});

Then("the {service} reports that it is healthy", async function (this: SimulatorWorld, service: keyof typeof SERVICES) {
  const { status, body } = await this.sim.health(SERVICES[service](this));
  assert.equal(status, 200);
  assert.equal(body.status, "ok");
});
