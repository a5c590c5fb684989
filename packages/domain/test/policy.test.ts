import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  activationDeadline,
  DAY_MS,
  DEFAULT_POLICY_PROFILE,
  isPinExpired,
  lockedUntil,
  lockoutSeconds,
  oneTimeCodeExpiresAt,
  pinExpiresAt,
  POLICY_SETTINGS,
  policyProfiles,
  policyTable,
  policyValue,
  recoveryCodeExpiresAt,
  resolvePolicyProfile,
  UnknownPolicyProfileError,
} from "../src/index.ts";

const inps = policyProfiles["inps-guides"];
const asvs = policyProfiles["asvs-l2"];
const t0 = new Date("2025-03-10T09:00:00Z");

describe("inps-guides", () => {
  it("is the default", () => {
    expect(DEFAULT_POLICY_PROFILE).toBe("inps-guides");
    expect(resolvePolicyProfile()).toBe(inps);
    expect(resolvePolicyProfile("")).toBe(inps);
  });

  it("blocks 3 minutes for every wrong PIN, the first included, never more (R08)", () => {
    expect(lockoutSeconds(inps, 0)).toBe(0);
    for (let n = 1; n <= 50; n++) expect(lockoutSeconds(inps, n)).toBe(180);
  });

  it("gives 90 days to activate and 180 days of PIN life (R05, R13)", () => {
    expect(activationDeadline(inps, t0).getTime() - t0.getTime()).toBe(90 * DAY_MS);
    expect(pinExpiresAt(inps, t0)?.toISOString()).toBe("2025-09-06T09:00:00.000Z");
    expect(isPinExpired(inps, t0, new Date(t0.getTime() + 180 * DAY_MS - 1))).toBe(false);
    expect(isPinExpired(inps, t0, new Date(t0.getTime() + 180 * DAY_MS))).toBe(true);
  });
});

describe("asvs-l2", () => {
  it("never expires a PIN by age", () => {
    expect(pinExpiresAt(asvs, t0)).toBeNull();
    expect(isPinExpired(asvs, t0, new Date(t0.getTime() + 5000 * DAY_MS))).toBe(false);
  });

  it("lets out-of-band codes live at most 10 minutes", () => {
    expect(asvs.oneTimeCode.lifetimeSeconds).toBeLessThanOrEqual(600);
    expect(asvs.recoveryCode.lifetimeSeconds).toBeLessThanOrEqual(600);
    expect(oneTimeCodeExpiresAt(asvs, t0).getTime() - t0.getTime()).toBe(
      asvs.oneTimeCode.lifetimeSeconds * 1000,
    );
    expect(recoveryCodeExpiresAt(asvs, t0).getTime() - t0.getTime()).toBe(
      asvs.recoveryCode.lifetimeSeconds * 1000,
    );
  });

  it("tolerates typos, then doubles the delay up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => lockoutSeconds(asvs, n))).toEqual([
      0, 0, 60, 120, 240, 480, 960, 1920, 3600, 3600,
    ]);
    expect(lockoutSeconds(asvs, 10_000)).toBe(3600);
  });
});

describe("lockoutSeconds", () => {
  it("never decreases with more failures and never exceeds the cap, in every profile", () => {
    fc.assert(
      fc.property(fc.constantFrom(inps, asvs), fc.integer({ min: 0, max: 1000 }), (policy, n) => {
        const here = lockoutSeconds(policy, n);
        expect(lockoutSeconds(policy, n + 1)).toBeGreaterThanOrEqual(here);
        expect(here).toBeLessThanOrEqual(policy.lockout.capSeconds);
        expect(here === 0).toBe(n < policy.lockout.threshold);
      }),
    );
  });

  it("counts a block from the wrong PIN that started it", () => {
    expect(lockedUntil(inps, 1, t0)?.toISOString()).toBe("2025-03-10T09:03:00.000Z");
    expect(lockedUntil(asvs, 1, t0)).toBeNull();
  });
});

describe("provenance", () => {
  it("names a rule of docs/rules.md and a reason for every setting of every profile", () => {
    for (const policy of [inps, asvs]) {
      for (const setting of POLICY_SETTINGS) {
        expect(policy.sources[setting].rule).toMatch(/^R(0[1-9]|[12]\d|3[0-3])$/);
        expect(policy.sources[setting].why.length).toBeGreaterThan(10);
        expect(policyValue(policy, setting)).not.toBeUndefined();
      }
    }
  });

  it("tables both profiles, marking where they differ", () => {
    const rows = policyTable();
    expect(rows.map((r) => r.setting)).toEqual([...POLICY_SETTINGS]);
    const lifetime = rows.find((r) => r.setting === "pinLifetimeDays");
    expect(lifetime).toMatchObject({ inpsGuides: 180, asvsL2: null, rule: "R13", differs: true });
    expect(lifetime?.why).toMatch(/periodic/);
    expect(rows.find((r) => r.setting === "activationWindowDays")).toMatchObject({
      inpsGuides: 90,
      asvsL2: 90,
      differs: false,
    });
  });

  it("refuses an unknown profile name", () => {
    expect(() => resolvePolicyProfile("lax")).toThrow(UnknownPolicyProfileError);
    expect(resolvePolicyProfile("asvs-l2")).toBe(asvs);
  });
});

describe("docs/policy-profiles.md", () => {
  const doc = readFileSync(new URL("../../../docs/policy-profiles.md", import.meta.url), "utf8");
  it.each(policyTable().map((r) => [r.setting, r] as const))(
    "lists %s with the values of the code",
    (setting, row) => {
      // Cells are compared trimmed, so Prettier's column padding does not matter.
      const rows = doc.split("\n").map((l) => l.split("|").map((c) => c.trim()));
      const cells = rows.find((r) => r[1] === `\`${setting}\``);
      expect(cells).toBeDefined();
      if (!cells) return;
      expect(cells[2]).toBe(String(row.inpsGuides));
      expect(cells[3]).toBe(row.asvsL2 === null ? "null (never)" : String(row.asvsL2));
      expect(cells[4]).toBe(row.rule);
    },
  );
});
