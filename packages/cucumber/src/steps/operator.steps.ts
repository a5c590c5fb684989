// What an INPS operator sees: the citizen's timeline (GET /api/v1/operator/citizens/{fiscalCode}/events).
import assert from "node:assert/strict";
import { Then } from "@cucumber/cucumber";
import { expectOk } from "../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../support/world.ts";

async function timelineOf(world: SimulatorWorld) {
  world.timeline = expectOk(
    await world.identity.operatorEvents(world.citizen.fiscalCode),
    "the operator's timeline",
  );
  return world.timeline;
}

/** The pin-requested event says via: contact-centre (R01, R26). */
Then(
  "the citizen's timeline shows that the request came through the contact centre",
  async function (this: SimulatorWorld) {
    const timeline = await timelineOf(this);
    const requested = timeline.events.find((e) => e.type === "pin-requested");
    assert.ok(requested, `no request on the timeline: ${timeline.events.map((e) => e.type).join(", ")}`);
    assert.equal(
      requested.data.via,
      "contact-centre",
      `the request came ${JSON.stringify(requested.data.via)}`,
    );
  },
);

/** As many locked events as login-failed ones, that many each (R08). */
Then(
  "the citizen's timeline shows {int} blocks, one for each wrong PIN",
  async function (this: SimulatorWorld, blocks: number) {
    const types = (await timelineOf(this)).events.map((e) => e.type);
    assert.equal(types.filter((t) => t === "locked").length, blocks, `the timeline: ${types.join(", ")}`);
    assert.equal(
      types.filter((t) => t === "login-failed").length,
      blocks,
      `the timeline: ${types.join(", ")}`,
    );
  },
);

/** The request, two message-sent events, logins good and bad, the block and the change are all on the timeline. */
Then(
  "an INPS operator sees on the citizen's timeline the request, both halves sent, the logins, the block and the change",
  async function (this: SimulatorWorld) {
    const types = (await timelineOf(this)).events.map((e) => e.type);
    for (const type of [
      "pin-requested",
      "login-succeeded",
      "login-failed",
      "locked",
      "pin-change-requested",
      "pin-changed",
    ]) {
      assert.ok(types.includes(type), `the timeline has no ${type}: ${types.join(", ")}`);
    }
    assert.ok(
      types.filter((t) => t === "message-sent").length >= 2,
      `both halves are not on the timeline: ${types.join(", ")}`,
    );
  },
);
