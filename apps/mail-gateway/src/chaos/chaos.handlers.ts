// Mailpit's chaos triggers (/api/v1/chaos): SMTP errors at random, only when MAIL_CHAOS is on.
import type { Context } from "hono";
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { badRequest, readGoJson } from "../http/mailpit-text.ts";
import { chaosSchema } from "../smtp/faults.ts";

type C = Context<ServiceEnv>;

export const getChaos = (ctx: MailContext) => (c: C) =>
  ctx.chaosEnabled ? c.json(ctx.smtpFaults.chaos) : badRequest(c, "Chaos is not enabled");

export const setChaos = (ctx: MailContext) => async (c: C) => {
  if (!ctx.chaosEnabled) return badRequest(c, "Chaos is not enabled");
  const body = await readGoJson(c);
  if (!body.ok) return badRequest(c, body.error);
  // Go matches field names case-insensitively, at every level.
  const trigger = (v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v).map(([k, x]) => [
            k.toLowerCase() === "errorcode"
              ? "ErrorCode"
              : k.toLowerCase() === "probability"
                ? "Probability"
                : k,
            x,
          ]),
        )
      : v;
  const parsed = chaosSchema.safeParse({
    Sender: trigger(body.value.sender),
    Recipient: trigger(body.value.recipient),
    Authentication: trigger(body.value.authentication),
  });
  if (!parsed.success) return badRequest(c, "invalid chaos triggers");
  try {
    return c.json(ctx.smtpFaults.setChaos(parsed.data));
  } catch (error) {
    return badRequest(c, error instanceof Error ? error.message : "invalid chaos triggers");
  }
};
