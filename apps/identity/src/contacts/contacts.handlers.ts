import type { RouteHandler } from "@hono/zod-openapi";
import type { IdentityContext } from "../context.ts";
import type { IdentityEnv } from "../http/router.ts";
import {
  addContactsByOperator,
  confirmContactChange,
  contactsOf,
  startContactChange,
} from "./change-contacts.ts";
import type {
  getContactsRoute,
  operatorContactsRoute,
  patchContactsRoute,
  verifyContactsRoute,
} from "./contacts.routes.ts";

export const getContacts =
  (ctx: IdentityContext): RouteHandler<typeof getContactsRoute, IdentityEnv> =>
  async (c) =>
    c.json(await contactsOf(ctx, c.get("session")), 200);

export const patchContacts =
  (ctx: IdentityContext): RouteHandler<typeof patchContactsRoute, IdentityEnv> =>
  async (c) =>
    c.json(await startContactChange(ctx, c.get("session"), c.req.valid("json"), c.get("requestId")), 202);

export const verifyContacts =
  (ctx: IdentityContext): RouteHandler<typeof verifyContactsRoute, IdentityEnv> =>
  async (c) =>
    c.json(
      await confirmContactChange(
        ctx,
        c.get("session"),
        c.req.valid("param").id,
        c.req.valid("json").code,
        c.get("requestId"),
      ),
      200,
    );

export const addContactsByPhone =
  (ctx: IdentityContext): RouteHandler<typeof operatorContactsRoute, IdentityEnv> =>
  async (c) =>
    c.json(
      await addContactsByOperator(
        ctx,
        c.req.valid("param").fiscalCode,
        c.req.valid("json"),
        c.get("operatorId"),
        c.get("requestId"),
      ),
      200,
    );
