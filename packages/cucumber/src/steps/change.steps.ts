// R09–R12: Impostazioni → Sicurezza/PIN, the code by email, the rules of a new PIN; R34: the other sessions end.
import assert from "node:assert/strict";
import { Given, Then, When } from "@cucumber/cucumber";
import {
  changePinFully,
  currentPin,
  expectOk,
  expectProblem,
  LABEL,
  mailsWith,
  nextMailSecret,
  nudgeOutbox,
  smsWith,
  startChange,
  verifyChange,
} from "../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../support/world.ts";

const started = (world: SimulatorWorld) => world.change?.started;
const verified = (world: SimulatorWorld) => world.change?.verified;

/** Impostazioni → Sicurezza/PIN: current PIN, new PIN, the new PIN again, Save. */
When(
  "the citizen enters the current PIN {string}, the new PIN {string} and again {string}",
  async function (this: SimulatorWorld, current: string, newPin: string, again: string) {
    await startChange(this, current, newPin, again);
  },
);

/** Starts a change from the PIN the citizen holds, confirming the new PIN correctly. */
When("the citizen chooses {string} as the new PIN", async function (this: SimulatorWorld, newPin: string) {
  await startChange(this, currentPin(this), newPin, newPin);
});

/** The whole change: start it, read the code from the email, confirm it. */
When(
  "the citizen chooses {string} as the new PIN and confirms it with the code sent by email",
  async function (this: SimulatorWorld, newPin: string) {
    await changePinFully(this, newPin);
  },
);

/** The change started; the code went to the email, whose address is shown masked. */
Then(
  "the citizen is told that a verification code was sent to the email, shown masked",
  function (this: SimulatorWorld) {
    const answer = expectOk(started(this), "starting the change");
    assert.equal(answer.verificationChannel, "email");
    const email = this.citizen.email;
    assert.notEqual(answer.destination, email, "the address is shown in full");
    assert.match(answer.destination, /\*/, `"${answer.destination}" is not masked`);
    assert.ok(
      answer.destination.endsWith(email.slice(email.indexOf("@"))),
      `"${answer.destination}" is not the citizen's mailbox`,
    );
  },
);

/** Reads the newest unread verification code from the email and confirms the change with it. */
When("the citizen enters the verification code received by email", async function (this: SimulatorWorld) {
  await verifyChange(this, await nextMailSecret(this, this.citizen.email, LABEL.verificationCode));
});

/** Opens a second session for the same citizen. */
Given("the citizen is also logged in on another device", async function (this: SimulatorWorld) {
  this.otherSession = expectOk(
    await this.identity.login({ fiscalCode: this.citizen.fiscalCode, pin: currentPin(this) }),
    "logging in on another device",
  );
});

/** The second session is refused with 401 after the change (R34). */
Then("the session on the other device has been closed", async function (this: SimulatorWorld) {
  assert.ok(this.otherSession, "the citizen did not log in on another device");
  expectProblem(
    await this.identity.me(this.otherSession.token),
    401,
    "unauthenticated",
    "the other device after the change",
  );
});

async function wrongCode(world: SimulatorWorld): Promise<string> {
  await nudgeOutbox(world);
  const [newest] = await mailsWith(world, world.citizen.email, LABEL.verificationCode);
  assert.ok(newest, "no verification code reached the citizen");
  // Another code of the same shape: each digit moved on by one.
  const other = newest.value.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
  assert.notEqual(other, newest.value);
  return other;
}

/** Confirms the change with a code of the right shape that is not the one received. */
When(
  "the citizen enters a verification code other than the one received",
  async function (this: SimulatorWorld) {
    await verifyChange(this, await wrongCode(this));
  },
);

/** As above, that many times in a row. */
When(
  "the citizen enters a verification code other than the one received {int} times",
  async function (this: SimulatorWorld, times: number) {
    const other = await wrongCode(this);
    for (let i = 0; i < times; i++) await verifyChange(this, other);
  },
);

/** The last confirmation was accepted: the PIN is changed (R11). */
Then("the citizen sees that the PIN has been changed", function (this: SimulatorWorld) {
  const changed = expectOk(verified(this), "confirming the change");
  assert.equal(changed.status, "changed");
});

/** An email says the PIN was changed, and does not show the new PIN. */
Then("an email tells the citizen that the PIN was changed", async function (this: SimulatorWorld) {
  await nudgeOutbox(this);
  const message = await this.mail.waitForMessage(`to:${this.citizen.email} subject:modificato`, {
    timeoutMs: 10_000,
  });
  assert.match(`${message.Subject}\n${message.Text}`, /PIN/);
  assert.equal(message.Text.includes(currentPin(this)), false, "the notification shows the new PIN");
});

/** 400 confirmation-mismatch (R10). */
Then(
  "the change is refused because the confirmation does not match the new PIN",
  function (this: SimulatorWorld) {
    expectProblem(started(this), 400, "confirmation-mismatch", "a change with a different confirmation");
  },
);

/** 422 pin-too-weak, with that reason among the reasons, each explained (R12). */
Then(
  "the new PIN is refused as not secure, because of {string}",
  function (this: SimulatorWorld, reason: string) {
    const problem = expectProblem(started(this), 422, "pin-too-weak", "a change to an easy PIN");
    const reasons = (problem.reasons ?? []).map((r) => r.code);
    assert.ok(
      reasons.includes(reason),
      `the reasons given are ${reasons.join(", ") || "none"}, not ${reason}`,
    );
    assert.ok(
      (problem.reasons ?? []).every((r) => r.message.length > 0),
      "a reason has no explanation",
    );
  },
);

/** 422 pin-reused: the new PIN is the current one or an earlier one. */
Then("the change is refused because the PIN was used before", function (this: SimulatorWorld) {
  expectProblem(started(this), 422, "pin-reused", "a change back to an earlier PIN");
});

/** 423 locked, saying how long to wait (R08). */
Then("the change is refused because access is blocked for a while", function (this: SimulatorWorld) {
  const problem = expectProblem(started(this), 423, "locked", "a change during a block");
  assert.ok(
    typeof problem.retryAfter === "number" && problem.retryAfter > 0,
    `the refusal does not say how long to wait: ${String(problem.retryAfter)}`,
  );
});

/** 401 invalid-credentials: the current PIN given was wrong. */
Then("the change is refused because the current PIN is wrong", function (this: SimulatorWorld) {
  expectProblem(started(this), 401, "invalid-credentials", "a change with a wrong current PIN");
});

/** No email or SMS carries a verification code for this citizen. */
Then("no verification code has been sent to the citizen", async function (this: SimulatorWorld) {
  await nudgeOutbox(this);
  assert.equal(
    (await mailsWith(this, this.citizen.email, LABEL.verificationCode)).length,
    0,
    "a verification code was emailed",
  );
  assert.equal(
    (await smsWith(this, LABEL.verificationCode)).length,
    0,
    "a verification code was sent by SMS",
  );
});

/** 400 invalid-code, with attempts left. */
Then("the verification code is refused as wrong, with attempts left", function (this: SimulatorWorld) {
  const problem = expectProblem(verified(this), 400, "invalid-code", "a wrong verification code");
  assert.ok(
    typeof problem.attemptsLeft === "number" && problem.attemptsLeft > 0,
    `attempts left: ${String(problem.attemptsLeft)}`,
  );
});

/** 410 code-expired: too late, or too many wrong codes before. */
Then("the verification code is refused as expired", function (this: SimulatorWorld) {
  expectProblem(verified(this), 410, "code-expired", "an expired verification code");
});
