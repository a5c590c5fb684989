// The two profiles side by side, for docs/policy-profiles.md and for anyone asking "why this number?".

import { POLICY_SETTINGS, policyValue, type PolicySetting } from "./policy.ts";
import { asvsL2Policy, inpsGuidesPolicy } from "./profiles.ts";

export interface PolicyTableRow {
  setting: PolicySetting;
  inpsGuides: number | string | null;
  asvsL2: number | string | null;
  rule: string;
  differs: boolean;
  /** The inps-guides reason, or, where asvs-l2 differs, the reason it does. */
  why: string;
}

export function policyTable(): PolicyTableRow[] {
  return POLICY_SETTINGS.map((setting) => {
    const inpsGuides = policyValue(inpsGuidesPolicy, setting);
    const asvsL2 = policyValue(asvsL2Policy, setting);
    const differs = inpsGuides !== asvsL2;
    const source = differs ? asvsL2Policy.sources[setting] : inpsGuidesPolicy.sources[setting];
    return {
      setting,
      inpsGuides,
      asvsL2,
      rule: inpsGuidesPolicy.sources[setting].rule,
      differs,
      why: source.why,
    };
  });
}
