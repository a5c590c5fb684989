// What a citizen does with the identity service and finds in the letterbox, phone and inbox, as small helpers
// over the World's typed clients. Every answer the citizen receives is kept, so R14 can search them all.
import assert from "node:assert/strict";
import {
  describeResult,
  findSecret,
  type DigitalChannel,
  type IdentityResult,
  type LetterContent,
  type PinRequestInput,
  type Session,
} from "@inps-sim/clients";
import type { SimulatorWorld } from "./world.ts";

export const LABEL = {
  firstHalf: "Prima parte del PIN",
  secondHalf: "Seconda parte del PIN",
  verificationCode: "Codice di verifica",
} as const;

/** How a scenario names a channel, and how the contract does. */
export type SpokenChannel = "email" | "PEC" | "SMS" | "post";
export const contractChannel = (c: Exclude<SpokenChannel, "post">): DigitalChannel => (c === "SMS" ? "sms" : c === "PEC" ? "pec" : "email");

const WAIT_MS = 10_000;

/** The citizen's PEC box: the persona's mailbox name at a certified domain. */
export const pecOf = (world: SimulatorWorld) => world.citizen.email.replace(/@.*$/, "@pec.it");
export const postalNameOf = (world: SimulatorWorld) => `${world.citizen.firstName} ${world.citizen.lastName}`;

