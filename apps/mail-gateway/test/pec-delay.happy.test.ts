// PEC with PEC_DELIVERY_DELAY: CONSEGNA waits for the simulated clock.
import { MailpitClient } from "mailpit-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auth, startTestService, type TestService } from "./support.ts";

describe("PEC with a delivery delay in simulated time", () => {
  let d: TestService;
  beforeAll(async () => {
    d = await startTestService({ PEC_DELIVERY_DELAY: "PT10M" });
  });
  afterAll(async () => d?.close());

  it("delivers CONSEGNA only when the simulated clock reaches the delivery time", async () => {
    const client = new MailpitClient(d.api);
    await d.send({
      from: "protocollo@pec.inps.gov.it",
      to: "mario.rossi@pec.it",
      subject: "Ritardo",
      text: "x",
    });
    const receipts = async () =>
      (await client.searchMessages({ query: "to:protocollo@pec.inps.gov.it" })).messages.map(
        (m) => m.Subject,
      );
    expect(await receipts()).toEqual(["ACCETTAZIONE: Ritardo"]);
    const pending = (await (await d.http("/__sim/pec/pending", { headers: auth })).json()) as {
      pending: { kind: string }[];
    };
    expect(pending.pending.map((p) => p.kind)).toEqual(["avvenuta-consegna"]);
    const moved = await d.http("/__sim/clock", {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ advanceBy: "PT10M" }),
    });
    expect(moved.status).toBe(200);
    expect(await receipts()).toEqual(["CONSEGNA: Ritardo", "ACCETTAZIONE: Ritardo"]);
  });
});
