// The stack and its gateways: health, a gateway taken down and brought back (R03 through the outbox: each half is
// late, never lost, never doubled).
import assert from "node:assert/strict";
import { Given, Then, When } from "@cucumber/cucumber";
import {
  expectOk,
  LABEL,
  lettersCarrying,
  lettersWith,
  mailsWith,
  nudgeOutbox,
  pecOf,
  requestMade,
  smsWith,
  type SpokenChannel,
} from "../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../support/world.ts";

const SERVICES = {
  "identity service": (w: SimulatorWorld) => w.stack.identityUrl,
  "SMS gateway": (w: SimulatorWorld) => w.stack.smsUrl,
  "mail gateway": (w: SimulatorWorld) => w.stack.mailUrl,
  "postal gateway": (w: SimulatorWorld) => w.stack.postalUrl,
} as const;

/** The identity service answers /health (the stack is up). */
Given("the simulator is running", async function (this: SimulatorWorld) {
  const { status } = await this.sim.health(this.stack.identityUrl);
  assert.equal(status, 200, "the identity service does not answer /health");
});

/** That service's /health answers 200 { status: "ok" }. */
Then(
  "the {service} reports that it is healthy",
  async function (this: SimulatorWorld, service: keyof typeof SERVICES) {
    const { status, body } = await this.sim.health(SERVICES[service](this));
    assert.equal(status, 200);
    assert.equal(body.status, "ok");
  },
);

type Gateway = "mail server" | "SMS gateway" | "postal gateway";

async function takeDown(world: SimulatorWorld, gateway: Gateway, count?: number) {
  const limit = count === undefined ? {} : { count };
  if (gateway === "mail server")
    await world.faults.smtp.set({ stage: "MAIL", code: count === undefined ? 421 : 451, ...limit });
  else if (gateway === "SMS gateway") await world.faults.sms.set({ mode: "error", status: 503, ...limit });
  else await world.faults.postal.set({ mode: "error", status: 503, ...limit });
}

/** Every send to that gateway fails (SMTP 421, or HTTP 503) until it is back up. */
Given("the {gateway} is down", async function (this: SimulatorWorld, gateway: Gateway) {
  await takeDown(this, gateway);
});

/** The mail server answers 451 to that many messages, then accepts. */
Given(
  "the mail server will refuse the next {int} messages",
  async function (this: SimulatorWorld, count: number) {
    await takeDown(this, "mail server", count);
  },
);

/** Clears that gateway's fault. */
When("the {gateway} is back up", async function (this: SimulatorWorld, gateway: Gateway) {
  await (
    gateway === "mail server"
      ? this.faults.smtp
      : gateway === "SMS gateway"
        ? this.faults.sms
        : this.faults.postal
  ).clear();
});

async function firstHalves(world: SimulatorWorld, channel: SpokenChannel): Promise<string[]> {
  if (channel === "SMS") return smsWith(world, LABEL.firstHalf);
  const box = channel === "PEC" ? pecOf(world) : world.citizen.email;
  return (await mailsWith(world, box, LABEL.firstHalf)).map((m) => m.value);
}

/** Both halves wait in the outbox, tried at least once; none has arrived. */
Then(
  "neither half has reached the citizen, and INPS keeps trying to send both",
  async function (this: SimulatorWorld) {
    await nudgeOutbox(this);
    const { messages } = expectOk(
      await this.identity.simOutbox({ fiscalCode: this.citizen.fiscalCode }),
      "the outbox",
    );
    const halves = messages.filter((m) => /half/.test(m.purpose));
    assert.equal(halves.length, 2, `the outbox holds ${halves.map((m) => m.purpose).join(", ")}`);
    for (const m of halves) {
      assert.equal(m.status, "pending", `the ${m.purpose} is ${m.status}, not waiting for a retry`);
      assert.ok(m.attempts >= 1, `nobody has tried to send the ${m.purpose} yet`);
    }
    // A gateway that is down cannot be read either; the mail server's mailbox (HTTP) still can while SMTP is down.
    const channel = requestMade(this).firstHalfChannel;
    if (channel !== "SMS")
      assert.equal(
        (await firstHalves(this, channel)).length,
        0,
        "a first half arrived through a mail server that is down",
      );
  },
);

/** The first half still waits in the outbox after at least that many attempts. */
Then(
  "the first half has not reached the citizen yet, and INPS has tried to send it at least {int} time(s)",
  async function (this: SimulatorWorld, times: number) {
    // An attempt may still be on its way to the mail server: wait for it to be counted, without moving the clock.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { messages } = expectOk(
        await this.identity.simOutbox({ fiscalCode: this.citizen.fiscalCode }),
        "the outbox",
      );
      const first = messages.find((m) => m.purpose === "first-half");
      assert.ok(first, `the outbox holds no first half: ${messages.map((m) => m.purpose).join(", ")}`);
      assert.equal(first.status, "pending", `the first half is ${first.status}, not waiting for a retry`);
      if (first.attempts >= times) break;
      assert.ok(Date.now() < deadline, `INPS tried ${first.attempts} times, not at least ${times}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(
      (await firstHalves(this, requestMade(this).firstHalfChannel)).length,
      0,
      "the first half arrived through a mail server that refuses it",
    );
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

/** One message, not two, carries the first half on that channel. */
Then(
  "exactly one {halfChannel} with the first half of the PIN has reached the citizen",
  async function (this: SimulatorWorld, channel: SpokenChannel) {
    const found = await settled(this, `the first half by ${channel}`, () => firstHalves(this, channel));
    assert.equal(found.length, 1, `the first half arrived ${found.length} times by ${channel}`);
    this.halves.first = found[0];
  },
);

/** One letter, not two, carries the second half to the residence. */
Then(
  "exactly one letter with the second half is on its way to the citizen's residence",
  async function (this: SimulatorWorld) {
    const letters = await settled(this, "the letter with the second half", () =>
      lettersWith(this, LABEL.secondHalf),
    );
    assert.equal(letters.length, 1, `${letters.length} letters with the second half were posted`);
    const [letter] = letters;
    assert.ok(letter);
    assert.equal(letter.recipient.postalCode, this.citizen.residence.postalCode);
    assert.equal(
      await lettersCarrying(this, LABEL.secondHalf, letter.value),
      1,
      "the postal gateway holds the second half more than once",
    );
    this.halves.second = letter.value;
  },
);