/** Keeps every answer the identity service gave this scenario's citizen (R14 searches them for secrets). */
export function kept<T>(world: SimulatorWorld, result: IdentityResult<T>): IdentityResult<T> {
  const answers = world.memory.has("journey.answers") ? world.recall<string[]>("journey.answers") : world.remember<string[]>("journey.answers", []);
  answers.push(result.ok ? JSON.stringify(result.body) : result.raw, [...result.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n"));
  return result;
}

export const answersSoFar = (world: SimulatorWorld): string[] => (world.memory.has("journey.answers") ? world.recall<string[]>("journey.answers") : []);

/** Every PIN, half and code this scenario's citizen has been given or has chosen. */
export function secretsOf(world: SimulatorWorld): string[] {
  return world.memory.has("journey.secrets") ? world.recall<string[]>("journey.secrets") : [];
}

export function noteSecret(world: SimulatorWorld, secret: string): string {
  const secrets = world.memory.has("journey.secrets") ? world.recall<string[]>("journey.secrets") : world.remember<string[]>("journey.secrets", []);
  if (!secrets.includes(secret)) secrets.push(secret);
  return secret;
}

export async function pinRequestOf(world: SimulatorWorld, extra: Partial<PinRequestInput> = {}): Promise<PinRequestInput> {
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
    healthCard: await world.healthCard(),
    ...extra,
  };
}

/** "Richiedi PIN": the first half by `channel`; `post` means the profile post-then-activate, second half by email. */
export async function askForPin(world: SimulatorWorld, channel: SpokenChannel, extra: Partial<PinRequestInput> = {}) {
  const profile =
    channel === "post"
      ? { deliveryProfile: "post-then-activate" as const, firstHalfChannel: "email" as const }
      : { deliveryProfile: "digital-then-post" as const, firstHalfChannel: contractChannel(channel) };
  world.remember("journey.requestedAt", await world.sim.now());
  world.remember("journey.firstHalfChannel", channel);
  const result = kept(world, await world.identity.requestPin(await pinRequestOf(world, { ...profile, ...extra })));
  return world.remember("journey.request", result);
}

export function expectOk<T>(result: IdentityResult<T>, what: string): T {
  if (!result.ok) assert.fail(`${what}: expected a success, got ${describeResult(result)}`);
  return result.body;
}

export function expectProblem<T>(result: IdentityResult<T>, status: number, code: string, what: string) {
  assert.ok(!result.ok, `${what}: expected ${status} ${code}, got ${describeResult(result)}`);
  assert.equal(result.status, status, `${what}: expected ${status} ${code}, got ${describeResult(result)}`);
  assert.equal(result.problem.code, code, `${what}: expected ${status} ${code}, got ${describeResult(result)}`);
  return result.problem;
}

/** Lets the outbox deliver what is due now, instead of waiting for its next poll. */
export async function nudgeOutbox(world: SimulatorWorld): Promise<void> {
  expectOk(await world.identity.simDrainOutbox(), "draining the outbox");
}

async function poll<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await attempt();
    if (found !== undefined) return found;
    if (Date.now() >= deadline) assert.fail(`${what}: nothing within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface MailWithSecret {
  id: string;
  subject: string;
  value: string;
}

/** Every email in `address`'s box that carries `label`, newest first. */
export async function mailsWith(world: SimulatorWorld, address: string, label: string): Promise<MailWithSecret[]> {
  const found = await world.mail.search(`to:${address}`);
  const out: MailWithSecret[] = [];
  for (const summary of found.messages) {
    const message = await world.mail.message(summary.ID);
    const value = await world.mail.secretIn(message, label);
    if (value !== undefined) out.push({ id: summary.ID, subject: message.Subject, value });
  }
  return out;
}

/** Waits for an email carrying `label` that the scenario has not read yet, and marks it read. */
export async function nextMailSecret(world: SimulatorWorld, address: string, label: string): Promise<string> {
  const readIds = world.memory.has("journey.readMail") ? world.recall<Set<string>>("journey.readMail") : world.remember("journey.readMail", new Set<string>());
  await nudgeOutbox(world);
  const mail = await poll(`an email to ${address} with "${label}"`, async () =>
    (await mailsWith(world, address, label)).find((m) => !readIds.has(m.id)),
  );
  readIds.add(mail.id);
  return noteSecret(world, mail.value);
}

export async function smsWith(world: SimulatorWorld, label: string): Promise<string[]> {
  const messages = await world.sms.list({ to: world.citizen.mobile });
  return messages.flatMap((m) => {
    const value = findSecret(m.text, label);
    return value === undefined ? [] : [value];
  });
}

/** The citizen's letters (newest first), in full, that carry `label`. */
export async function lettersWith(world: SimulatorWorld, label: string): Promise<(LetterContent & { value: string })[]> {
  const out: (LetterContent & { value: string })[] = [];
  for (const summary of await world.postal.list({ name: postalNameOf(world) })) {
    // The secret is read on the letter's way (the control plane's look inside the post): its body is public only once delivered.
    const letter = await world.postal.peek(summary.id);
    const value = findSecret(letter.body, label);
    if (value !== undefined) out.push({ ...letter, value });
  }
  return out;
}

export async function letterWith(world: SimulatorWorld, label: string): Promise<LetterContent & { value: string }> {
  await nudgeOutbox(world);
  const letter = await poll(`a letter to ${postalNameOf(world)} with "${label}"`, async () => (await lettersWith(world, label))[0]);
  noteSecret(world, letter.value);
  return letter;
}

/** The secret after `label` that reached the citizen by `channel`. */
export async function secretBy(world: SimulatorWorld, channel: SpokenChannel, label: string): Promise<string> {
  switch (channel) {
    case "email":
      return nextMailSecret(world, world.citizen.email, label);
    case "PEC":
      return nextMailSecret(world, pecOf(world), label);
    case "SMS": {
      await nudgeOutbox(world);
      const value = await poll(`an SMS to ${world.citizen.mobile} with "${label}"`, async () => (await smsWith(world, label))[0]);
      return noteSecret(world, value);
    }
    case "post":
      return (await letterWith(world, label)).value;
  }
}

/** Logs in and keeps the session's token for the steps that follow. */
export async function logIn(world: SimulatorWorld, pin: string): Promise<IdentityResult<Session>> {
  const result = kept(world, await world.identity.login({ fiscalCode: world.citizen.fiscalCode, pin }));
  world.remember("journey.login", result);
  if (result.ok) world.remember("journey.token", result.body.token);
  return result;
}

export const token = (world: SimulatorWorld) => world.recall<string>("journey.token");
export const currentPin = (world: SimulatorWorld) => world.recall<string>("journey.pin");
export function setPin(world: SimulatorWorld, pin: string): void {
  world.remember("journey.pin", noteSecret(world, pin));
}

/** "Impostazioni → Sicurezza/PIN": current PIN, new PIN, the new PIN again, Save. */
export async function startChange(world: SimulatorWorld, current: string, newPin: string, confirm: string) {
  noteSecret(world, newPin);
  world.remember("journey.newPin", newPin);
  const result = kept(world, await world.identity.startPinChange(token(world), { currentPin: current, newPin, confirmPin: confirm }));
  world.remember("journey.change", result);
  return result;
}

export async function verifyChange(world: SimulatorWorld, code: string) {
  const started = expectOk(world.recall<Awaited<ReturnType<typeof startChange>>>("journey.change"), "the change was not started");
  const result = kept(world, await world.identity.verifyPinChange(token(world), started.changeId, code));
  world.remember("journey.verify", result);
  if (result.ok) {
    world.remember("journey.oldPin", currentPin(world));
    setPin(world, world.recall<string>("journey.newPin"));
  }
  return result;
}

/** The whole change: start it, read the code from the email, confirm it. */
export async function changePinFully(world: SimulatorWorld, newPin: string): Promise<void> {
  expectOk(await startChange(world, currentPin(world), newPin, newPin), "starting the change");
  const code = await nextMailSecret(world, world.citizen.email, LABEL.verificationCode);
  expectOk(await verifyChange(world, code), "confirming the change");
}
