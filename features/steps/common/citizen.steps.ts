// The scenario's own citizen, as the harness generates it.
import assert from "node:assert/strict";
import { Then } from "@cucumber/cucumber";
import { fiscalCodeMismatches, normalizeItalianMobile, validateFiscalCode } from "@inps-sim/domain";
import type { SimulatorWorld } from "../../support/world.ts";

Then("my citizen has a valid fiscal code that matches their personal data", function (this: SimulatorWorld) {
  const c = this.citizen;
  assert.deepEqual(validateFiscalCode(c.fiscalCode), { ok: true, code: c.fiscalCode });
  assert.deepEqual(fiscalCodeMismatches(c.fiscalCode, c), []);
});

Then("my citizen's mobile number is an Italian mobile", function (this: SimulatorWorld) {
  const result = normalizeItalianMobile(this.citizen.mobile);
  assert.ok(result.ok, `${this.citizen.mobile} is not an Italian mobile`);
});
