// R08 and R34 for open sessions: a block stops every service, also for a session opened before it; a change of
// PIN ends every session, the one in which it was changed too.
import assert from "node:assert/strict";
import { Then } from "@cucumber/cucumber";
import { expectOk, expectProblem, kept, token } from "../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../support/world.ts";

function blocked(answer: Parameters<typeof expectProblem>[0], what: string) {
  const problem = expectProblem(answer, 423, "locked", what);
  assert.ok(
    typeof problem.retryAfter === "number" && problem.retryAfter > 0,
    `no wait given: ${String(problem.retryAfter)}`,
  );
  assert.equal(answer?.headers.get("retry-after"), String(problem.retryAfter));
}

/** The session opened before the block gets 423 locked, with Retry-After, from the estratto conto (R08). */
Then(
  "the open session is refused the estratto conto contributivo, because access is blocked",
  async function (this: SimulatorWorld) {
    blocked(
      kept(this, await this.identity.consultService(token(this), "contribution-statement")),
      "the estratto conto during a block",
    );
  },
);

/** The session opened before the block gets 423 locked, with Retry-After, from GET /me (R08). */
Then(
  "the open session is refused the citizen's page, because access is blocked",
  async function (this: SimulatorWorld) {
    blocked(kept(this, await this.identity.me(token(this))), "the citizen's page during a block");
  },
);

/** The session opened before the block consults the estratto conto again. */
Then("the open session consults the estratto conto contributivo", async function (this: SimulatorWorld) {
  expectOk(
    kept(this, await this.identity.consultService(token(this), "contribution-statement")),
    "the estratto conto after the block",
  );
});

/** The session in which the PIN was changed is refused with 401 (R34). */
Then("the session in which the PIN was changed has ended", async function (this: SimulatorWorld) {
  expectProblem(
    await this.identity.me(token(this)),
    401,
    "unauthenticated",
    "the session in which the PIN was changed",
  );
});
