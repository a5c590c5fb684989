// What each CLI command does, as functions that return data: cli.ts prints it as a table or as JSON.
import { randomBytes } from "node:crypto";
import { describeResult } from "@inps-sim/clients";
import { randomHealthCard, randomPersona, type HealthCard, type Persona } from "@inps-sim/domain";
import { CliError, control, type Connected } from "./connection.ts";

const cryptoRandom = { bytes: (n: number) => new Uint8Array(randomBytes(n)) };

export async function clockNow(c: Connected): Promise<{ now: string }> {
  return control(c.options, "GET", `${c.options.url}/__sim/clock`);
}

export async function clockAdvance(c: Connected, duration: string): Promise<{ now: string }> {
  return control(c.options, "POST", `${c.options.url}/__sim/clock`, { advanceBy: duration });
}

const FAULT_TARGETS = ["sms", "mail", "smtp", "postal"] as const;
export type FaultTarget = (typeof FAULT_TARGETS)[number];

function faultUrl(c: Connected, target: string): string {
  if (!FAULT_TARGETS.includes(target as FaultTarget))
    throw new CliError(`no gateway "${target}": one of ${FAULT_TARGETS.join(", ")}`);
  const s = c.directory.services;
  if (target === "smtp") return `${s.mail.http}/__sim/smtp-faults`;
  return `${target === "sms" ? s.sms : target === "mail" ? s.mail.http : s.postal}/__sim/faults`;
}

/** `faults set sms error 503`; for smtp the mode is the stage (MAIL, RCPT, DATA) and the number the reply code. */
export async function faultsSet(
  c: Connected,
  target: string,
  mode: string,
  status: number | undefined,
  count: number | undefined,
): Promise<unknown> {
  const spec =
    target === "smtp"
      ? { stage: mode.toUpperCase(), code: status ?? 421, ...(count === undefined ? {} : { count }) }
      : { mode, ...(status === undefined ? {} : { status }), ...(count === undefined ? {} : { count }) };
  return control(c.options, "PUT", faultUrl(c, target), spec);
}

export async function faultsClear(c: Connected, target: string): Promise<{ cleared: string }> {
  await control(c.options, "DELETE", faultUrl(c, target));
  return { cleared: target };
}

export interface NewCitizen extends Persona {
  healthCard: HealthCard;
  pin?: string;
}

/** A valid persona (fiscal code computed from the personal data); with a PIN, created on the stack with it. */
export async function citizenNew(c: Connected | undefined, pin: string | undefined): Promise<NewCitizen> {
  const now = c ? new Date((await clockNow(c)).now) : new Date();
  const persona = randomPersona(cryptoRandom);
  const healthCard = randomHealthCard(cryptoRandom, new Date(now.getTime() + 400 * 86_400_000));
  if (!c || pin === undefined) return { ...persona, healthCard };
  const created = await c.identity.simCreateCitizen({
    fiscalCode: persona.fiscalCode,
    firstName: persona.firstName,
    lastName: persona.lastName,
    gender: persona.gender,
    birthDate: persona.birthDate,
    birthPlace: persona.birthPlace,
    residence: persona.residence,
    contacts: { email: persona.email, mobile: persona.mobile },
    healthCard,
    pin,
  });
  if (!created.ok) throw new CliError(`the stack refused the citizen: ${describeResult(created)}`);
  return { ...persona, healthCard, pin };
}

export interface Received {
  at: string;
  channel: string;
  purpose: string;
  to: string;
  text: string;
  ref: string;
}

/** Everything INPS sent this fiscal code, on every channel, oldest first: the outbox says what and where it went. */
export async function inbox(c: Connected, fiscalCode: string): Promise<Received[]> {
  const outbox = await c.identity.simOutbox({ fiscalCode });
  if (!outbox.ok) throw new CliError(`the outbox: ${describeResult(outbox)}`);
  const out: Received[] = [];
  for (const m of outbox.body.messages) {
    if (m.status !== "sent" || !m.gatewayRef) {
      out.push({
        at: m.createdAt,
        channel: m.channel,
        purpose: m.purpose,
        to: m.destination,
        text: `(${m.status}, ${m.attempts} attempts)`,
        ref: m.id,
      });
      continue;
    }
    const at = m.sentAt ?? m.createdAt;
    if (m.channel === "sms") {
      const sms = await c.sms.get(m.gatewayRef);
      out.push({ at, channel: "sms", purpose: m.purpose, to: sms.to, text: sms.text, ref: sms.id });
    } else if (m.channel === "letter") {
      // What is on its way too, as the control plane sees it: a letter's body is public only once delivered.
      const letter = await c.postal.peek(m.gatewayRef);
      out.push({
        at,
        channel: "letter",
        purpose: m.purpose,
        to: `${letter.recipient.name}, ${letter.recipient.city}`,
        text: letter.body,
        ref: `${c.directory.services.postal}/api/v1/letters/${letter.id}.pdf`,
      });
    } else {
      const found = await c.mail.search(`message-id:${m.gatewayRef.replace(/^<|>$/g, "")}`);
      const first = found.messages[0];
      const message = first ? await c.mail.message(first.ID) : undefined;
      out.push({
        at,
        channel: m.channel,
        purpose: m.purpose,
        to: first?.To.map((t) => t.Address).join(", ") ?? m.destination,
        text: message?.Text ?? "(not in the mailbox)",
        ref: first?.ID ?? m.gatewayRef,
      });
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

export async function timeline(c: Connected, fiscalCode: string) {
  const events = await c.identity.simEvents(fiscalCode);
  if (!events.ok) throw new CliError(`the timeline: ${describeResult(events)}`);
  return [...events.body.events].reverse();
}
