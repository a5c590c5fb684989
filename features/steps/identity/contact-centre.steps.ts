// R01: the PIN can also be requested through the contact centre (803 164), by an operator on the caller's behalf.
import assert from "node:assert/strict";
import { Then, When } from "@cucumber/cucumber";
import type { SimulatorWorld } from "../../support/world.ts";
import { call, requestBody, type Answer } from "./identity-api.ts";


When("I call the contact centre and ask for a PIN, giving my personal data", async function (this: SimulatorWorld) {
  const answer = await call(this, "POST", "/api/v1/operator/pin-requests", await requestBody(this, { firstHalfChannel: "email" }), this.stack.operatorToken);
  this.remember("requestAnswer", answer);
});

Then("the operator sees my request on my timeline", async function (this: SimulatorWorld) {
  const answer: Answer = await call(this, "GET", `/api/v1/operator/citizens/${this.citizen.fiscalCode}/events`, undefined, this.stack.operatorToken);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const requested = (answer.body.events as { type: string; data: { via?: string } }[]).find((e) => e.type === "pin-requested");
  assert.equal(requested?.data.via, "contact-centre");
});
