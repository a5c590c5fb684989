// R27/R32: an ordinary PIN opens the consultation services.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, bearer, createTestbed, login, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

describe("GET /api/v1/services/*", () => {
  for (const service of ["contribution-statement", "pension-slip"]) {
    it(`${service}: a session with an ordinary PIN reads the citizen's own simulated document`, async () => {
      const { persona, pin } = await activeCitizen(tb);
      const { body } = await login(tb, persona.fiscalCode, pin);
      const res = await tb.call("GET", `/api/v1/services/${service}`, undefined, bearer(body.token));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        service,
        fiscalCode: persona.fiscalCode,
        holder: `${persona.firstName} ${persona.lastName}`,
        simulated: true,
      });
    });
  }
});
