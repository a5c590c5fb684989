// After each scenario, the Cucumber report gets what its citizen received, in time order: a failing scenario in CI
// explains itself. A failing one gets everything, read from the gateways: each email's text (emails and PECs), each
// SMS, each letter with a link to its PDF and the PDF itself (an embedded stack is gone after the run), and the
// citizen's timeline. A passing one gets a compact list from one request, the identity service's outbox for the
// fiscal code: each message sent, its channel, purpose, masked destination, status and gateway id, and each letter's
// PDF link. Reading the gateways for it cost four requests and half a dozen queries per scenario, about 7% of the
// suite's CPU time.
import { After, Status } from "@cucumber/cucumber";
import type { SimulatorWorld } from "./world.ts";
import { pecOf } from "./citizen-journeys.ts";

interface Received {
  at: string;
  line: string;
}

/** A gateway the scenario took down may refuse to be read: the report says so instead of failing the scenario. */
async function attempt<T>(what: string, read: () => Promise<T>, notes: string[]): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    notes.push(`(${what} could not be read: ${(error as Error).message})`);
    return undefined;
  }
}

const pdfOf = (world: SimulatorWorld, id: string) =>
  `${world.stack.postalUrl}/api/v1/letters/${encodeURIComponent(id)}.pdf`;

/** The outbox's record of what was sent to the citizen: one request. */
async function sent(world: SimulatorWorld, notes: string[]): Promise<Received[]> {
  const outbox = await attempt(
    "the outbox",
    () => world.identity.simOutbox({ fiscalCode: world.citizen.fiscalCode }),
    notes,
  );
  if (outbox && !outbox.ok) notes.push(`(the outbox answered ${outbox.status})`);
  const items = (outbox?.ok ? outbox.body.messages : []).map((m) => {
    const ref = m.gatewayRef ? ` ${m.gatewayRef}` : "";
    const pdf = m.channel === "letter" && m.gatewayRef ? `, PDF ${pdfOf(world, m.gatewayRef)}` : "";
    return {
      at: m.sentAt ?? m.createdAt,
      line: `${m.channel} (${m.purpose}) to ${m.destination}: ${m.status}${ref}${pdf}`,
    };
  });
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

/** Everything in the citizen's mailboxes, phone and letterbox, read from the gateways. */
async function received(
  world: SimulatorWorld,
  notes: string[],
): Promise<{ items: Received[]; pdfs: { id: string; url: string }[] }> {
  const items: Received[] = [];
  const pdfs: { id: string; url: string }[] = [];
  for (const box of [world.citizen.email, pecOf(world)]) {
    const found = await attempt(`the mailbox ${box}`, () => world.mail.search(`to:${box}`), notes);
    for (const summary of found?.messages ?? []) {
      const message = await attempt(`the email ${summary.ID}`, () => world.mail.message(summary.ID), notes);
      items.push({
        at: summary.Created,
        line: `email to ${box}: ${summary.Subject}\n${indent(message?.Text ?? summary.Snippet)}`,
      });
    }
  }
  for (const sms of (await attempt(
    "the SMS gateway",
    () => world.sms.list({ to: world.citizen.mobile }),
    notes,
  )) ?? []) {
    items.push({ at: sms.createdAt, line: `SMS to ${sms.to} (${sms.status}):\n${indent(sms.text)}` });
  }
  const outbox = await attempt(
    "the outbox",
    () => world.identity.simOutbox({ fiscalCode: world.citizen.fiscalCode }),
    notes,
  );
  const letters = outbox?.ok
    ? outbox.body.messages.filter((m) => m.channel === "letter" && m.gatewayRef)
    : [];
  for (const { gatewayRef } of letters) {
    const id = gatewayRef!;
    const pdf = pdfOf(world, id);
    const letter = await attempt(`the letter ${id}`, () => world.postal.peek(id), notes);
    if (!letter) continue;
    pdfs.push({ id, url: pdf });
    items.push({
      at: letter.acceptedAt,
      line: `letter ${id} (${letter.service}, ${letter.status}), PDF ${pdf}\n${indent(letter.body)}`,
    });
  }
  items.sort((a, b) => a.at.localeCompare(b.at));
  return { items, pdfs };
}

const indent = (text: string) => text.trim().replace(/^/gm, "    ");

After(
  { name: "attach what the citizen received and the timeline" },
  async function (this: SimulatorWorld, { result }) {
    // A scenario that never reached the stack (a dry run, a stack that did not start) has nothing to show.
    if (!this.connected) return;
    const detailed = result?.status !== Status.PASSED;
    const c = this.citizen;
    const notes: string[] = [];
    const { items, pdfs } = detailed
      ? await received(this, notes)
      : { items: await sent(this, notes), pdfs: [] };
    const who = `${c.firstName} ${c.lastName}, ${c.fiscalCode}, ${c.email}, ${pecOf(this)}, ${c.mobile}`;
    const title = detailed ? "received" : "was sent (the outbox)";
    const lines = items.length ? items.map((i) => `${i.at}  ${i.line}`) : ["nothing"];
    this.attach([`What ${who} ${title}, in time order:`, ...lines, ...notes].join("\n"), {
      mediaType: "text/plain",
      fileName: "received.txt",
    });
    if (!detailed) return;
    for (const { id, url } of pdfs) {
      this.link(url);
      const bytes = await attempt(`the PDF of ${id}`, () => this.postal.pdf(id), notes);
      if (bytes) this.attach(Buffer.from(bytes), { mediaType: "application/pdf", fileName: `${id}.pdf` });
    }
    const timeline = await attempt("the timeline", () => this.identity.simEvents(c.fiscalCode), notes);
    if (timeline?.ok) {
      const events = [...timeline.body.events]
        .reverse()
        .map((e) => `${e.at}  ${e.type}  ${JSON.stringify(e.data)}`);
      this.attach(
        [`The timeline of ${c.fiscalCode}, oldest first:`, ...(events.length ? events : ["no event"])].join(
          "\n",
        ),
        { mediaType: "text/plain", fileName: "timeline.txt" },
      );
    }
  },
);
