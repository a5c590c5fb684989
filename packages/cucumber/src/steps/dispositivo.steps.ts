// R27–R32 in the citizen's journeys: the services behind the PIN, and the conversion into a PIN dispositivo
// (request, form, delivery by upload or on paper, the operator's decision). The conversion's state is the
// World's `dispositivo` field.
import assert from "node:assert/strict";
import { Then, When } from "@cucumber/cucumber";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ConsultationDocument, DispositivoRequest, IdentityDocumentInput } from "@inps-sim/clients";
import {
  currentPin,
  expectOk,
  expectProblem,
  kept,
  logIn,
  nudgeOutbox,
  token,
} from "../support/citizen-journeys.ts";
import type { SimulatorWorld } from "../support/world.ts";

const openRequest = (world: SimulatorWorld): DispositivoRequest => {
  const request = world.dispositivo.request;
  assert.ok(request, "the citizen has not asked to convert the PIN");
  return request;
};

/** The first bytes of a JPEG, as a scanner writes them. */
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xd9,
]);

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function document(
  world: SimulatorWorld,
  type: IdentityDocumentInput["type"],
  number: string,
  expired = false,
): Promise<IdentityDocumentInput> {
  const now = await world.sim.now();
  const years = (n: number) => new Date(Date.UTC(now.getUTCFullYear() + n, now.getUTCMonth(), 1));
  return {
    type,
    number,
    issuedBy: type === "passaporto" ? "Questura di Roma" : "Comune di Roma",
    issueDate: isoDay(years(expired ? -11 : -2)),
    expiryDate: isoDay(years(expired ? -1 : 8)),
  };
}

async function askConversion(world: SimulatorWorld, doc: IdentityDocumentInput) {
  const created = kept(world, await world.identity.requestDispositivo(token(world), doc));
  world.dispositivo.created = created;
  if (created.ok) world.dispositivo.request = created.body;
}

// The 14 standard fonts' metrics (Helvetica, …), which the forms use: shipped with pdf.js, read from disk.
const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

/**
 * The text of a PDF, read in-process with Mozilla's pdf.js: a suite that imports these steps needs no poppler.
 * pdf.js is loaded by the first step that reads a PDF, not by every Cucumber process that loads the steps.
 */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js takes the buffer over: give it a copy.
  const pdf = await getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
  try {
    const lines: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      for (const item of content.items) if ("str" in item) lines.push(item.str);
    }
    return lines.join("\n");
  } finally {
    await pdf.destroy();
  }
}

Then(
  "the citizen reads the Certificazione Unica, the pension slip, the contribution years and the status of applications",
  async function (this: SimulatorWorld) {
    for (const service of [
      "certificazione-unica",
      "pension-slip",
      "contribution-years",
      "application-status",
    ] as const) {
      const doc = expectOk(
        kept(this, await this.identity.consultService(token(this), service)),
        `reading ${service}`,
      ) as ConsultationDocument;
      assert.equal(doc.fiscalCode, this.citizen.fiscalCode, `${service} belongs to the citizen`);
      assert.ok(doc.lines.length > 0, `${service} has content`);
    }
  },
);

When("the citizen applies for NASpI", async function (this: SimulatorWorld) {
  this.dispositivo.application = kept(this, await this.identity.submitApplication(token(this), "naspi"));
});

Then(
  "the application is refused because it needs a PIN dispositivo, saying how to convert the PIN",
  function (this: SimulatorWorld) {
    const answer = this.dispositivo.application;
    assert.ok(answer, "no application was submitted");
    const problem = expectProblem(answer, 403, "dispositivo-required", "an application with an ordinary PIN");
    assert.match(problem.detail ?? "", /Converti PIN/);
  },
);

async function openConversionScreen(world: SimulatorWorld) {
  world.dispositivo.screen = kept(world, await world.identity.dispositivoConversion(token(world)));
  return world.dispositivo.screen;
}

/** "Converti PIN" after logging in: the screen with the personal data and the contacts (R29). */
When("the citizen opens {string}", async function (this: SimulatorWorld, screen: string) {
  assert.equal(screen, "Converti PIN", `there is no screen "${screen}"`);
  await openConversionScreen(this);
});

/** The screen, loaded again after a change ("aggiorna"). */
When("the citizen refreshes the Converti PIN screen", async function (this: SimulatorWorld) {
  await openConversionScreen(this);
});

