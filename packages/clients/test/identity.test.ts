import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createIdentityClient,
  describeResult,
  type IdentityResult,
  type PinRequestInput,
} from "../src/identity.ts";

const BASE = "http://identity.test";
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const problem = (status: number, fields: Record<string, unknown>, headers: Record<string, string> = {}) =>
  HttpResponse.json(
    { type: "about:blank", title: "t", status, detail: "d", ...fields },
    { status, headers: { "content-type": "application/problem+json", ...headers } },
  );

const client = () => createIdentityClient({ baseUrl: `${BASE}/`, adminToken: "adm", operatorToken: "op" });

const request: PinRequestInput = {
  fiscalCode: "RSSMRA80A01H501U",
  firstName: "Mario",
  lastName: "Rossi",
  gender: "M",
  birthDate: "1980-01-01",
  birthPlace: "Roma",
  residence: { street: "Via Roma 1", postalCode: "00184", city: "Roma", province: "RM" },
  contacts: { email: "mario.rossi@example.it" },
  deliveryProfile: "digital-then-post",
  firstHalfChannel: "email",
};

function failure<T>(result: IdentityResult<T>) {
  if (result.ok) throw new Error(`expected a failure, got ${describeResult(result)}`);
  return result;
}

function success<T>(result: IdentityResult<T>) {
  if (!result.ok) throw new Error(`expected a success, got ${describeResult(result)}`);
  return result;
}

