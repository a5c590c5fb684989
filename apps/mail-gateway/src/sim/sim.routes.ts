// Control-plane extras of the mail gateway: SMTP faults and the PEC receipts still in transit.
import type { Hono } from "hono";
import { readJson, type ServiceEnv } from "@inps-sim/service-kit";
import type { Mailbox } from "../mailbox.ts";
import { smtpFaultSchema, type SmtpFaults } from "../smtp/faults.ts";

export function mountSimRoutes(
  sim: Hono<ServiceEnv>,
  deps: { mailbox: Mailbox; smtpFaults: SmtpFaults },
): void {
  sim.get("/smtp-faults", (c) => c.json({ faults: deps.smtpFaults.view() }));
  sim.put("/smtp-faults", async (c) => {
    const spec = await readJson(c.req, smtpFaultSchema);
    return c.json({ faults: deps.smtpFaults.set(spec) });
  });
  sim.delete("/smtp-faults", (c) => {
    deps.smtpFaults.clear();
    return c.body(null, 204);
  });
  sim.get("/pec/pending", async (c) => c.json({ pending: await deps.mailbox.pending() }));
}
