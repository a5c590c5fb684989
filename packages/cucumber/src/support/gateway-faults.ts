// A typed hand on the gateways' fault switches (`/__sim/faults`, and the mail gateway's `/__sim/smtp-faults`),
// so a scenario can take a gateway down and bring it back without a URL in its steps.
import type { StackEndpoints } from "./stack-endpoints.ts";

/** CONTRACT.md: `error` answers with the status, `timeout` never answers, `drop` accepts and never delivers. */
export interface HttpFaultSpec {
  mode: "error" | "timeout" | "drop";
  status?: number;
  count?: number;
  probability?: number;
}

/** docs/gateways-mail.md: a 4xx/5xx reply at one SMTP stage (an outage is `{ stage: "MAIL", code: 421 }`). */
export interface SmtpFaultSpec {
  stage: "MAIL" | "RCPT" | "DATA";
  code?: number;
  message?: string;
  mode?: "error" | "drop";
  match?: string;
  count?: number;
  probability?: number;
}

export interface FaultSwitch<Spec> {
  set(spec: Spec): Promise<unknown>;
  clear(): Promise<void>;
  view(): Promise<unknown>;
}

export interface GatewayFaults {
  /** The SMS gateway's HTTP API. */
  sms: FaultSwitch<HttpFaultSpec>;
  /** The mail gateway's HTTP (Mailpit) API: reading mail, not sending it. */
  mail: FaultSwitch<HttpFaultSpec>;
  /** The mail gateway's SMTP server: where the identity service sends its email. */
  smtp: FaultSwitch<SmtpFaultSpec>;
  postal: FaultSwitch<HttpFaultSpec>;
  /** Clears every switch this scenario set (an After hook calls it). */
  clearAllSet(): Promise<void>;
}

export function createGatewayFaults(stack: StackEndpoints): GatewayFaults {
  const touched = new Set<FaultSwitch<never>>();
  const headers = { authorization: `Bearer ${stack.adminToken}`, "content-type": "application/json" };

  async function send(url: string, method: "GET" | "PUT" | "DELETE", body?: unknown): Promise<unknown> {
    const res = await fetch(url, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  }

  function faultSwitch<Spec>(url: string): FaultSwitch<Spec> {
    const control: FaultSwitch<Spec> = {
      set: async (spec) => {
        touched.add(control as FaultSwitch<never>);
        return send(url, "PUT", spec);
      },
      clear: async () => {
        await send(url, "DELETE");
      },
      view: () => send(url, "GET"),
    };
    return control;
  }

  return {
    sms: faultSwitch(`${stack.smsUrl}/__sim/faults`),
    mail: faultSwitch(`${stack.mailUrl}/__sim/faults`),
    smtp: faultSwitch(`${stack.mailUrl}/__sim/smtp-faults`),
    postal: faultSwitch(`${stack.postalUrl}/__sim/faults`),
    async clearAllSet() {
      for (const control of touched) await control.clear();
      touched.clear();
    },
  };
}
