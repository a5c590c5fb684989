// A gateway that is down while a PIN is issued (R03 through the outbox): the halves are late, never lost or doubled.
import assert from "node:assert/strict";
import { After, Given, Then, When } from "@cucumber/cucumber";
import type { SimulatorWorld } from "../../support/world.ts";
import { drainOutbox, fullName, sim } from "./identity-api.ts";

const SERVICES = { SMS: (w: SimulatorWorld) => w.stack.smsUrl, "postal": (w: SimulatorWorld) => w.stack.postalUrl, email: (w: SimulatorWorld) => w.stack.mailUrl };
type Service = keyof typeof SERVICES;

async function faults(world: SimulatorWorld, service: Service, method: "PUT" | "DELETE", body?: unknown) {
  const res = await fetch(`${SERVICES[service](world)}/__sim/faults`, {
    method,
    headers: { authorization: `Bearer ${world.stack.adminToken}`, "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  assert.ok(res.ok, `${service} faults answered ${res.status}`);
}

Given("the {word} service is down", async function (this: SimulatorWorld, service: Service) {
  await faults(this, service, "PUT", { mode: "error", status: 503 });
  this.remember("downServices", [...(this.memory.has("downServices") ? this.recall<Service[]>("downServices") : []), service]);
});

When("the {word} service is back up", async function (this: SimulatorWorld, service: Service) {
  await faults(this, service, "DELETE");
});

After({ tags: "@faults" }, async function (this: SimulatorWorld) {
  if (!this.memory.has("downServices")) return;
  for (const s of this.recall<Service[]>("downServices")) await faults(this, s, "DELETE");
});

Then("neither half of my PIN has left INPS yet", async function (this: SimulatorWorld) {
  await drainOutbox(this);
  const answer = await sim(this, "GET", `/outbox?fiscalCode=${this.citizen.fiscalCode}`);
  const messages = answer.body.messages as { purpose: string; status: string; attempts: number }[];
  assert.deepEqual(messages.map((m) => `${m.purpose}:${m.status}`).sort(), ["first-half:pending", "second-half:pending"]);
  assert.ok(messages.every((m) => m.attempts >= 1), "the dispatcher has not tried yet");
});

Then("exactly one SMS with the first half of my PIN has reached me", async function (this: SimulatorWorld) {
  await this.sms.waitForMessage({ to: this.citizen.mobile, match: (m) => m.text.includes("Prima parte del PIN"), timeoutMs: 10_000 });
  await drainOutbox(this);
  const all = await this.sms.list({ to: this.citizen.mobile });
  assert.equal(all.filter((m) => m.text.includes("Prima parte del PIN")).length, 1);
});

Then("exactly one letter with the second half is on its way to my home", async function (this: SimulatorWorld) {
  await this.postal.waitForLetter({ name: fullName(this), timeoutMs: 10_000 });
  await drainOutbox(this);
  const letters = await this.postal.list({ name: fullName(this) });
  assert.equal(letters.length, 1);
  const letter = await this.postal.peek(letters[0]!.id);
  assert.match(letter.body, /Seconda parte del PIN: \S+/);
});
