// R06–R08 and R13: login with codice fiscale and PIN, first access, the 3-minute block, the citizen's page, logout.
import assert from "node:assert/strict";
import { Then, When } from "@cucumber/cucumber";
import type { RequiredAction } from "@inps-sim/clients";
import { randomPersona } from "@inps-sim/domain";
import {
  currentPin,
  expectOk,
  expectProblem,
  kept,
  logIn,
  noteSecret,
  token,
} from "../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../support/world.ts";

const DAY_MS = 86_400_000;
/** Simulated time also flows with the wall clock while steps run: seconds of slack on a Retry-After. */
const RETRY_AFTER_SLACK_S = 5;

/** A PIN with one character wrong, or two neighbouring characters swapped (guide 002). */
function mistaken(pin: string, mistake: string): string {
  if (mistake === "one character wrong") return `${pin.slice(0, -1)}${pin.endsWith("7") ? "8" : "7"}`;
  const i = [...pin].findIndex((ch, k) => k + 1 < pin.length && ch !== pin[k + 1]);
  assert.ok(i >= 0, `no two different neighbours to swap in a PIN of ${pin.length} characters`);
  return pin.slice(0, i) + pin.charAt(i + 1) + pin.charAt(i) + pin.slice(i + 2);
}

function initialPin(world: SimulatorWorld): string {
  const pin = currentPin(world);
  assert.equal(pin.length, 16, "the citizen's PIN is not the initial one of 16 characters");
  return pin;
}

/** Logs in with the fiscal code and the PIN the citizen holds now. */
When("the citizen logs in with the fiscal code and the PIN", async function (this: SimulatorWorld) {
  await logIn(this, currentPin(this));
});

/** Logs in with the initial PIN of 16 characters (first half then second half). */
When("the citizen logs in with the fiscal code and the 16 characters", async function (this: SimulatorWorld) {
  await logIn(this, initialPin(this));
});

/** Logs in with the PIN the citizen holds, mistyped. */
When(
  "the citizen logs in with the PIN but {pinMistake}",
  async function (this: SimulatorWorld, mistake: string) {
    await logIn(this, noteSecret(this, mistaken(currentPin(this), mistake)));
  },
);

/** Logs in with the 16 characters, mistyped. */
When(
  "the citizen logs in with the 16 characters but {pinMistake}",
  async function (this: SimulatorWorld, mistake: string) {
    await logIn(this, noteSecret(this, mistaken(initialPin(this), mistake)));
  },
);

/** Someone else logs in with a valid fiscal code that no citizen holds. */
When("someone logs in with a fiscal code nobody holds", async function (this: SimulatorWorld) {
  const nobody = randomPersona({ bytes: (n) => crypto.getRandomValues(new Uint8Array(n)) }).fiscalCode;
  this.strangerAnswer = await this.identity.login({ fiscalCode: nobody, pin: "Nessun0X" });
});

/** The stranger got the very answer the citizen got (status and body but the request id): nothing tells who exists. */
Then("the answer is the same as the citizen's", function (this: SimulatorWorld) {
  const mine = this.login;
  const theirs = this.strangerAnswer;
  assert.ok(mine && theirs, "two login attempts are needed to compare");
  assert.ok(!mine.ok && !theirs.ok, "one of the two attempts opened a session");
  assert.equal(theirs.status, mine.status);
  const { requestId: _a, ...mineRest } = mine.problem;
  const { requestId: _b, ...theirsRest } = theirs.problem;
  assert.deepEqual(theirsRest, mineRest);
  assert.equal(theirs.headers.get("retry-after"), mine.headers.get("retry-after"));
});

/** The last login opened a session with no required action, for an ordinary PIN. */
Then("the citizen is logged in, with nothing to do first", function (this: SimulatorWorld) {
  const session = expectOk(this.login, "logging in");
  assert.equal(session.requiredAction, null, `the session must first "${session.requiredAction}"`);
  assert.equal(session.pinKind, "ordinary");
});

/** Logs in with the PIN just chosen and expects a session with nothing to do first. */
Then("the citizen logs in with the new PIN, with nothing to do first", async function (this: SimulatorWorld) {
  const session = expectOk(await logIn(this, currentPin(this)), "logging in with the new PIN");
  assert.equal(session.requiredAction, null, `the session must first "${session.requiredAction}"`);
});

function mustFirst(world: SimulatorWorld, action: RequiredAction) {
  const session = expectOk(world.login, "logging in");
  assert.equal(
    session.requiredAction,
    action,
    `the session's required action is ${String(session.requiredAction)}, not ${action}`,
  );
}

/** The session opened by the 16 characters must first replace them (R06). */
Then("the citizen must first replace them with a PIN of 8 characters", function (this: SimulatorWorld) {
  mustFirst(this, "replace-initial-pin");
});

/** The session opened 180 days after the last change must first renew the PIN (R13). */
Then("the citizen must first renew the expired PIN", function (this: SimulatorWorld) {
  mustFirst(this, "renew-expired-pin");
});

