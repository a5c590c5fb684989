// What the chaos and crash benchmarks count after their load: for each accepted PIN request, the first half on its
// channel (SMS or email) and the letter, each expected exactly once.
import type { Persona } from "@inps-sim/domain";

/** A control-plane-authorised call (the admin token also reads the gateways). */
export function caller(token: string) {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  return (url: string, method = "GET", body?: unknown): Promise<Response> =>
    fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

export async function json<T>(res: Promise<Response>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`${r.url} answered ${r.status}: ${await r.text()}`);
  return (await r.json()) as T;
}

export interface Deliveries {
  lost: number;
  duplicated: number;
  /** e.g. "letter ×2" for each duplicated delivery. */
  duplicates: string[];
}

export async function countDeliveries(
  people: readonly (Persona & { channel: "sms" | "email" })[],
  urls: { sms: string; mail: string; postal: string },
  call: ReturnType<typeof caller>,
): Promise<Deliveries> {
  const counted: Deliveries = { lost: 0, duplicated: 0, duplicates: [] };
  for (const p of people) {
    const firstHalves =
      p.channel === "sms"
        ? (
            await json<{ messages: { text: string }[] }>(
              call(`${urls.sms}/api/v1/messages?to=${encodeURIComponent(p.mobile)}`),
            )
          ).messages.filter((m) => m.text.includes("Prima parte del PIN")).length
        : (
            await json<{ messages_count: number }>(
              call(`${urls.mail}/api/v1/search?query=${encodeURIComponent(`to:${p.email}`)}`),
            )
          ).messages_count;
    // Two people may share a name: the letter is told apart by its address too.
    const letters = (
      await json<{ letters: { recipient: { street: string } }[] }>(
        call(
          `${urls.postal}/api/v1/letters?name=${encodeURIComponent(`${p.firstName} ${p.lastName}`)}&postalCode=${p.residence.postalCode}`,
        ),
      )
    ).letters.filter((l) => l.recipient.street.toUpperCase() === p.residence.street.toUpperCase()).length;
    for (const [kind, n] of [
      [p.channel, firstHalves],
      ["letter", letters],
    ] as const) {
      if (n < 1) counted.lost++;
      if (n > 1) {
        counted.duplicated += n - 1;
        counted.duplicates.push(`${kind} ×${n}`);
      }
    }
  }
  return counted;
}