describe("createIdentityClient: successes", () => {
  it("requests a PIN with the body, the Idempotency-Key and the request id", async () => {
    let seen: { body: unknown; headers: Headers } | undefined;
    server.use(
      http.post(`${BASE}/api/v1/pin-requests`, async ({ request: req }) => {
        seen = { body: await req.json(), headers: req.headers };
        return HttpResponse.json(
          {
            requestId: "req_1",
            deliveryProfile: "digital-then-post",
            channels: { firstHalf: "email", secondHalf: "post" },
            activationDeadline: "2026-04-12T09:00:00.000Z",
          },
          { status: 202 },
        );
      }),
    );
    const result = success(await client().requestPin(request, { idempotencyKey: "k-1", requestId: "rid-1" }));
    expect(result.status).toBe(202);
    expect(result.body.channels).toEqual({ firstHalf: "email", secondHalf: "post" });
    expect(seen?.body).toEqual(request);
    expect(seen?.headers.get("idempotency-key")).toBe("k-1");
    expect(seen?.headers.get("x-request-id")).toBe("rid-1");
    expect(seen?.headers.get("content-type")).toBe("application/json");
  });

  it("logs in, reads /me with the bearer token and logs out with a 204", async () => {
    const tokens: (string | null)[] = [];
    server.use(
      http.post(`${BASE}/api/v1/sessions`, () =>
        HttpResponse.json(
          { token: "tok", expiresAt: "2026-01-12T09:30:00.000Z", pinKind: "ordinary", requiredAction: null },
          { status: 201 },
        ),
      ),
      http.get(`${BASE}/api/v1/me`, ({ request: req }) => {
        tokens.push(req.headers.get("authorization"));
        return HttpResponse.json({
          fiscalCode: "RSSMRA80A01H501U",
          firstName: "Mario",
          lastName: "Rossi",
          contacts: { email: "mario.rossi@example.it", pec: null, mobile: null },
          pinKind: "ordinary",
          pinChangedAt: null,
          pinExpiresAt: null,
          requiredAction: "replace-initial-pin",
        });
      }),
      http.delete(`${BASE}/api/v1/sessions/current`, ({ request: req }) => {
        tokens.push(req.headers.get("authorization"));
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const identity = client();
    const session = success(
      await identity.createSession({ fiscalCode: "RSSMRA80A01H501U", pin: "Vento3Lu" }),
    );
    expect(session.body.requiredAction).toBeNull();
    const me = success(await identity.me(session.body.token));
    expect(me.body.requiredAction).toBe("replace-initial-pin");
    const out = success(await identity.logout(session.body.token));
    expect(out).toMatchObject({ status: 204, body: null });
    expect(tokens).toEqual(["Bearer tok", "Bearer tok"]);
  });

  it("changes a PIN and verifies it, encoding the change id", async () => {
    let verifyUrl = "";
    server.use(
      http.post(`${BASE}/api/v1/me/pin-changes`, () =>
        HttpResponse.json(
          { changeId: "chg/1", verificationChannel: "email", destination: "m***i@example.it" },
          { status: 202 },
        ),
      ),
      http.post(`${BASE}/api/v1/me/pin-changes/:id/verify`, async ({ request: req }) => {
        verifyUrl = req.url;
        expect(await req.json()).toEqual({ code: "123456" });
        return HttpResponse.json({ status: "changed", pinExpiresAt: "2026-07-11T09:00:00.000Z" });
      }),
    );
    const identity = client();
    const started = success(
      await identity.startPinChange("tok", {
        currentPin: "Vento3Lu",
        newPin: "Prato8Zk",
        confirmPin: "Prato8Zk",
      }),
    );
    const changed = success(await identity.verifyPinChange("tok", started.body.changeId, "123456"));
    expect(changed.body.status).toBe("changed");
    expect(verifyUrl).toBe(`${BASE}/api/v1/me/pin-changes/chg%2F1/verify`);
  });

  it("sends the admin token to /__sim and the operator token to the operator API", async () => {
    const auth: Record<string, string | null> = {};
    server.use(
      http.post(`${BASE}/__sim/citizens`, ({ request: req }) => {
        auth.sim = req.headers.get("authorization");
        return HttpResponse.json({ fiscalCode: "RSSMRA80A01H501U" }, { status: 201 });
      }),
      http.get(`${BASE}/__sim/outbox`, ({ request: req }) => {
        auth.outbox = new URL(req.url).search;
        return HttpResponse.json({ messages: [] });
      }),
      http.post(`${BASE}/__sim/outbox/drain`, () =>
        HttpResponse.json({ delivered: 2, retrying: 0, dead: 0 }),
      ),
      http.get(`${BASE}/api/v1/operator/citizens/:fc/events`, ({ request: req }) => {
        auth.operator = req.headers.get("authorization");
        auth.limit = new URL(req.url).searchParams.get("limit");
        return HttpResponse.json({
          fiscalCode: "RSSMRA80A01H501U",
          events: [{ type: "pin-requested", at: "x", data: {}, requestId: null }],
        });
      }),
    );
    const identity = client();
    const { pin: _pin, ...person } = { ...request, pin: "Vento3Lu" };
    success(await identity.simCreateCitizen({ ...person, pin: "Vento3Lu" }));
    success(await identity.simOutbox({ fiscalCode: "RSSMRA80A01H501U", status: "pending" }));
    expect(success(await identity.simDrainOutbox()).body.delivered).toBe(2);
    const timeline = success(await identity.operatorEvents("RSSMRA80A01H501U", { limit: 5 }));
    expect(timeline.body.events[0]?.type).toBe("pin-requested");
    expect(auth).toEqual({
      sim: "Bearer adm",
      outbox: "?status=pending&fiscalCode=RSSMRA80A01H501U",
      operator: "Bearer op",
      limit: "5",
    });
  });
});

describe("createIdentityClient: revocation and contacts (R22–R26)", () => {
  it("revokes online and by the operator, with the operator token on the operator's call only", async () => {
    const seen: { path: string; auth: string | null; body: unknown }[] = [];
    server.use(
      http.post(`${BASE}/api/v1/revocations`, async ({ request: req }) => {
        seen.push({ path: "revocations", auth: req.headers.get("authorization"), body: await req.json() });
        return HttpResponse.json({ status: "revoked" });
      }),
      http.post(`${BASE}/api/v1/operator/citizens/:fc/revocation`, ({ request: req, params }) => {
        seen.push({
          path: `operator ${String(params.fc)}`,
          auth: req.headers.get("authorization"),
          body: null,
        });
        return HttpResponse.json({ status: "revoked" });
      }),
    );
    const input = {
      fiscalCode: "RSSMRA80A01H501U",
      healthCard: { number: "80380000000000000001", expiryDate: "2029-05-31" },
      pec: "m@pec.it",
    };
    expect(success(await client().revoke(input)).body).toEqual({ status: "revoked" });
    expect(success(await client().operatorRevoke("RSSMRA80A01H501U")).body.status).toBe("revoked");
    expect(seen).toEqual([
      { path: "revocations", auth: null, body: input },
      { path: "operator RSSMRA80A01H501U", auth: "Bearer op", body: null },
    ]);
  });

  it("reads, changes and confirms contacts with the session; the operator adds one with its token", async () => {
    const masked = { email: "m***i@example.it", pec: null, mobile: "+39 3** *** **67" };
    const calls: string[] = [];
    server.use(
      http.get(`${BASE}/api/v1/me/contacts`, ({ request: req }) => {
        calls.push(`GET ${req.headers.get("authorization")}`);
        return HttpResponse.json({ contacts: masked });
      }),
      http.patch(`${BASE}/api/v1/me/contacts`, async ({ request: req }) => {
        calls.push(`PATCH ${JSON.stringify(await req.json())}`);
        return HttpResponse.json({ verificationId: "v 1", destination: "n***o@example.it" }, { status: 202 });
      }),
      http.post(`${BASE}/api/v1/me/contacts/verifications/:id`, async ({ request: req, params }) => {
        calls.push(`VERIFY ${String(params.id)} ${JSON.stringify(await req.json())}`);
        return HttpResponse.json({ contacts: masked });
      }),
      http.post(`${BASE}/api/v1/operator/citizens/:fc/contacts`, async ({ request: req }) => {
        calls.push(`OPERATOR ${req.headers.get("authorization")} ${JSON.stringify(await req.json())}`);
        return HttpResponse.json({ contacts: masked });
      }),
    );
    expect(success(await client().contacts("tok")).body.contacts).toEqual(masked);
    const started = success(await client().changeContact("tok", { mobile: null }));
    expect(started.status).toBe(202);
    expect(
      success(await client().verifyContactChange("tok", started.body.verificationId, "123456")).body.contacts,
    ).toEqual(masked);
    expect(
      success(await client().operatorAddContacts("RSSMRA80A01H501U", { pec: "m@pec.it" })).body.contacts,
    ).toEqual(masked);
    expect(calls).toEqual([
      "GET Bearer tok",
      'PATCH {"mobile":null}',
      'VERIFY v 1 {"code":"123456"}',
      'OPERATOR Bearer op {"pec":"m@pec.it"}',
    ]);
  });

  it("a 401 revocation-failed and a 409 last-contact come back as problems", async () => {
    server.use(
      http.post(`${BASE}/api/v1/revocations`, () => problem(401, { code: "revocation-failed" })),
      http.patch(`${BASE}/api/v1/me/contacts`, () => problem(409, { code: "last-contact" })),
    );
    const input = { fiscalCode: "X", healthCard: { number: "1", expiryDate: "2029-01-01" }, email: "a@b.it" };
    expect(failure(await client().revoke(input)).problem.code).toBe("revocation-failed");
    expect(failure(await client().changeContact("tok", { email: null })).problem.code).toBe("last-contact");
  });
});

describe("createIdentityClient: problem+json failures", () => {
  it("answers a 423 with its code, retryAfter and the Retry-After header, without throwing", async () => {
    server.use(
      http.post(`${BASE}/api/v1/sessions`, () =>
        problem(
          423,
          { code: "locked", retryAfter: 120, lockedUntil: "2026-01-12T09:03:00.000Z" },
          { "retry-after": "120" },
        ),
      ),
    );
    const result = failure(await client().login({ fiscalCode: "RSSMRA80A01H501U", pin: "wrong" }));
    expect(result.status).toBe(423);
    expect(result.problem).toMatchObject({
      code: "locked",
      retryAfter: 120,
      lockedUntil: "2026-01-12T09:03:00.000Z",
    });
    expect(result.headers.get("retry-after")).toBe("120");
    expect(describeResult(result)).toBe("423 locked: d");
  });

  it("keeps validation errors and weak-PIN reasons", async () => {
    server.use(
      http.post(`${BASE}/api/v1/pin-requests`, () =>
        problem(400, {
          code: "validation-failed",
          errors: [{ path: "birthDate", message: "does not match the fiscal code" }],
        }),
      ),
      http.post(`${BASE}/api/v1/me/pin-changes`, () =>
        problem(422, { code: "pin-too-weak", reasons: [{ code: "sequence", message: "no sequences" }] }),
      ),
    );
    const refused = failure(await client().requestPin(request));
    expect(refused.problem.errors?.map((e) => e.path)).toEqual(["birthDate"]);
    const weak = failure(
      await client().startPinChange("tok", { currentPin: "a", newPin: "abcd1234", confirmPin: "abcd1234" }),
    );
    expect(weak.problem.reasons?.[0]?.code).toBe("sequence");
  });

  it("takes retryAfter from the header when the body lacks it", async () => {
    server.use(
      http.post(`${BASE}/api/v1/sessions`, () => problem(423, { code: "locked" }, { "retry-after": "42" })),
    );
    const result = failure(await client().login({ fiscalCode: "X", pin: "Y" }));
    expect(result.problem.retryAfter).toBe(42);
  });
});

describe("createIdentityClient: answers that are not what the contract says", () => {
  it("turns a failure without problem+json into http-<status> with the text as title", async () => {
    server.use(
      http.post(`${BASE}/api/v1/pin-activations`, () => new HttpResponse("Bad Gateway", { status: 502 })),
    );
    const result = failure(
      await client().activate({
        fiscalCode: "X",
        firstHalf: "Y",
        healthCard: { number: "1", expiryDate: "2030-01-01" },
      }),
    );
    expect(result.problem).toMatchObject({ code: "http-502", status: 502, title: "Bad Gateway" });
    expect(result.raw).toBe("Bad Gateway");
  });

  it("turns a success that is not JSON into malformed-response", async () => {
    server.use(
      http.post(`${BASE}/api/v1/sessions`, () => new HttpResponse("<html>ok</html>", { status: 201 })),
    );
    const result = failure(await client().login({ fiscalCode: "X", pin: "Y" }));
    expect(result.status).toBe(201);
    expect(result.problem.code).toBe("malformed-response");
  });

  it("turns a success without the promised fields into malformed-response naming them", async () => {
    server.use(
      http.post(`${BASE}/api/v1/sessions`, () =>
        HttpResponse.json({ expiresAt: "x", pinKind: "ordinary" }, { status: 201 }),
      ),
    );
    const result = failure(await client().login({ fiscalCode: "X", pin: "Y" }));
    expect(result.problem.code).toBe("malformed-response");
    expect(result.problem.detail).toContain("token");
    expect(result.problem.detail).toContain("requiredAction");
  });

  it("treats an empty or JSON-array failure body as a bare status", async () => {
    server.use(
      http.get(`${BASE}/api/v1/me`, () => new HttpResponse(null, { status: 401 })),
      http.get(`${BASE}/__sim/citizens/:fc/events`, () => HttpResponse.json([1, 2], { status: 500 })),
    );
    expect(failure(await client().me("tok")).problem).toMatchObject({ code: "http-401", title: "HTTP 401" });
    expect(failure(await client().simEvents("RSSMRA80A01H501U")).problem.code).toBe("http-500");
  });

  it("takes a simulated document as it comes, and a 403 action-required with its required action", async () => {
    let served = 0;
    server.use(
      http.get(`${BASE}/api/v1/services/:service`, () =>
        served++ === 0
          ? new HttpResponse("ESTRATTO CONTO CONTRIBUTIVO", {
              status: 200,
              headers: { "content-type": "text/plain" },
            })
          : problem(403, { code: "action-required", requiredAction: "replace-initial-pin" }),
      ),
    );
    expect(success(await client().consultService("tok", "contribution-statement")).body).toBe(
      "ESTRATTO CONTO CONTRIBUTIVO",
    );
    const refused = failure(await client().consultService("tok", "pension-slip"));
    expect(refused.problem).toMatchObject({ code: "action-required", requiredAction: "replace-initial-pin" });
  });

  it("lets a network failure reject: it is not an answer", async () => {
    server.use(http.get(`${BASE}/api/v1/me`, () => HttpResponse.error()));
    await expect(client().me("tok")).rejects.toThrow();
  });
});

describe("createIdentityClient: recovery (R15–R20)", () => {
  it("asks, opens the link's form, confirms, and shows and confirms the generated PIN", async () => {
    const seen: string[] = [];
    server.use(
      http.post(`${BASE}/api/v1/recoveries`, async ({ request: req }) => {
        seen.push(`ask ${JSON.stringify(await req.json())}`);
        return HttpResponse.json({ status: "accepted" }, { status: 202 });
      }),
      http.get(`${BASE}/api/v1/recoveries/:token`, ({ params }) => {
        seen.push(`form ${String(params.token)}`);
        return new HttpResponse("<form>Codice di ripristino</form>", {
          headers: { "content-type": "text/html" },
        });
      }),
      http.post(`${BASE}/api/v1/recoveries/:token/confirm`, async ({ params, request: req }) => {
        seen.push(`confirm ${String(params.token)} ${JSON.stringify(await req.json())}`);
        return HttpResponse.json(
          { status: "pin-sent", channels: { firstHalf: "sms", secondHalf: "email" } },
          { status: 202 },
        );
      }),
      http.post(`${BASE}/api/v1/me/generated-pin`, ({ request: req }) => {
        seen.push(`show ${req.headers.get("authorization")}`);
        return HttpResponse.json({ pin: "K7M2P9QX" }, { status: 201 });
      }),
      http.post(`${BASE}/api/v1/me/generated-pin/confirm`, async ({ request: req }) => {
        seen.push(`done ${JSON.stringify(await req.json())}`);
        return HttpResponse.json({ status: "changed", pinExpiresAt: null });
      }),
    );
    const c = client();
    expect(
      success(
        await c.askRecovery({ fiscalCode: "RSSMRA80A01H501U", email: "a@b.it", mobile: "+393471234567" }),
      ).body,
    ).toEqual({ status: "accepted" });
    expect(success(await c.recoveryForm("rip_x")).body).toContain("Codice di ripristino");
    expect(
      success(await c.confirmRecovery("rip_x", { fiscalCode: "RSSMRA80A01H501U", recoveryCode: "ABCDEFGH" }))
        .body.status,
    ).toBe("pin-sent");
    expect(success(await c.showGeneratedPin("ses_1")).body.pin).toBe("K7M2P9QX");
    expect(success(await c.confirmGeneratedPin("ses_1", "K7M2P9QX")).body.status).toBe("changed");
    expect(seen).toEqual([
      'ask {"fiscalCode":"RSSMRA80A01H501U","email":"a@b.it","mobile":"+393471234567"}',
      "form rip_x",
      'confirm rip_x {"fiscalCode":"RSSMRA80A01H501U","recoveryCode":"ABCDEFGH"}',
      "show Bearer ses_1",
      'done {"pin":"K7M2P9QX"}',
    ]);
  });

  it("a wrong recovery code is a failure with its code", async () => {
    server.use(
      http.post(`${BASE}/api/v1/recoveries/:token/confirm`, () => problem(401, { code: "recovery-failed" })),
    );
    expect(
      failure(await client().confirmRecovery("rip_x", { fiscalCode: "X", recoveryCode: "Y" })).problem.code,
    ).toBe("recovery-failed");
  });
});