/** GET /me shows the required action of the session. */
Then(
  "the citizen's page says the PIN must be {requiredActionWord} first",
  async function (this: SimulatorWorld, word: string) {
    const me = expectOk(kept(this, await this.identity.me(token(this))), "opening the citizen's page");
    assert.equal(me.fiscalCode, this.citizen.fiscalCode);
    assert.equal(me.requiredAction, word === "replaced" ? "replace-initial-pin" : "renew-expired-pin");
  },
);

/** A consultation service answers 403 action-required while the 16 characters are not replaced. */
Then(
  "the citizen cannot consult the estratto conto contributivo until the PIN is replaced",
  async function (this: SimulatorWorld) {
    const answer = kept(this, await this.identity.consultService(token(this), "contribution-statement"));
    const problem = expectProblem(
      answer,
      403,
      "action-required",
      "consulting the contribution statement before replacing the 16 characters",
    );
    assert.equal(problem.requiredAction, "replace-initial-pin");
  },
);

/** The last login was 401 invalid-credentials. */
Then("the citizen is told that the fiscal code or the PIN is wrong", function (this: SimulatorWorld) {
  expectProblem(this.login, 401, "invalid-credentials", "logging in");
});

/** The last login was 423 locked, with Retry-After within a few seconds of that many (R08). */
Then(
  "the citizen is told that access is blocked for another {int} seconds",
  function (this: SimulatorWorld, seconds: number) {
    const answer = this.login;
    const problem = expectProblem(answer, 423, "locked", "logging in during a block");
    const retryAfter = problem.retryAfter;
    assert.equal(typeof retryAfter, "number", "the block does not say how long to wait");
    assert.equal(
      answer?.headers.get("retry-after"),
      String(retryAfter),
      "the Retry-After header disagrees with retryAfter",
    );
    assert.ok(
      Math.abs(Number(retryAfter) - seconds) <= RETRY_AFTER_SLACK_S,
      `the citizen must wait ${String(retryAfter)} s, not about ${seconds} s`,
    );
  },
);

/** After the first change, the replaced 16 characters are refused. */
Then("the 16 characters no longer open a session", async function (this: SimulatorWorld) {
  const sixteen = this.previousPin;
  assert.equal(sixteen?.length, 16, "the citizen did not replace 16 characters");
  expectProblem(
    await logIn(this, sixteen),
    401,
    "invalid-credentials",
    "logging in with the replaced 16 characters",
  );
});

/** That PIN is refused now. */
Then("the old PIN {string} no longer opens a session", async function (this: SimulatorWorld, pin: string) {
  expectProblem(await logIn(this, pin), 401, "invalid-credentials", `logging in with the old PIN`);
});

/** That PIN still opens a session, and is the one the scenario believes the citizen holds. */
Then("the citizen's PIN is still {string}", async function (this: SimulatorWorld, pin: string) {
  expectOk(await logIn(this, pin), `logging in with "${pin}"`);
  assert.equal(currentPin(this), pin);
});

/** GET /me shows the fiscal code, the email, and an expiry 180 days after the last change (R13). */
Then(
  "the citizen's page shows the fiscal code and when the PIN must be renewed",
  async function (this: SimulatorWorld) {
    const me = expectOk(kept(this, await this.identity.me(token(this))), "opening the citizen's page");
    assert.equal(me.fiscalCode, this.citizen.fiscalCode);
    assert.equal(me.contacts.email, this.citizen.email);
    assert.ok(
      me.pinChangedAt && me.pinExpiresAt,
      "the page does not say when the PIN was changed and when it expires",
    );
    const days = (Date.parse(me.pinExpiresAt) - Date.parse(me.pinChangedAt)) / DAY_MS;
    assert.ok(Math.abs(days - 180) < 0.01, `the PIN expires ${days} days after its last change, not 180`);
  },
);

/** GET /me says the PIN expires that many days from the simulated now. */
Then(
  "the citizen's page shows the PIN must be renewed {int} days from now",
  async function (this: SimulatorWorld, days: number) {
    const me = expectOk(kept(this, await this.identity.me(token(this))), "opening the citizen's page");
    const now = await this.sim.now();
    assert.ok(me.pinExpiresAt, "the page does not say when the PIN expires");
    const left = (Date.parse(me.pinExpiresAt) - now.getTime()) / DAY_MS;
    assert.ok(Math.abs(left - days) < 0.01, `the PIN expires in ${left.toFixed(3)} days, not ${days}`);
  },
);

/** DELETE /sessions/current answers 204. */
When("the citizen logs out", async function (this: SimulatorWorld) {
  const out = kept(this, await this.identity.logout(token(this)));
  assert.equal(expectOk(out, "logging out"), null);
  assert.equal(out.status, 204);
});

/** The session's token is refused with 401 unauthenticated. */
Then("the session no longer opens the citizen's page", async function (this: SimulatorWorld) {
  expectProblem(
    await this.identity.me(token(this)),
    401,
    "unauthenticated",
    "opening the page after logging out",
  );
});
