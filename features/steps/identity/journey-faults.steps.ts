// A gateway down while a PIN is issued (R03 through the outbox): each half is late, never lost, never doubled.
import assert from "node:assert/strict";
import { Given, Then, When } from "@cucumber/cucumber";
import {
  expectOk,
  LABEL,
  lettersWith,
  mailsWith,
  nudgeOutbox,
  pecOf,
  smsWith,
  type SpokenChannel,
} from "../../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../../support/world.ts";

type Gateway = "mail server" | "SMS gateway" | "postal gateway";

async function takeDown(world: SimulatorWorld, gateway: Gateway, count?: number) {
  const limit = count === undefined ? {} : { count };
  if (gateway === "mail server") await world.faults.smtp.set({ stage: "MAIL", code: count === undefined ? 421 : 451, ...limit });
  else if (gateway === "SMS gateway") await world.faults.sms.set({ mode: "error", status: 503, ...limit });
  else await world.faults.postal.set({ mode: "error", status: 503, ...limit });
}

async function bringBack(world: SimulatorWorld, gateway: Gateway) {
  await (gateway === "mail server" ? world.faults.smtp : gateway === "SMS gateway" ? world.faults.sms : world.faults.postal).clear();
}

Given("the {gateway} is down", async function (this: SimulatorWorld, gateway: Gateway) {
  await takeDown(this, gateway);
});

Given("the mail server will refuse the next {int} messages", async function (this: SimulatorWorld, count: number) {
  await takeDown(this, "mail server", count);
});

When("the {gateway} is back up", async function (this: SimulatorWorld, gateway: Gateway) {
  await bringBack(this, gateway);
});

async function firstHalves(world: SimulatorWorld, channel: SpokenChannel): Promise<string[]> {
  if (channel === "SMS") return smsWith(world, LABEL.firstHalf);
  const box = channel === "PEC" ? pecOf(world) : world.citizen.email;
  return (await mailsWith(world, box, LABEL.firstHalf)).map((m) => m.value);
}

Then("neither half has reached the citizen, and INPS keeps trying to send both", async function (this: SimulatorWorld) {
  await nudgeOutbox(this);
  const { messages } = expectOk(await this.identity.simOutbox({ fiscalCode: this.citizen.fiscalCode }), "the outbox");
  const halves = messages.filter((m) => /half/.test(m.purpose));
  assert.equal(halves.length, 2, `the outbox holds ${halves.map((m) => m.purpose).join(", ")}`);
  for (const m of halves) {
    assert.equal(m.status, "pending", `the ${m.purpose} is ${m.status}, not waiting for a retry`);
    assert.ok(m.attempts >= 1, `nobody has tried to send the ${m.purpose} yet`);
  }
  // A gateway that is down cannot be read either; the mail server's mailbox (HTTP) still can while SMTP is down.
  const channel = this.recall<SpokenChannel>("journey.firstHalfChannel");
  if (channel !== "SMS") assert.equal((await firstHalves(this, channel)).length, 0, "a first half arrived through a mail server that is down");
});

Then(
  "the first half has not reached the citizen yet, and INPS has tried to send it at least {int} time(s)",
  async function (this: SimulatorWorld, times: number) {
    // An attempt may still be on its way to the mail server: wait for it to be counted, without moving the clock.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { messages } = expectOk(await this.identity.simOutbox({ fiscalCode: this.citizen.fiscalCode }), "the outbox");
      const first = messages.find((m) => m.purpose === "first-half");
      assert.ok(first, `the outbox holds no first half: ${messages.map((m) => m.purpose).join(", ")}`);
      assert.equal(first.status, "pending", `the first half is ${first.status}, not waiting for a retry`);
      if (first.attempts >= times) break;
      assert.ok(Date.now() < deadline, `INPS tried ${first.attempts} times, not at least ${times}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const channel = this.recall<SpokenChannel>("journey.firstHalfChannel");
    assert.equal((await firstHalves(this, channel)).length, 0, "the first half arrived through a mail server that refuses it");
  },
);

/** Waits until something arrived, then lets the outbox run once more and a moment pass, so a duplicate would show. */
async function settled<T>(world: SimulatorWorld, what: string, read: () => Promise<T[]>): Promise<T[]> {
  const deadline = Date.now() + 10_000;
  while ((await read()).length === 0) {
    assert.ok(Date.now() < deadline, `${what}: nothing arrived within 10 s`);
    await nudgeOutbox(world);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await nudgeOutbox(world);
  await new Promise((resolve) => setTimeout(resolve, 500));
  return read();
}

Then("exactly one {halfChannel} with the first half of the PIN has reached the citizen", async function (this: SimulatorWorld, channel: SpokenChannel) {
  const found = await settled(this, `the first half by ${channel}`, () => firstHalves(this, channel));
  assert.equal(found.length, 1, `the first half arrived ${found.length} times by ${channel}`);
  this.remember("journey.firstHalf", found[0]);
});

Then("exactly one letter with the second half is on its way to the citizen's residence", async function (this: SimulatorWorld) {
  const letters = await settled(this, "the letter with the second half", () => lettersWith(this, LABEL.secondHalf));
  assert.equal(letters.length, 1, `${letters.length} letters with the second half were posted`);
  const [letter] = letters;
  assert.equal(letter?.recipient.postalCode, this.citizen.residence.postalCode);
  this.remember("journey.secondHalf", letter?.value);
});