/** The personal data INPS holds (name, fiscal code, birth, residence) and the contacts, with the way to edit them. */
Then(
  "the screen shows the citizen's personal data and contacts, with a way to edit the contacts",
  function (this: SimulatorWorld) {
    const screen = expectOk(this.dispositivo.screen, "opening Converti PIN");
    const c = this.citizen;
    assert.deepEqual(
      {
        fiscalCode: screen.personalData.fiscalCode,
        firstName: screen.personalData.firstName,
        lastName: screen.personalData.lastName,
        birthDate: screen.personalData.birthDate,
      },
      { fiscalCode: c.fiscalCode, firstName: c.firstName, lastName: c.lastName, birthDate: c.birthDate },
    );
    assert.equal(screen.personalData.residence?.city, c.residence.city);
    assert.equal(screen.contacts.email, c.email);
    assert.equal(screen.contacts.mobile, c.mobile);
    assert.equal(screen.editContacts.label, "Modifica contatti utente");
    assert.equal(screen.editContacts.change.path, "/api/v1/me/contacts");
  },
);

/** The refreshed screen shows the mobile number the citizen confirmed. */
Then("the Converti PIN screen shows the new mobile number", function (this: SimulatorWorld) {
  const screen = expectOk(this.dispositivo.screen, "refreshing Converti PIN");
  assert.ok(this.contactChange.newMobile, "the citizen has not given a new mobile number");
  assert.equal(screen.contacts.mobile, this.contactChange.newMobile);
});

When(
  "the citizen asks to convert the PIN giving the carta d'identità {string}",
  async function (this: SimulatorWorld, number: string) {
    await askConversion(this, await document(this, "carta-identita", number));
  },
);

When(
  "the citizen asks to convert the PIN giving the passaporto {string}",
  async function (this: SimulatorWorld, number: string) {
    await askConversion(this, await document(this, "passaporto", number));
  },
);

When(
  "the citizen asks to convert the PIN giving a carta d'identità that expired last year",
  async function (this: SimulatorWorld) {
    await askConversion(this, await document(this, "carta-identita", "CA12345AB", true));
  },
);

Then("the conversion is refused, naming the field {string}", function (this: SimulatorWorld, field: string) {
  const problem = expectProblem(
    this.dispositivo.created!,
    400,
    "validation-failed",
    "the conversion request",
  );
  assert.ok(
    problem.errors?.some((e) => e.path === field),
    `the refusal names ${problem.errors?.map((e) => e.path).join(", ")}`,
  );
});

Then("the conversion is refused until the PIN is replaced", function (this: SimulatorWorld) {
  const problem = expectProblem(
    this.dispositivo.created!,
    403,
    "action-required",
    "converting before replacing the first PIN",
  );
  assert.equal(problem.requiredAction, "replace-initial-pin");
});

// pdf.js starts its parser on first use: longer than a step's default time on a loaded machine.
Then(
  "the form to sign shows the citizen's personal data, contacts and the request number",
  { timeout: 90_000 },
  async function (this: SimulatorWorld) {
    const request = openRequest(this);
    assert.equal(request.status, "awaiting-signed-form");
    const form = expectOk(
      await this.identity.dispositivoForm(token(this), request.requestId),
      "downloading the form",
    );
    const text = await pdfText(form);
    for (const expected of [
      this.citizen.lastName,
      this.citizen.firstName,
      this.citizen.fiscalCode,
      this.citizen.email,
      request.requestId,
      "Firma del richiedente",
    ]) {
      assert.ok(text.includes(expected), `the form does not show ${expected}`);
    }
  },
);

When(
  "the citizen uploads the signed form as a PDF and the identity document as a JPEG",
  async function (this: SimulatorWorld) {
    const request = openRequest(this);
    const form = expectOk(
      await this.identity.dispositivoForm(token(this), request.requestId),
      "downloading the form",
    );
    const upload = await this.identity.uploadDispositivoDocuments(token(this), request.requestId, {
      signedForm: { bytes: form, name: "modulo-firmato.pdf", type: "application/pdf" },
      identityDocument: { bytes: JPEG, name: "carta-identita.jpg", type: "image/jpeg" },
    });
    assert.equal(expectOk(kept(this, upload), "uploading the signed form").status, "under-review");
  },
);

When(
  "the citizen uploads a text file named {string} as the signed form",
  async function (this: SimulatorWorld, name: string) {
    const request = openRequest(this);
    this.dispositivo.upload = kept(
      this,
      await this.identity.uploadDispositivoDocuments(token(this), request.requestId, {
        signedForm: { bytes: new TextEncoder().encode("Questo non è un PDF"), name, type: "application/pdf" },
        identityDocument: { bytes: JPEG, name: "carta-identita.jpg", type: "image/jpeg" },
      }),
    );
  },
);

