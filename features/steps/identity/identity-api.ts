// The identity service as the citizen's browser and the operator's desk would call it; the steps speak through this.
import { addDays, randomHealthCard, type HealthCard } from "@inps-sim/domain";
import type { SimulatorWorld } from "../../support/world.ts";

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function call(world: SimulatorWorld, method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${world.stack.identityUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

export const sim = (world: SimulatorWorld, method: string, path: string, body?: unknown) =>
  call(world, method, `/__sim${path}`, body, world.stack.adminToken);

/** The citizen's health card, drawn once per scenario. */
export async function healthCardOf(world: SimulatorWorld): Promise<HealthCard> {
  if (!world.memory.has("healthCard")) {
    // Valid for at least a year past today: scenarios move the clock up to 180 days, and a card that
    // expires on the way would fail activation for a reason the scenario is not about.
    const inAYear = addDays(await world.sim.now(), 365);
    world.remember("healthCard", randomHealthCard({ bytes: (n) => crypto.getRandomValues(new Uint8Array(n)) }, inAYear));
  }
  return world.recall<HealthCard>("healthCard");
}

export const pecOf = (world: SimulatorWorld) => world.citizen.email.replace(/@.*$/, "@pec.it");

export async function requestBody(world: SimulatorWorld, extra: Record<string, unknown> = {}) {
  const c = world.citizen;
  return {
    fiscalCode: c.fiscalCode,
    firstName: c.firstName,
    lastName: c.lastName,
    gender: c.gender,
    birthDate: c.birthDate,
    birthPlace: c.birthPlace,
    residence: c.residence,
    contacts: { email: c.email, pec: pecOf(world), mobile: c.mobile },
    healthCard: await healthCardOf(world),
    ...extra,
  };
}

export const fullName = (world: SimulatorWorld) => `${world.citizen.firstName} ${world.citizen.lastName}`;

/** Waits for an email to the citizen whose subject contains `subject`, and reads the secret after `label`. */
export async function secretByEmail(world: SimulatorWorld, to: string, subject: string, label: string): Promise<string> {
  const message = await world.mail.waitForMessage(`to:${to} subject:"${subject}"`, { timeoutMs: 10_000 });
  // A PEC message arrives in its transport envelope: the secret is in the original inside it.
  const value = await world.mail.secretIn(message, label);
  if (!value) throw new Error(`the email "${message.Subject}" carries no "${label}"`);
  return value;
}

export async function secretBySms(world: SimulatorWorld, label: string): Promise<string> {
  const sms = await world.sms.waitForMessage({ to: world.citizen.mobile, match: (m) => m.text.includes(label), timeoutMs: 10_000 });
  const match = new RegExp(`${label}\\s*:\\s*(\\S+)`).exec(sms.text);
  if (!match?.[1]) throw new Error(`the SMS carries no "${label}"`);
  return match[1];
}

export async function secretByPost(world: SimulatorWorld, label: string): Promise<{ value: string; letterId: string; body: string }> {
  const letter = await world.postal.waitForLetter({ name: fullName(world), match: (l) => (l.subject ?? "").length > 0, timeoutMs: 10_000 });
  const all = await world.postal.list({ name: fullName(world) });
  for (const summary of all) {
    // Read on the letter's way (the control plane's look inside the post): its body is public only once delivered.
    const full = await world.postal.peek(summary.id);
    const match = new RegExp(`${label}\\s*:\\s*(\\S+)`).exec(full.body);
    if (match?.[1]) return { value: match[1], letterId: full.id, body: full.body };
  }
  throw new Error(`no letter to ${fullName(world)} carries "${label}" (newest: ${letter.subject})`);
}

export async function drainOutbox(world: SimulatorWorld): Promise<void> {
  const res = await sim(world, "POST", "/outbox/drain");
  if (res.status !== 200) throw new Error(`outbox drain answered ${res.status}`);
}
