// GET /__sim/stack: where the rest of the stack is, so a suite given the identity service's URL and the admin
// token finds the gateways (and the operator token `npm start` generated) instead of guessing default ports.
import type { Context } from "hono";

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
