// R28–R31 refusals: a bad identity document, an upload that is not a PDF/PNG/JPEG or too large (nothing stored),
// a PIN that is already dispositivo, a second open request, a decision out of turn.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  identityDocument,
  JPEG,
  openRequest,
  operator,
  ordinarySession,
  upload,
} from "./dispositivo-support.ts";
import { createTestbed, type Testbed } from "./support.ts";
import { UPLOAD_MAX_BYTES } from "../src/dispositivo/uploads.ts";

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed(import.meta.filename);
});
afterAll(() => tb.close());

type Problem = { code: string; errors?: { path: string }[] };

describe("POST /api/v1/me/dispositivo-requests", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["an expired document", { expiryDate: "2025-01-31" }, "identityDocument.expiryDate"],
    ["a document issued in the future", { issueDate: "2027-01-10" }, "identityDocument.issueDate"],
    [
      "a passport number in a card's format",
      { type: "passaporto", number: "CA12345AB" },
      "identityDocument.number",
    ],
    ["a date that is not a date", { issueDate: "10/05/2021" }, "identityDocument.issueDate"],
  ];
  for (const [what, overrides, path] of cases) {
    it(`${what} is 400 validation-failed naming ${path}`, async () => {
      const { headers } = await ordinarySession(tb);
      const res = await tb.call(
        "POST",
        "/api/v1/me/dispositivo-requests",
        { identityDocument: identityDocument(overrides) },
        headers,
      );
      expect(res.status).toBe(400);
      const problem = (await res.json()) as Problem;
      expect(problem.code).toBe("validation-failed");
      expect(problem.errors?.map((e) => e.path)).toContain(path);
    });
  }

  it("a PIN dispositivo gets 409 already-dispositivo", async () => {
    const { headers } = await ordinarySession(tb, { pinKind: "dispositivo" });
    const res = await tb.call(
      "POST",
      "/api/v1/me/dispositivo-requests",
      { identityDocument: identityDocument() },
      headers,
    );
    expect(res.status).toBe(409);
    expect(((await res.json()) as Problem).code).toBe("already-dispositivo");
  });

  it("a second request while one is open gets 409 dispositivo-request-open with the open one's id", async () => {
    const { headers } = await ordinarySession(tb);
    const { requestId } = await openRequest(tb, headers);
    const res = await tb.call(
      "POST",
      "/api/v1/me/dispositivo-requests",
      { identityDocument: identityDocument() },
      headers,
    );
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      code: "dispositivo-request-open",
      dispositivoRequestId: requestId,
    });
  });
});

describe("POST /api/v1/me/dispositivo-requests/{id}/documents", () => {
  async function expectNothingStored(requestId: string, headers: Record<string, string>) {
    const view = (await (
      await tb.call("GET", `/api/v1/me/dispositivo-requests/${requestId}`, undefined, headers)
    ).json()) as { status: string };
    expect(view.status).toBe("awaiting-signed-form");
    for (const part of ["signed-form", "identity-document"]) {
      expect(
        (
          await tb.call(
            "GET",
            `/api/v1/operator/dispositivo-requests/${requestId}/files/${part}`,
            undefined,
            operator,
          )
        ).status,
      ).toBe(404);
    }
  }

  it("a text file renamed .pdf and declared application/pdf is 415 unsupported-media-type, nothing stored", async () => {
    const { headers } = await ordinarySession(tb);
    const { requestId } = await openRequest(tb, headers);
    const res = await upload(
      tb,
      requestId,
      headers,
      {
        signedForm: new Blob(["Modulo firmato, giuro"], { type: "application/pdf" }),
        identityDocument: new Blob([JPEG], { type: "image/jpeg" }),
      },
      "modulo.pdf",
    );
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({
      code: "unsupported-media-type",
      errors: [{ path: "signedForm" }],
    });
    await expectNothingStored(requestId, headers);
  });

  it("a file over the limit is 413 too-large, nothing stored", async () => {
    const { headers } = await ordinarySession(tb);
    const { requestId } = await openRequest(tb, headers);
    const big = new Uint8Array(UPLOAD_MAX_BYTES + 1);
    big.set(JPEG.subarray(0, 4));
    const res = await upload(tb, requestId, headers, {
      signedForm: new Blob([JPEG]),
      identityDocument: new Blob([big]),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as Problem).code).toBe("too-large");
    await expectNothingStored(requestId, headers);
  });

  it("a missing part is 400 naming it; a second delivery is 409 wrong-request-state", async () => {
    const { headers } = await ordinarySession(tb);
    const { requestId } = await openRequest(tb, headers);
    const missing = await upload(tb, requestId, headers, { signedForm: new Blob([JPEG]) });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      code: "validation-failed",
      errors: [{ path: "identityDocument" }],
    });
    expect(
      (
        await upload(tb, requestId, headers, {
          signedForm: new Blob([JPEG]),
          identityDocument: new Blob([JPEG]),
        })
      ).status,
    ).toBe(202);
    const again = await tb.call(
      "POST",
      `/api/v1/operator/dispositivo-requests/${requestId}/paper-delivery`,
      { via: "office" },
      operator,
    );
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "wrong-request-state", requestStatus: "under-review" });
  });
});

describe("POST /api/v1/operator/dispositivo-requests/{id}/decision", () => {
  it("a request still waiting for its form cannot be decided; an unknown one is 404", async () => {
    const { headers } = await ordinarySession(tb);
    const { requestId } = await openRequest(tb, headers);
    const early = await tb.call(
      "POST",
      `/api/v1/operator/dispositivo-requests/${requestId}/decision`,
      { decision: "approve" },
      operator,
    );
    expect(early.status).toBe(409);
    expect(((await early.json()) as Problem).code).toBe("wrong-request-state");
    const unknown = await tb.call(
      "POST",
      "/api/v1/operator/dispositivo-requests/DSP-NOPE/decision",
      { decision: "approve" },
      operator,
    );
    expect(unknown.status).toBe(404);
  });
});
