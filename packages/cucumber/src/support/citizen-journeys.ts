// What a citizen does with the identity service and finds in the letterbox, phone and inbox, as small helpers
// over the World's typed clients. Every answer the citizen receives is kept, so R14 can search them all.
// Messages are found by keys that cannot repeat: the citizen's own addresses and, for letters, the ids the
// identity service's outbox recorded for this citizen's fiscal code (never by name: names repeat).
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
import type { SimulatorWorld, SpokenChannel } from "./world.ts";

export type { SpokenChannel } from "./world.ts";

export const LABEL = {
  firstHalf: "Prima parte del PIN",
  secondHalf: "Seconda parte del PIN",
  verificationCode: "Codice di verifica",
} as const;

export const contractChannel = (c: Exclude<SpokenChannel, "post">): DigitalChannel =>
  c === "SMS" ? "sms" : c === "PEC" ? "pec" : "email";

const WAIT_MS = 10_000;

/** The citizen's PEC box: the persona's mailbox name at a certified domain. */
export const pecOf = (world: SimulatorWorld) => world.citizen.email.replace(/@.*$/, "@pec.it");

/** Keeps every answer the identity service gave this scenario's citizen (R14 searches them for secrets). */
export function kept<T>(world: SimulatorWorld, result: IdentityResult<T>): IdentityResult<T> {
  world.answers.push(
    result.ok ? JSON.stringify(result.body) : result.raw,
    [...result.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n"),
  );
  world.lastAnswer = result;
  return result;
}

export const answersSoFar = (world: SimulatorWorld): string[] => world.answers;

/** Every PIN, half and code this scenario's citizen has been given or has chosen. */
export const secretsOf = (world: SimulatorWorld): string[] => world.secrets;

export function noteSecret(world: SimulatorWorld, secret: string): string {
  if (!world.secrets.includes(secret)) world.secrets.push(secret);
  return secret;
}

export async function pinRequestOf(
  world: SimulatorWorld,
  extra: Partial<PinRequestInput> = {},
): Promise<PinRequestInput> {
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

/** The delivery profile and first channel a spoken channel stands for: `post` is post-then-activate. */
export function profileFor(
  channel: SpokenChannel,
): Pick<PinRequestInput, "deliveryProfile" | "firstHalfChannel"> {
  return channel === "post"
    ? { deliveryProfile: "post-then-activate", firstHalfChannel: "email" }
    : { deliveryProfile: "digital-then-post", firstHalfChannel: contractChannel(channel) };
}

/** "Richiedi PIN": the first half by `channel`; `post` means the profile post-then-activate, second half by email. */
export async function askForPin(
  world: SimulatorWorld,
  channel: SpokenChannel,
  extra: Partial<PinRequestInput> = {},
) {
  const at = await world.sim.now();
  const answer = kept(
    world,
    await world.driver.requestPin(await pinRequestOf(world, { ...profileFor(channel), ...extra })),
  );
  world.request = { at, firstHalfChannel: channel, answer };
  return answer;
}

/** The request the scenario made, or a failure that says the scenario forgot to make one. */
export function requestMade(world: SimulatorWorld) {
  assert.ok(world.request, "the citizen has not asked for a PIN in this scenario");
  return world.request;
}

export function expectOk<T>(result: IdentityResult<T> | undefined, what: string): T {
  assert.ok(result, `${what}: nothing was asked yet`);
  if (!result.ok) assert.fail(`${what}: expected a success, got ${describeResult(result)}`);
  return result.body;
}

export function expectProblem<T>(
  result: IdentityResult<T> | undefined,
  status: number,
  code: string,
  what: string,
) {
  assert.ok(result, `${what}: nothing was asked yet`);
  assert.ok(!result.ok, `${what}: expected ${status} ${code}, got ${describeResult(result)}`);
  assert.equal(result.status, status, `${what}: expected ${status} ${code}, got ${describeResult(result)}`);
  assert.equal(
    result.problem.code,
    code,
    `${what}: expected ${status} ${code}, got ${describeResult(result)}`,
  );
  return result.problem;
}

/** Lets the outbox deliver what is due now, instead of waiting for its next poll. */
export async function nudgeOutbox(world: SimulatorWorld): Promise<void> {
  expectOk(await world.identity.simDrainOutbox(), "draining the outbox");
}

export async function poll<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  timeoutMs = WAIT_MS,
): Promise<T> {
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
export async function mailsWith(
  world: SimulatorWorld,
  address: string,
  label: string,
): Promise<MailWithSecret[]> {
  const found = await world.mail.search(`to:${address}`);
  const out: MailWithSecret[] = [];
  for (const summary of found.messages) {
    const message = await world.mail.message(summary.ID);
    // A PEC message arrives in its transport envelope: the secret is in the original inside it.
    const value = await world.mail.secretIn(message, label);
    if (value !== undefined) out.push({ id: summary.ID, subject: message.Subject, value });
  }
  return out;
}

/** Waits for an email carrying `label` that the scenario has not read yet, and marks it read. */
export async function nextMailSecret(world: SimulatorWorld, address: string, label: string): Promise<string> {
  await nudgeOutbox(world);
  const mail = await poll(`an email to ${address} with "${label}"`, async () =>
    (await mailsWith(world, address, label)).find((m) => !world.inbox.readMail.has(m.id)),
  );
  world.inbox.readMail.add(mail.id);
  return noteSecret(world, mail.value);
}

export async function smsWith(world: SimulatorWorld, label: string): Promise<string[]> {
  const messages = await world.sms.list({ to: world.citizen.mobile });
  return messages.flatMap((m) => {
    const value = findSecret(m.text, label);
    return value === undefined ? [] : [value];
  });
}

/** The postal gateway's ids of the letters INPS posted to this citizen (the outbox rows of the fiscal code), newest first. */
export async function letterIdsOf(world: SimulatorWorld): Promise<string[]> {
  const { messages } = expectOk(
    await world.identity.simOutbox({ fiscalCode: world.citizen.fiscalCode }),
    "the outbox",
  );
  return messages.flatMap((m) =>
    m.channel === "letter" && m.status === "sent" && m.gatewayRef ? [m.gatewayRef] : [],
  );
}

/** The citizen's letters (newest first), in full, that carry `label`. */
export async function lettersWith(
  world: SimulatorWorld,
  label: string,
): Promise<(LetterContent & { value: string })[]> {
  const out: (LetterContent & { value: string })[] = [];
  for (const id of await letterIdsOf(world)) {
    // Read on the letter's way (the control plane's look inside the post): its body is public only once delivered.
    const letter = await world.postal.peek(id);
    const value = findSecret(letter.body, label);
    if (value !== undefined) out.push({ ...letter, value });
  }
  return out;
}

/**
 * How many letters in the postal gateway carry `value`: a letter posted twice would show here even though the
 * outbox recorded one. The secret decides (no two citizens share it); name and postal code only narrow the list.
 */
export async function lettersCarrying(world: SimulatorWorld, label: string, value: string): Promise<number> {
  const { firstName, lastName, residence } = world.citizen;
  let count = 0;
  for (const summary of await world.postal.list({
    name: `${firstName} ${lastName}`,
    postalCode: residence.postalCode,
  })) {
    if (findSecret((await world.postal.peek(summary.id)).body, label) === value) count++;
  }
  return count;
}

export async function letterWith(
  world: SimulatorWorld,
  label: string,
): Promise<LetterContent & { value: string }> {
  await nudgeOutbox(world);
  const letter = await poll(
    `a letter to ${world.citizen.fiscalCode} with "${label}"`,
    async () => (await lettersWith(world, label))[0],
  );
  noteSecret(world, letter.value);
  return letter;
}

/** The secret after `label` that reached the citizen by `channel`. */
export async function secretBy(
  world: SimulatorWorld,
  channel: SpokenChannel,
  label: string,
): Promise<string> {
  switch (channel) {
    case "email":
      return nextMailSecret(world, world.citizen.email, label);
    case "PEC":
      return nextMailSecret(world, pecOf(world), label);
    case "SMS": {
      await nudgeOutbox(world);
      const value = await poll(
        `an SMS to ${world.citizen.mobile} with "${label}"`,
        async () => (await smsWith(world, label))[0],
      );
      return noteSecret(world, value);
    }
    case "post":
      return (await letterWith(world, label)).value;
  }
}

/** Logs in and keeps the session for the steps that follow. */
export async function logIn(world: SimulatorWorld, pin: string): Promise<IdentityResult<Session>> {
  const result = kept(world, await world.driver.logIn(world.citizen.fiscalCode, pin));
  world.login = result;
  if (result.ok) world.session = result.body;
  return result;
}

export function token(world: SimulatorWorld): string {
  // Under the browser driver the session lives behind the portal's cookie: a step that needs the API's token has no
  // browser way yet, so its scenario is not one for the ui profile.
  assert.ok(
    world.driverKind === "api",
    "this step calls the API with the citizen's session token, which the browser driver never sees: it has no browser way, so its scenario cannot be tagged @ui",
  );
  assert.ok(world.session, "the citizen has not logged in in this scenario");
  return world.session.token;
}

export function currentPin(world: SimulatorWorld): string {
  assert.ok(world.pin, "the citizen has no PIN yet in this scenario");
  return world.pin;
}

export function setPin(world: SimulatorWorld, pin: string): void {
  world.pin = noteSecret(world, pin);
}

/** "Impostazioni → Sicurezza/PIN": current PIN, new PIN, the new PIN again, Save. */
export async function startChange(world: SimulatorWorld, current: string, newPin: string, confirm: string) {
  noteSecret(world, newPin);
  const started = kept(
    world,
    await world.driver.startPinChange({ currentPin: current, newPin, confirmPin: confirm }),
  );
  world.change = { newPin, started };
  return started;
}

export async function verifyChange(world: SimulatorWorld, code: string) {
  const change = world.change;
  assert.ok(change, "the citizen has not started a change");
  const started = expectOk(change.started, "the change was not started");
  const result = kept(world, await world.driver.verifyPinChange(started, code));
  change.verified = result;
  if (result.ok) {
    world.previousPin = world.pin;
    setPin(world, change.newPin);
  }
  return result;
}

/** The whole change: start it, read the code from the email, confirm it. */
export async function changePinFully(world: SimulatorWorld, newPin: string): Promise<void> {
  expectOk(await startChange(world, currentPin(world), newPin, newPin), "starting the change");
  const code = await nextMailSecret(world, world.citizen.email, LABEL.verificationCode);
  expectOk(await verifyChange(world, code), "confirming the change");
}

/** A citizen created directly on the control plane with a live PIN (POST /__sim/citizens). */
export async function createCitizen(world: SimulatorWorld, pin: string, pinChangedAt?: Date): Promise<void> {
  const c = world.citizen;
  const created = await world.identity.simCreateCitizen({
    fiscalCode: c.fiscalCode,
    firstName: c.firstName,
    lastName: c.lastName,
    gender: c.gender,
    birthDate: c.birthDate,
    birthPlace: c.birthPlace,
    residence: c.residence,
    contacts: { email: c.email, mobile: c.mobile },
    healthCard: await world.healthCard(),
    pin,
    ...(pinChangedAt ? { pinChangedAt: pinChangedAt.toISOString() } : {}),
  });
  expectOk(created, "creating the citizen on the control plane");
  setPin(world, pin);
}
