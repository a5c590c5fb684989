// SMTP-level faults: a 4xx/5xx reply at MAIL, RCPT or DATA (or a silent drop after DATA), set from /__sim,
// plus Mailpit's chaos triggers (Sender, Recipient, Authentication) for /api/v1/chaos.
import { seededRandom } from "@inps-sim/domain";
import { z } from "zod";

export const SMTP_STAGES = ["MAIL", "RCPT", "DATA"] as const;
export type SmtpStage = (typeof SMTP_STAGES)[number];

export const smtpFaultSchema = z
  .object({
    stage: z.enum(SMTP_STAGES),
    /** The reply code: 4xx a temporary failure (the sender retries), 5xx a permanent one. */
    code: z.number().int().min(400).max(599).default(451),
    message: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\x20-\x7e]+$/, "printable ASCII only")
      .optional(),
    /** "drop" (DATA only): answer 250 and never store the message. */
    mode: z.enum(["error", "drop"]).default("error"),
    /** Only envelope addresses containing this text (MAIL: the sender; RCPT, DATA: a recipient). */
    match: z.string().min(1).max(254).optional(),
    count: z.number().int().min(1).max(1_000_000).optional(),
    probability: z.number().min(0).max(1).optional(),
  })
  .strict()
  .refine((f) => f.mode !== "drop" || f.stage === "DATA", {
    message: "mode drop applies to stage DATA only",
    path: ["mode"],
  });

export type SmtpFaultSpec = z.infer<typeof smtpFaultSchema>;

export interface SmtpFaultView extends SmtpFaultSpec {
  remaining: number | null;
  hits: number;
}

export type SmtpDecision =
  { kind: "none" } | { kind: "error"; code: number; message: string } | { kind: "drop" };

const DEFAULT_TEXT: Record<number, string> = {
  421: "Service not available, closing transmission channel (simulated)",
  450: "Requested mail action not taken: mailbox unavailable (simulated)",
  451: "Requested action aborted: local error in processing (simulated)",
  452: "Requested action not taken: insufficient system storage (simulated)",
  550: "Requested action not taken: mailbox unavailable (simulated)",
  552: "Requested mail action aborted: exceeded storage allocation (simulated)",
  553: "Requested action not taken: mailbox name not allowed (simulated)",
  554: "Transaction failed (simulated)",
};

export const chaosTriggerSchema = z
  .object({ ErrorCode: z.number().int().optional(), Probability: z.number().int().optional() })
  .loose();
export const chaosSchema = z
  .object({
    Sender: chaosTriggerSchema.optional(),
    Recipient: chaosTriggerSchema.optional(),
    Authentication: chaosTriggerSchema.optional(),
  })
  .loose();

export interface ChaosTrigger {
  ErrorCode: number;
  Probability: number;
}
export interface ChaosTriggers {
  Sender: ChaosTrigger;
  Recipient: ChaosTrigger;
  Authentication: ChaosTrigger;
}

const defaultChaos = (): ChaosTriggers => ({
  Sender: { ErrorCode: 451, Probability: 0 },
  Recipient: { ErrorCode: 451, Probability: 0 },
  Authentication: { ErrorCode: 535, Probability: 0 },
});

export class SmtpFaults {
  #rules = new Map<SmtpStage, { spec: SmtpFaultSpec; remaining: number | null; hits: number }>();
  #generation = 0;
  #draw: () => number;
  #chaos = defaultChaos();

  constructor(private readonly seed: string) {
    this.#draw = this.#rng();
  }

  #rng(): () => number {
    this.#generation++;
    const rng = seededRandom(`${this.seed}:smtp-faults:${this.#generation}`);
    return () => rng.next();
  }

  set(spec: SmtpFaultSpec): SmtpFaultView[] {
    this.#rules.set(spec.stage, { spec, remaining: spec.count ?? null, hits: 0 });
    this.#draw = this.#rng();
    return this.view();
  }

  clear(): void {
    this.#rules.clear();
    this.#chaos = defaultChaos();
  }

  view(): SmtpFaultView[] {
    return SMTP_STAGES.flatMap((stage) => {
      const r = this.#rules.get(stage);
      return r ? [{ ...r.spec, remaining: r.remaining, hits: r.hits }] : [];
    });
  }

  /** Whether the rule for `stage` strikes this command, given the envelope addresses it concerns. */
  decide(stage: SmtpStage, addresses: string[]): SmtpDecision {
    const chaos = stage === "MAIL" ? this.#chaos.Sender : stage === "RCPT" ? this.#chaos.Recipient : null;
    if (chaos && chaos.Probability > 0 && this.#draw() * 100 < chaos.Probability) {
      return { kind: "error", code: chaos.ErrorCode, message: "Chaos triggered" };
    }
    const rule = this.#rules.get(stage);
    if (!rule || rule.remaining === 0) return { kind: "none" };
    const match = rule.spec.match?.toLowerCase();
    if (match && !addresses.some((a) => a.toLowerCase().includes(match))) return { kind: "none" };
    if (rule.spec.probability !== undefined && this.#draw() >= rule.spec.probability) return { kind: "none" };
    if (rule.remaining !== null) rule.remaining--;
    rule.hits++;
    if (rule.spec.mode === "drop") return { kind: "drop" };
    const code = rule.spec.code;
    return { kind: "error", code, message: rule.spec.message ?? DEFAULT_TEXT[code] ?? "Simulated failure" };
  }

  decideAuth(): SmtpDecision {
    const t = this.#chaos.Authentication;
    if (t.Probability > 0 && this.#draw() * 100 < t.Probability) {
      return { kind: "error", code: t.ErrorCode, message: "Chaos triggered" };
    }
    return { kind: "none" };
  }

  get chaos(): ChaosTriggers {
    return structuredClone(this.#chaos);
  }

  /** Mailpit's chaos.SetFromStruct: omitted triggers reset to 0%, a missing code takes the default. */
  setChaos(input: z.infer<typeof chaosSchema>): ChaosTriggers {
    const next = defaultChaos();
    for (const key of ["Sender", "Recipient", "Authentication"] as const) {
      const given = input[key];
      const code = given?.ErrorCode || next[key].ErrorCode;
      const probability = given?.Probability ?? 0;
      if (code < 400 || code > 599) throw new RangeError("error code must be between 400 and 599");
      if (probability < 0 || probability > 100) throw new RangeError("probability must be between 0 and 100");
      next[key] = { ErrorCode: code, Probability: probability };
    }
    this.#chaos = next;
    return this.chaos;
  }
}
