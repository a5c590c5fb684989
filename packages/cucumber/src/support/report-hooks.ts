// After each scenario, the Cucumber report gets what its citizen received, in time order: a failing scenario in CI
// explains itself. A failing one gets everything: each email's text (emails and PECs), each SMS, each letter with a
// link to its PDF and the PDF itself (an embedded stack is gone after the run), and the citizen's timeline. A passing
// one gets a compact list (the emails' subjects, the SMS, the letters' ids and status): its detail costs a dozen
// requests and a PDF rendering per scenario, which would be a sixth of the suite's time.
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

async function received(
  world: SimulatorWorld,
  detailed: boolean,
  notes: string[],
): Promise<{ items: Received[]; pdfs: { id: string; url: string }[] }> {
  const items: Received[] = [];
  const pdfs: { id: string; url: string }[] = [];
  for (const box of [world.citizen.email, pecOf(world)]) {
    const found = await attempt(`the mailbox ${box}`, () => world.mail.search(`to:${box}`), notes);
    for (const summary of found?.messages ?? []) {
      const message = detailed
        ? await attempt(`the email ${summary.ID}`, () => world.mail.message(summary.ID), notes)
        : undefined;
      items.push({
        at: summary.Created,
        line: `email to ${box}: ${summary.Subject}${detailed ? `\n${indent(message?.Text ?? summary.Snippet)}` : ""}`,
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
  for (const { gatewayRef, purpose, createdAt, sentAt } of letters) {
    const id = gatewayRef!;
    const pdf = `${world.stack.postalUrl}/api/v1/letters/${encodeURIComponent(id)}.pdf`;
    if (!detailed) {
      items.push({ at: sentAt ?? createdAt, line: `letter ${id} (${purpose}), PDF ${pdf}` });
      continue;
    }
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
    const { items, pdfs } = await received(this, detailed, notes);
    const who = `${c.firstName} ${c.lastName}, ${c.fiscalCode}, ${c.email}, ${pecOf(this)}, ${c.mobile}`;
    const lines = items.length ? items.map((i) => `${i.at}  ${i.line}`) : ["nothing"];
    this.attach([`What ${who} received, in time order:`, ...lines, ...notes].join("\n"), {
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
