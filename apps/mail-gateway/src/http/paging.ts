// Mailpit's paging parameters and how a message is named in a path.
import type { Page } from "../messages/messages.store.ts";
import type { MailContext } from "../context.ts";
import { MESSAGE_ID_PATTERN } from "../ids.ts";

export const MAX_PAGE = 1000;
export const MAX_IDS = 10_000;

function intParam(value: string | undefined): number | null {
  if (value === undefined || !/^-?\d{1,9}$/.test(value)) return null;
  return Number(value);
}

/**
 * Mailpit's getStartLimit (server/apiv1/api.go:46-73): start ≥ 0 (default 0), limit default 50; we cap a page at
 * MAX_PAGE. `limit=0` stays 0: the whole mailbox for the list, nothing for a search (see MailStore.page).
 */
export function pageOf(query: (name: string) => string | undefined): Page {
  const s = intParam(query("start"));
  const l = intParam(query("limit"));
  const start = s !== null && s > 0 ? s : 0;
  let limit = l !== null && l > -1 ? l : 50;
  if (limit > MAX_PAGE) limit = MAX_PAGE;
  const b = query("before");
  const t = b ? Date.parse(b) : Number.NaN;
  return { start, limit, before: Number.isNaN(t) ? undefined : new Date(t), tz: query("tz") };
}

/** `latest` (optionally the latest matching ?query=) or a stored ID; null when there is none. */
export async function resolveId(
  ctx: MailContext,
  id: string,
  query: string | undefined,
): Promise<string | null> {
  if (id === "latest") return ctx.mailbox.store.latestId((query ?? "").trim());
  return MESSAGE_ID_PATTERN.test(id) ? id : null;
}
