// The identity service's clock and reset speak for the whole stack: it forwards them to the gateways.
import type { Logger } from "@inps-sim/service-kit";

export interface GatewayControl {
  name: string;
  /** Base URL of the gateway's HTTP side, e.g. http://127.0.0.1:4010 */
  url: string;
  /** Runs in this process on the identity service's own clock (the embedded stack): a move needs no forwarding. */
  sharesClock?: boolean | undefined;
}

export type ForwardOutcome = Record<string, "ok" | string>;

export interface StackControl {
  syncClocks(now: Date): Promise<ForwardOutcome>;
  reset(): Promise<ForwardOutcome>;
}

export function createStackControl(options: {
  gateways: GatewayControl[];
  token: string;
  logger: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
}): StackControl {
  const doFetch = options.fetch ?? fetch;
  const call = async (
    path: string,
    body?: unknown,
    skip?: (g: GatewayControl) => boolean,
  ): Promise<ForwardOutcome> => {
    const results = await Promise.all(
      options.gateways.map(async (g): Promise<[string, string]> => {
        if (skip?.(g)) return [g.name, "ok"];
        try {
          const res = await doFetch(`${g.url}/__sim${path}`, {
            method: "POST",
            headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
            body: body === undefined ? null : JSON.stringify(body),
            signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
          });
          if (res.ok) return [g.name, "ok"];
          return [g.name, `answered ${res.status}`];
        } catch (error) {
          return [g.name, `unreachable: ${(error as Error).message}`];
        }
      }),
    );
    for (const [name, outcome] of results) {
      // A gateway that is not ours (the real Mailpit) has no control plane: say so, do not fail the call.
      if (outcome !== "ok")
        options.logger.warn({ gateway: name, outcome, path }, "gateway did not follow the stack");
    }
    return Object.fromEntries(results);
  };
  return {
    syncClocks: (now) => call("/clock", { syncTo: now.toISOString() }, (g) => g.sharesClock === true),
    reset: () => call("/reset"),
  };
}