Then("the upload is refused as a file that is not a PDF, PNG or JPEG", function (this: SimulatorWorld) {
  expectProblem(this.dispositivo.upload!, 415, "unsupported-media-type", "uploading a renamed text file");
});

Then(
  "the request still waits for its signed form, with nothing stored",
  async function (this: SimulatorWorld) {
    const request = openRequest(this);
    const now = expectOk(
      await this.identity.dispositivoRequest(token(this), request.requestId),
      "reading the request",
    );
    assert.equal(now.status, "awaiting-signed-form");
    assert.equal(now.deliveredVia, null);
    const queue = expectOk(
      await this.identity.operatorDispositivoQueue({ status: "under-review", pageSize: 100 }),
      "the operators' queue",
    );
    assert.ok(!queue.items.some((i) => i.requestId === request.requestId), "the request reached the queue");
  },
);

Then("the new request waits for its signed form", function (this: SimulatorWorld) {
  const created = expectOk(this.dispositivo.created!, "the new conversion request");
  assert.equal(created.status, "awaiting-signed-form");
});

Then("the request waits in the operators' queue with both files", async function (this: SimulatorWorld) {
  const request = openRequest(this);
  const queue = expectOk(
    await this.identity.operatorDispositivoQueue({ status: "under-review", pageSize: 100 }),
    "the operators' queue",
  );
  const item = queue.items.find((i) => i.requestId === request.requestId);
  assert.ok(item, "the request is not in the queue");
  assert.equal(item.fiscalCode, this.citizen.fiscalCode);
  assert.deepEqual(item.files.map((f) => f.part).sort(), ["identity-document", "signed-form"]);
});

When("an operator registers the signed form received by fax", async function (this: SimulatorWorld) {
  expectOk(
    await this.identity.operatorPaperDelivery(openRequest(this).requestId, "fax"),
    "registering the fax",
  );
});

When(
  "an operator registers the signed form received at an INPS office",
  async function (this: SimulatorWorld) {
    expectOk(
      await this.identity.operatorPaperDelivery(openRequest(this).requestId, "office"),
      "registering the paper form",
    );
  },
);

When("an operator approves the request", async function (this: SimulatorWorld) {
  expectOk(
    await this.identity.operatorDecideDispositivo(openRequest(this).requestId, { decision: "approve" }),
    "approving",
  );
});

When(
  "an operator rejects the request because {string}",
  async function (this: SimulatorWorld, reason: string) {
    expectOk(
      await this.identity.operatorDecideDispositivo(openRequest(this).requestId, {
        decision: "reject",
        reason,
      }),
      "rejecting",
    );
  },
);

async function decisionMail(world: SimulatorWorld, subject: string): Promise<string> {
  await nudgeOutbox(world);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = await world.mail.search(`to:${world.citizen.email}`);
    const summary = found.messages.find((m) => m.Subject === subject);
    if (summary) return (await world.mail.message(summary.ID)).Text;
    assert.ok(Date.now() < deadline, `no email "${subject}" arrived`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

Then("the citizen is told by email that the PIN is now dispositivo", async function (this: SimulatorWorld) {
  const text = await decisionMail(this, "INPS - PIN dispositivo attivato");
  assert.ok(text.includes(openRequest(this).requestId), "the email names the request");
});

Then("the citizen is told by email why the request was rejected", async function (this: SimulatorWorld) {
  const text = await decisionMail(this, "INPS - Richiesta di PIN dispositivo respinta");
  assert.match(text, /Motivo: La firma non corrisponde al documento/);
});

Then(
  "after logging in again the citizen's page says the PIN is dispositivo",
  async function (this: SimulatorWorld) {
    expectOk(await logIn(this, currentPin(this)), "logging in again");
    assert.equal(expectOk(await this.identity.me(token(this)), "the citizen's page").pinKind, "dispositivo");
  },
);

Then("the citizen's page says the PIN is ordinary", async function (this: SimulatorWorld) {
  assert.equal(expectOk(await this.identity.me(token(this)), "the citizen's page").pinKind, "ordinary");
});

Then(
  "the citizen applies for NASpI and the application appears in the status of applications",
  async function (this: SimulatorWorld) {
    const submitted = expectOk(
      kept(this, await this.identity.submitApplication(token(this), "naspi")),
      "applying with a PIN dispositivo",
    );
    const status = expectOk(
      await this.identity.consultService(token(this), "application-status"),
      "the status of applications",
    ) as ConsultationDocument;
    assert.ok(
      status.lines.some((l) => l.label.startsWith(submitted.applicationId)),
      "the application is not listed",
    );
  },
);
