// What the citizen reads: the words of the messages with the halves (caratteri, never cifre), the page the
// verification email names, refusals in Italian naming the field in words; and R05's day 90.
import assert from "node:assert/strict";
import { Then, When } from "@cucumber/cucumber";
import { type PinRequestInput } from "@inps-sim/clients";
import {
  expectOk,
  expectProblem,
  kept,
  LABEL,
  letterWith,
  nudgeOutbox,
  pinRequestOf,
} from "../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../support/world.ts";

async function mailTextsWith(world: SimulatorWorld, label: string): Promise<string[]> {
  await nudgeOutbox(world);
  const found = await world.mail.search(`to:${world.citizen.email}`);
  const texts: string[] = [];
  for (const summary of found.messages) {
    const message = await world.mail.message(summary.ID);
    if ((await world.mail.secretIn(message, label)) !== undefined) texts.push(message.Text);
  }
  return texts;
}

/** The email with the first half and the letter with the second say caratteri, never cifre (R02). */
Then(
  "the email and the letter with the halves speak of caratteri, never of cifre",
  async function (this: SimulatorWorld) {
    const [email] = await mailTextsWith(this, LABEL.firstHalf);
    const letter = await letterWith(this, LABEL.secondHalf);
    assert.ok(email, "no email with the first half");
    for (const [what, text] of [
      ["the email", email],
      ["the letter", letter.body],
    ] as const) {
      assert.doesNotMatch(text, /cifre/i, `${what} speaks of cifre`);
      assert.match(text, /caratteri/, `${what} does not speak of caratteri`);
    }
  },
);

/** The one email with the verification code speaks of the primo accesso, not of Impostazioni. */
Then(
  "the email with the verification code names the first access, not the settings page",
  async function (this: SimulatorWorld) {
    const deadline = Date.now() + 10_000;
    let texts = await mailTextsWith(this, LABEL.verificationCode);
    while (texts.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      texts = await mailTextsWith(this, LABEL.verificationCode);
    }
    assert.equal(texts.length, 1, "one email with the verification code");
    assert.match(texts[0]!, /primo accesso/);
    assert.doesNotMatch(texts[0]!, /Impostazioni/);
  },
);

/** "Richiedi PIN" with every field but the address of residence. */
When(
  "the citizen asks online for a PIN without giving the address of residence",
  async function (this: SimulatorWorld) {
    const { residence: _omitted, ...rest } = await pinRequestOf(this);
    // The typed client wants a residence: this request is incomplete on purpose.
    const incomplete = rest as PinRequestInput;
    const at = await this.sim.now();
    this.request = {
      at,
      firstHalfChannel: "email",
      answer: kept(this, await this.identity.requestPin(incomplete)),
    };
  },
);

/** The PIN request was refused with 400 validation-failed, saying in Italian that the field named is obbligatorio. */
Then(
  "the refusal says in Italian that the {string} is missing",
  function (this: SimulatorWorld, words: string) {
    const problem = expectProblem(this.request?.answer, 400, "validation-failed", "the PIN request");
    const detail = problem.detail ?? "";
    assert.match(detail.toLowerCase(), new RegExp(words.toLowerCase()));
    assert.match(detail, /obbligatorio/);
    assert.doesNotMatch(detail, /Invalid|expected|received/);
  },
);

function deadlineOf(world: SimulatorWorld): Date {
  const accepted = expectOk(world.request?.answer, "the PIN request");
  return new Date(accepted.activationDeadline);
}

/** Sets the simulated clock that many minutes before the activation deadline (R05). */
When(
  "the clock reaches {int} minute(s) before the end of the 90 days from the request",
  async function (this: SimulatorWorld, minutes: number) {
    await this.sim.setTo(new Date(deadlineOf(this).getTime() - minutes * 60_000));
  },
);

/** Sets the simulated clock to the activation deadline, 90 days after the request (R05). */
When("the clock reaches the end of the 90 days from the request", async function (this: SimulatorWorld) {
  const deadline = deadlineOf(this);
  const requestedAt = this.request?.at;
  assert.ok(requestedAt, "the citizen has not asked for a PIN");
  assert.ok(
    Math.abs(deadline.getTime() - requestedAt.getTime() - 90 * 86_400_000) < 60_000,
    "the deadline is not 90 days after the request",
  );
  await this.sim.setTo(deadline);
});
