// Mailpit's POST /api/v1/send (server/apiv1/send.go:22-89): the message is built and stored as SMTP stores one;
// the answer is {"ID": …}, an error {"Error": …} with 400, as Mailpit's httpJSONError.
import type { Context } from "hono";
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { buildSendMessage } from "./send-message.ts";

type C = Context<ServiceEnv>;

const jsonError = (message: string) =>
  new Response(`${JSON.stringify({ Error: message })}\n`, {
    status: 400,
    headers: { "content-type": "application/json", "referrer-policy": "no-referrer" },
  });

/** The user name of HTTP basic credentials, which Mailpit records as the message's Username (send.go:73-76). */
function basicUser(c: C): string | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(c.req.header("authorization") ?? "");
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon >= 0 ? decoded.slice(0, colon) : undefined;
}

export const sendMessage = (ctx: MailContext) => async (c: C) => {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch (error) {
    return jsonError(error instanceof Error ? error.message : "invalid JSON");
  }
  const built = await buildSendMessage(body);
  if (typeof built === "string") return jsonError(built);
  const id = await ctx.mailbox.accept(built.raw, built.envelope, { username: basicUser(c) });
  if (id === null) return jsonError("the message was not stored");
  return new Response(`${JSON.stringify({ ID: id })}\n`, { headers: { "content-type": "application/json" } });
};
