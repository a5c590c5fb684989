// Helpers for the recovery tests: ask, read the link and code from the fake mailbox, confirm, read the halves.
import { expect } from "vitest";
import { secret, type Testbed } from "./support.ts";

/** Waits for the work behind earlier answers (the recovery request) and delivers what is due. */
export async function settle(tb: Testbed): Promise<void> {
  const res = await tb.sim("POST", "/outbox/drain");
  expect(res.status).toBe(200);
}

export async function askRecovery(tb: Testbed, body: Record<string, unknown>) {
  const res = await tb.call("POST", "/api/v1/recoveries", body);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The newest recovery email to `address`: the token from the link, and the code. */
export function recoveryMail(
  tb: Testbed,
  address: string,
): { token: string; code: string; link: string; text: string } | undefined {
  const mail = tb.gateways.sentMail.findLast((m) => m.to === address && m.subject.includes("Recupero"));
  if (!mail) return undefined;
  const link = secret(mail.text, "Link di ripristino")!;
  const code = secret(mail.text, "Codice di ripristino")!;
  return { token: link.slice(link.lastIndexOf("/") + 1), code, link, text: mail.text };
}

export async function confirmRecovery(tb: Testbed, token: string, fiscalCode: string, recoveryCode: string) {
  const res = await tb.call("POST", `/api/v1/recoveries/${token}/confirm`, { fiscalCode, recoveryCode });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The two halves of the recovery PIN: the first from the SMS, the second from the email. */
export async function recoveryHalves(
  tb: Testbed,
  mobile: string,
  email: string,
): Promise<{ first: string; second: string }> {
  await settle(tb);
  const sms = tb.gateways.sentSms.findLast((m) => m.to === mobile && m.text.includes("Prima parte del PIN"));
  const mail = tb.gateways.sentMail.findLast(
    (m) => m.to === email && m.text.includes("Seconda parte del PIN"),
  );
  const first = secret(sms?.text, "Prima parte del PIN");
  const second = secret(mail?.text, "Seconda parte del PIN");
  if (!first || !second) throw new Error("the recovery halves did not arrive");
  return { first, second };
}
