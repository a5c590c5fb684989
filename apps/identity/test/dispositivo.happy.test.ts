// R28–R31: the conversion of an ordinary PIN, by upload and by fax, the operator's decision, and its effects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  identityDocument,
  JPEG,
  openRequest,
  operator,
  ordinarySession,
  pdfText,
  upload,
} from "./dispositivo-support.ts";
import { bearer, createTestbed, login, secret, type Testbed } from "./support.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

describe("POST /api/v1/me/dispositivo-requests and the form", () => {
  it("an ordinary PIN asks with an identity document and gets a form naming the citizen and the request", async () => {
    const { persona, headers } = await ordinarySession(tb);
    const created = await openRequest(tb, headers);
    expect(created).toMatchObject({
      status: "awaiting-signed-form",
      formUrl: `/api/v1/me/dispositivo-requests/${created.requestId}/form.pdf`,
    });
    const res = await tb.call("GET", created.formUrl, undefined, headers);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const { text, png } = pdfText(await res.arrayBuffer());
    expect(text).toContain(`${persona.lastName} ${persona.firstName}`);
    expect(text).toContain(persona.fiscalCode);
    expect(text).toContain(created.requestId);
    expect(text).toContain("CA12345AB");
    expect(text).toContain("Firma del richiedente");
    expect(text).toContain("800 803 164");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });
});

describe("GET /api/v1/me/dispositivo-conversion, the second screen (R29)", () => {
  it("shows the personal data and the contacts, and after a change through the contacts flow shows the new contact", async () => {
    const { persona, headers } = await ordinarySession(tb);
    const screen = (await (
      await tb.call("GET", "/api/v1/me/dispositivo-conversion", undefined, headers)
    ).json()) as {
      personalData: Record<string, unknown>;
      contacts: { email: string | null; mobile: string | null };
      editContacts: { change: { method: string; path: string } };
      openRequestId: string | null;
    };
    expect(screen.personalData).toMatchObject({
      fiscalCode: persona.fiscalCode,
      firstName: persona.firstName,
      lastName: persona.lastName,
      birthDate: persona.birthDate,
    });
    expect(screen.contacts).toMatchObject({ email: persona.email, mobile: persona.mobile });
    expect(screen.openRequestId).toBeNull();
    const mobile = "+393471234567";
    const started = await tb.call(
      screen.editContacts.change.method,
      screen.editContacts.change.path,
      { mobile },
      headers,
    );
    expect(started.status).toBe(202);
    const { verificationId } = (await started.json()) as { verificationId: string };
    await tb.drain();
    const code = secret(tb.gateways.sentSms.findLast((m) => m.to === mobile)?.text, "Codice di verifica");
    expect(
      (await tb.call("POST", `/api/v1/me/contacts/verifications/${verificationId}`, { code }, headers))
        .status,
    ).toBe(200);
    const refreshed = (await (
      await tb.call("GET", "/api/v1/me/dispositivo-conversion", undefined, headers)
    ).json()) as { contacts: { mobile: string } };
    expect(refreshed.contacts.mobile).toBe(mobile);
  });

  it("names the request already open, and a PIN already dispositivo gets 409 already-dispositivo", async () => {
    const { headers } = await ordinarySession(tb);
    const { requestId } = await openRequest(tb, headers);
    const screen = (await (
      await tb.call("GET", "/api/v1/me/dispositivo-conversion", undefined, headers)
    ).json()) as { openRequestId: string };
    expect(screen.openRequestId).toBe(requestId);
    const dispositivo = await ordinarySession(tb, { pinKind: "dispositivo" });
    const refused = await tb.call("GET", "/api/v1/me/dispositivo-conversion", undefined, dispositivo.headers);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe("already-dispositivo");
  });
});

