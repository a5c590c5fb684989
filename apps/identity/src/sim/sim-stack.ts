// GET /__sim/stack: where the rest of the stack is, so a suite given the identity service's URL and the admin
// token finds the gateways (and the operator token `npm start` generated) instead of guessing default ports.
import type { Context } from "hono";
import type { IdentityConfig } from "../config.ts";

export interface StackDirectory {
  sms: string;
  mail: { http: string; smtp: string };
  postal: string;
  /** Unset when no portal runs beside this identity service. */
  portal?: string | undefined;
  /** Only when the stack generated it (OPERATOR_TOKENS unset): a token the caller could not know otherwise. */
  operatorToken?: string | undefined;
}

export function stackDirectoryHandler(directory: StackDirectory) {
  return (c: Context) => {
    // The identity service as the caller reached it: behind a proxy or a published port, that is the address that works.
    const identity = new URL(c.req.url).origin;
    const { operatorToken, portal, ...gateways } = directory;
    return c.json({
      services: { identity, ...gateways, portal: portal ?? null },
      ...(operatorToken ? { operatorToken } : {}),
    });
  };
}

/** The directory from the settings: the gateways' public addresses where set, else those this service uses. */
export function stackDirectory(
  config: Pick<
    IdentityConfig,
    | "SMS_URL"
    | "MAIL_URL"
    | "SMTP_HOST"
    | "SMTP_PORT"
    | "POSTAL_URL"
    | "SMS_PUBLIC_URL"
    | "MAIL_PUBLIC_URL"
    | "SMTP_PUBLIC_URL"
    | "POSTAL_PUBLIC_URL"
  >,
  announce?: { portalUrl?: string | undefined; operatorToken?: string | undefined },
): StackDirectory {
  return {
    sms: config.SMS_PUBLIC_URL ?? config.SMS_URL,
    mail: {
      http: config.MAIL_PUBLIC_URL ?? config.MAIL_URL,
      smtp: config.SMTP_PUBLIC_URL ?? `smtp://${config.SMTP_HOST}:${config.SMTP_PORT}`,
    },
    postal: config.POSTAL_PUBLIC_URL ?? config.POSTAL_URL,
    // Read on each call: the embedded stack starts its portal after this service and tells its URL then.
    get portal() {
      return announce?.portalUrl;
    },
    operatorToken: announce?.operatorToken,
  };
}
