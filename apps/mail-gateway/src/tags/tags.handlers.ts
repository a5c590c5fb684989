// Mailpit's tag handlers: list, set on messages, rename, delete.
import type { Context } from "hono";
import type { ServiceEnv } from "@inps-sim/service-kit";
import type { MailContext } from "../context.ts";
import { badRequest, ok, readGoJson, stringList } from "../http/mailpit-text.ts";
import { MAX_IDS } from "../http/paging.ts";
import { MESSAGE_ID_PATTERN } from "../ids.ts";
import { TagError } from "./tags.store.ts";

type C = Context<ServiceEnv>;

export const listTags = (ctx: MailContext) => async (c: C) => c.json(await ctx.mailbox.store.allTags());

export const setTags = (ctx: MailContext) => async (c: C) => {
  const body = await readGoJson(c);
  if (!body.ok) return badRequest(c, body.error);
  const ids = stringList(body.value.ids, "IDs");
  if ("error" in ids) return badRequest(c, ids.error);
  const tagList = stringList(body.value.tags, "Tags");
  if ("error" in tagList) return badRequest(c, tagList.error);
  if (ids.length > MAX_IDS || tagList.length > 100) return badRequest(c, "too many IDs or tags");
  const valid = ids.filter((id) => MESSAGE_ID_PATTERN.test(id));
  if (valid.length > 0) await ctx.mailbox.store.setTags(valid, tagList);
  return ok(c);
};

export const renameTag = (ctx: MailContext) => async (c: C) => {
  const body = await readGoJson(c);
  if (!body.ok) return badRequest(c, body.error);
  const name = body.value.name;
  if (typeof name !== "string") return badRequest(c, "invalid tag name");
  try {
    await ctx.mailbox.store.renameTag(c.req.param("Tag")!, name);
  } catch (error) {
    if (error instanceof TagError) return badRequest(c, error.message);
    throw error;
  }
  return ok(c);
};

export const deleteTag = (ctx: MailContext) => async (c: C) => {
  try {
    await ctx.mailbox.store.deleteTag(c.req.param("Tag")!);
  } catch (error) {
    if (error instanceof TagError) return badRequest(c, error.message);
    throw error;
  }
  return ok(c);
};