describe("delivery and decision", () => {
  it("by upload (PDF form, JPEG document): the operator downloads the files, approves, and the PIN becomes dispositivo", async () => {
    const { persona, pin, headers } = await ordinarySession(tb);
    const { requestId, formUrl } = await openRequest(tb, headers);
    const form = await (await tb.call("GET", formUrl, undefined, headers)).arrayBuffer();
    // The declared types are wrong on purpose: only the content counts.
    const res = await upload(tb, requestId, headers, {
      signedForm: new Blob([form], { type: "text/plain" }),
      identityDocument: new Blob([JPEG], { type: "application/octet-stream" }),
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "under-review" });

    const queue = (await (
      await tb.call("GET", "/api/v1/operator/dispositivo-requests?status=under-review", undefined, operator)
    ).json()) as {
      items: {
        requestId: string;
        fiscalCode: string;
        deliveredVia: string;
        files: { part: string; url: string }[];
      }[];
    };
    const item = queue.items.find((i) => i.requestId === requestId);
    expect(item).toMatchObject({ fiscalCode: persona.fiscalCode, deliveredVia: "upload" });
    const scan = await tb.call(
      "GET",
      item!.files.find((f) => f.part === "identity-document")!.url,
      undefined,
      operator,
    );
    expect(scan.headers.get("content-type")).toBe("image/jpeg");
    expect(new Uint8Array(await scan.arrayBuffer())).toEqual(JPEG);

    const decided = await tb.call(
      "POST",
      `/api/v1/operator/dispositivo-requests/${requestId}/decision`,
      { decision: "approve" },
      operator,
    );
    expect(decided.status).toBe(200);
    await tb.drain();
    const mail = tb.gateways.sentMail.findLast((m) => m.to === persona.email);
    expect(mail?.subject).toBe("INPS - PIN dispositivo attivato");
    expect(mail?.text).toContain(requestId);

    const fresh = bearer((await login(tb, persona.fiscalCode, pin)).body.token);
    expect(
      ((await (await tb.call("GET", "/api/v1/me", undefined, fresh)).json()) as { pinKind: string }).pinKind,
    ).toBe("dispositivo");
    expect((await tb.call("POST", "/api/v1/services/applications", { kind: "naspi" }, fresh)).status).toBe(
      201,
    );
    // The scans are wiped once decided.
    expect((await tb.call("GET", item!.files[0]!.url, undefined, operator)).status).toBe(404);
    const events = (await (
      await tb.call("GET", `/api/v1/operator/citizens/${persona.fiscalCode}/events`, undefined, operator)
    ).json()) as { events: { type: string }[] };
    expect(events.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["dispositivo-requested", "dispositivo-form-delivered", "dispositivo-approved"]),
    );
  });

  it("by fax, rejected with a reason (told by email), and a new request can be made", async () => {
    const { persona, headers } = await ordinarySession(tb);
    const { requestId } = await openRequest(tb, headers);
    const paper = await tb.call(
      "POST",
      `/api/v1/operator/dispositivo-requests/${requestId}/paper-delivery`,
      { via: "fax" },
      operator,
    );
    expect(paper.status).toBe(200);
    expect(await paper.json()).toMatchObject({ status: "under-review", deliveredVia: "fax" });
    const rejected = await tb.call(
      "POST",
      `/api/v1/operator/dispositivo-requests/${requestId}/decision`,
      { decision: "reject", reason: "Firma assente sul modulo" },
      operator,
    );
    expect(await rejected.json()).toMatchObject({ status: "rejected", reason: "Firma assente sul modulo" });
    await tb.drain();
    const mail = tb.gateways.sentMail.findLast((m) => m.to === persona.email);
    expect(mail?.subject).toBe("INPS - Richiesta di PIN dispositivo respinta");
    expect(mail?.text).toContain("Motivo: Firma assente sul modulo");
    expect(
      ((await (await tb.call("GET", "/api/v1/me", undefined, headers)).json()) as { pinKind: string })
        .pinKind,
    ).toBe("ordinary");
    const again = await tb.call(
      "POST",
      "/api/v1/me/dispositivo-requests",
      { identityDocument: identityDocument({ type: "passaporto", number: "YA1234567" }) },
      headers,
    );
    expect(again.status).toBe(201);
  });

  it("the queue is paged, newest first", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { headers } = await ordinarySession(tb);
      const { requestId } = await openRequest(tb, headers);
      ids.push(requestId);
      await tb.advance("PT1M");
    }
    const page = (n: number) =>
      tb
        .call(
          "GET",
          `/api/v1/operator/dispositivo-requests?status=awaiting-signed-form&pageSize=2&page=${n}`,
          undefined,
          operator,
        )
        .then(async (r) => (await r.json()) as { items: { requestId: string }[]; total: number });
    const first = await page(1);
    const second = await page(2);
    expect(first.items.map((i) => i.requestId).slice(0, 2)).toEqual([ids[2], ids[1]]);
    expect(second.items[0]?.requestId).toBe(ids[0]);
    expect(first.total).toBeGreaterThanOrEqual(3);
  });
});

describe("a revocation while a request is open (R24)", () => {
  it("cancels the request under review: it leaves the operators' queue, its scans are deleted, no decision can follow", async () => {
    const { persona, headers } = await ordinarySession(tb);
    const { requestId, formUrl } = await openRequest(tb, headers);
    const form = await (await tb.call("GET", formUrl, undefined, headers)).arrayBuffer();
    const delivered = await upload(tb, requestId, headers, {
      signedForm: new Blob([form]),
      identityDocument: new Blob([JPEG]),
    });
    expect(delivered.status).toBe(202);
    const queue = async (status: string) =>
      (
        (await (
          await tb.call(
            "GET",
            `/api/v1/operator/dispositivo-requests?status=${status}&pageSize=100`,
            undefined,
            operator,
          )
        ).json()) as {
          items: { requestId: string; status: string; files: unknown[] }[];
        }
      ).items.find((i) => i.requestId === requestId);
    expect(await queue("under-review")).toBeDefined();

    const revoked = await tb.call(
      "POST",
      `/api/v1/operator/citizens/${persona.fiscalCode}/revocation`,
      undefined,
      operator,
    );
    expect(revoked.status).toBe(200);

    expect(await queue("under-review")).toBeUndefined();
    expect(await queue("cancelled")).toMatchObject({ status: "cancelled", files: [] });
    const scan = await tb.call(
      "GET",
      `/api/v1/operator/dispositivo-requests/${requestId}/files/identity-document`,
      undefined,
      operator,
    );
    expect(scan.status).toBe(404);
    const decided = await tb.call(
      "POST",
      `/api/v1/operator/dispositivo-requests/${requestId}/decision`,
      { decision: "approve" },
      operator,
    );
    expect(decided.status).toBe(409);
    expect(await decided.json()).toMatchObject({ code: "wrong-request-state", requestStatus: "cancelled" });
    const events = (await (
      await tb.call("GET", `/api/v1/operator/citizens/${persona.fiscalCode}/events`, undefined, operator)
    ).json()) as {
      events: { type: string; data: Record<string, unknown> }[];
    };
    expect(events.events.find((e) => e.type === "revoked")?.data).toMatchObject({
      dispositivoRequestsCancelled: 1,
    });
  });
});
