import { describe, expect, it } from "vitest";
import {
  applyEvent,
  canLogIn,
  canTransition,
  CREDENTIAL_EVENTS,
  CREDENTIAL_STATES,
  CREDENTIAL_TRANSITIONS,
  DAY_MS,
  EVENT_COMPLETING,
  ForbiddenTransitionError,
  isLive,
  isLocked,
  policyProfiles,
  requiredActionFor,
  transition,
  type CredentialEvent,
  type CredentialState,
  type CredentialStatus,
} from "../src/index.ts";

const allowed = new Set(CREDENTIAL_TRANSITIONS.map((t) => `${t.from}|${t.event}`));
const forbidden: [CredentialState, CredentialEvent][] = CREDENTIAL_STATES.flatMap((s) =>
  CREDENTIAL_EVENTS.filter((e) => !allowed.has(`${s}|${e}`)).map((e): [CredentialState, CredentialEvent] => [
    s,
    e,
  ]),
);

describe("the transition data", () => {
  it("has at most one transition per (state, event), so the machine is deterministic", () => {
    expect(allowed.size).toBe(CREDENTIAL_TRANSITIONS.length);
  });

  it("names a rule of docs/rules.md on every transition", () => {
    for (const t of CREDENTIAL_TRANSITIONS) expect(t.rule).toMatch(/^R(0[1-9]|[12]\d|3[0-3])$/);
  });

  it("uses every event and reaches every state from requested", () => {
    expect(new Set(CREDENTIAL_TRANSITIONS.map((t) => t.event))).toEqual(new Set(CREDENTIAL_EVENTS));
    const reached = new Set<CredentialState>(["requested"]);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of CREDENTIAL_TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect(reached).toEqual(new Set(CREDENTIAL_STATES));
  });

  it("leaves expired and revoked final", () => {
    expect(CREDENTIAL_TRANSITIONS.filter((t) => t.from === "expired" || t.from === "revoked")).toEqual([]);
  });
});

describe("transition", () => {
  it.each(CREDENTIAL_TRANSITIONS.map((t) => [t.from, t.event, t.to] as const))(
    "%s --%s--> %s",
    (from, event, to) => {
      expect(canTransition(from, event)).toBe(true);
      expect(transition(from, event)).toBe(to);
    },
  );

  it("has forbidden pairs to check", () => {
    expect(forbidden.length + CREDENTIAL_TRANSITIONS.length).toBe(
      CREDENTIAL_STATES.length * CREDENTIAL_EVENTS.length,
    );
  });

  it.each(forbidden)("refuses %s --%s", (from, event) => {
    expect(canTransition(from, event)).toBe(false);
    let error: unknown;
    try {
      transition(from, event);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ForbiddenTransitionError);
    expect(error).toMatchObject({ code: "forbidden-transition", state: from, event });
  });
});

describe("the paths the guides describe", () => {
  const walk = (events: CredentialEvent[]) =>
    events.reduce<CredentialState>((s, e) => transition(s, e), "requested");

  it("post-then-activate: post, activation, replacement (R03, R04, R06)", () => {
    expect(walk(["first-half-posted", "activated", "initial-pin-replaced"])).toBe("active");
  });
  it("digital-then-post needs no activation (R03)", () => {
    expect(walk(["halves-sent", "initial-pin-replaced"])).toBe("active");
    expect(() => walk(["halves-sent", "activated"])).toThrow(ForbiddenTransitionError);
  });
  it("recovery ends with the generated PIN (R18, R20)", () => {
    expect(
      walk([
        "halves-sent",
        "initial-pin-replaced",
        "recovery-issued",
        "recovery-issued",
        "generated-pin-confirmed",
      ]),
    ).toBe("active");
  });
  it("an unused initial PIN expires and stays expired (R05)", () => {
    expect(walk(["first-half-posted", "activation-window-elapsed"])).toBe("expired");
    expect(() => walk(["first-half-posted", "activation-window-elapsed", "activated"])).toThrow(
      ForbiddenTransitionError,
    );
  });
  it("a lost initial PIN is revoked, not recovered (R22)", () => {
    expect(() => walk(["halves-sent", "recovery-issued"])).toThrow(ForbiddenTransitionError);
    expect(walk(["halves-sent", "revoked"])).toBe("revoked");
  });
});

describe("applyEvent and the PIN kind", () => {
  it("turns an active ordinary PIN into a dispositivo one, once (R31)", () => {
    const converted = applyEvent({ state: "active", kind: "ordinary" }, "dispositivo-approved");
    expect(converted).toEqual({ state: "active", kind: "dispositivo" });
    expect(() => applyEvent(converted, "dispositivo-approved")).toThrow(ForbiddenTransitionError);
  });
  it("keeps the kind through a change, a recovery and a revocation", () => {
    const events: CredentialEvent[] = [
      "pin-changed",
      "recovery-issued",
      "generated-pin-confirmed",
      "revoked",
    ];
    const end = events.reduce<CredentialStatus>((c, e) => applyEvent(c, e), {
      state: "active",
      kind: "dispositivo",
    });
    expect(end).toEqual({ state: "revoked", kind: "dispositivo" });
  });
  it("refuses what transition refuses", () => {
    for (const [state, event] of forbidden) {
      expect(() => applyEvent({ state, kind: "ordinary" }, event)).toThrow(ForbiddenTransitionError);
    }
  });
});

describe("required actions, liveness, lockout", () => {
  const inps = policyProfiles["inps-guides"];
  const asvs = policyProfiles["asvs-l2"];
  const changed = new Date("2025-01-01T00:00:00Z");
  const later = (days: number) => new Date(changed.getTime() + days * DAY_MS);

  it("asks the initial and the recovery PIN to be replaced", () => {
    expect(requiredActionFor("initial", null, inps, changed)).toBe("replace-initial-pin");
    expect(requiredActionFor("recovery", changed, inps, changed)).toBe("confirm-generated-pin");
  });
  it("asks for renewal 180 days after the last change under inps-guides, never under asvs-l2 (R13)", () => {
    expect(requiredActionFor("active", changed, inps, later(179))).toBeNull();
    expect(requiredActionFor("active", changed, inps, later(180))).toBe("renew-expired-pin");
    expect(requiredActionFor("active", changed, asvs, later(1000))).toBeNull();
  });
  it("completes each required action with an allowed event", () => {
    expect(transition("initial", EVENT_COMPLETING["replace-initial-pin"])).toBe("active");
    expect(transition("recovery", EVENT_COMPLETING["confirm-generated-pin"])).toBe("active");
    expect(transition("active", EVENT_COMPLETING["renew-expired-pin"])).toBe("active");
  });
  it("knows which states are live and which can log in", () => {
    expect(CREDENTIAL_STATES.filter(isLive)).toEqual([
      "requested",
      "awaiting-activation",
      "initial",
      "active",
      "recovery",
    ]);
    expect(CREDENTIAL_STATES.filter(canLogIn)).toEqual(["initial", "active", "recovery"]);
    // Revocation is exactly for live credentials.
    expect(CREDENTIAL_STATES.filter((s) => canTransition(s, "revoked"))).toEqual(
      CREDENTIAL_STATES.filter(isLive),
    );
  });
  it("treats a block as over at its last instant", () => {
    const until = new Date("2025-01-01T00:03:00Z");
    expect(isLocked(until, new Date("2025-01-01T00:02:59.999Z"))).toBe(true);
    expect(isLocked(until, until)).toBe(false);
    expect(isLocked(null, until)).toBe(false);
  });
});
