// Mailpit's search syntax (https://mailpit.axllent.org/docs/usage/search-filters/) as SQL conditions.
import { sql, type SQL } from "drizzle-orm";
import { messages, messageTags, tags } from "../db/schema.ts";
import { cleanSearchText } from "../mime/parse.ts";
import { parseSearchDate, searchZone } from "./search-dates.ts";

/** Mailpit's ArgsParser: words split on spaces, "quoted phrases" kept whole, quotes dropped. */
export function splitSearch(search: string): string[] {
  const args: string[] = [];
  let current = "";
  let quoted = false;
  const push = () => {
    const v = current.replaceAll('"', "").trim();
    if (v) args.push(v);
    current = "";
  };
  for (const ch of search) {
    if (ch === '"') {
      quoted = !quoted;
      current += ch;
    } else if (!quoted && ch === " ") {
      push();
    } else {
      current += ch;
    }
  }
  push();
  return args;
}

const likeEscape = (v: string) => v.replaceAll("\\", "\\\\").replaceAll("%", "\\%").replaceAll("_", "\\_");
const contains = (v: string) => `%${likeEscape(v)}%`;

/** Mailpit's sizeToBytes: "2kb", "4MB", "1.5m"; 0 when it is not a size. */
export function sizeToBytes(value: string): number {
  const m = /^(\d+)(\.\d+)?\s?([a-z]{1,2})?$/.exec(value.toLowerCase());
  if (!m) return 0;
  const n = Number.parseFloat(`${m[1]}${m[2] ?? ""}`);
  const unit = m[3] ?? "";
  if (unit === "") return Math.floor(n);
  if (unit === "k" || unit === "kb") return Math.floor(n * 1024);
  if (unit === "m" || unit === "mb") return Math.floor(n * 1024 * 1024);
  return 0;
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

const hasTag = (name: string) =>
  sql`exists (select 1 from ${messageTags} mt join ${tags} t on t.id = mt.tag_id where mt.message_id = ${messages.id} and lower(t.name) = ${name})`;
const anyTag = sql`exists (select 1 from ${messageTags} mt where mt.message_id = ${messages.id})`;

/** The WHERE condition for a search; an empty list of conditions matches every message. */
export function searchConditions(search: string, tz?: string): SQL[] {
  const zone = searchZone(tz);
  const out: SQL[] = [];
  const add = (positive: SQL, exclude: boolean) => out.push(exclude ? sql`not (${positive})` : positive);
  for (let word of splitSearch(search)) {
    if (cleanSearchText(word) === "") continue;
    let exclude = false;
    if (word.length > 1 && (word.startsWith("-") || word.startsWith("!"))) {
      exclude = true;
      word = word.slice(1);
    }
    if (!word) continue;
    const lw = word.toLowerCase();
    const field = (prefix: string) =>
      lw.startsWith(prefix) ? cleanSearchText(word.slice(prefix.length)) : null;
    let v: string | null;
    if ((v = field("to:")) !== null) {
      if (v) add(sql`${messages.toText} like ${contains(v)}`, exclude);
    } else if ((v = field("from:")) !== null) {
      if (v) add(sql`${messages.fromText} like ${contains(v)}`, exclude);
    } else if ((v = field("cc:")) !== null) {
      if (v) add(sql`${messages.ccText} like ${contains(v)}`, exclude);
    } else if ((v = field("bcc:")) !== null) {
      if (v) add(sql`${messages.bccText} like ${contains(v)}`, exclude);
    } else if ((v = field("reply-to:")) !== null) {
      if (v) add(sql`${messages.replyToText} like ${contains(v)}`, exclude);
    } else if ((v = field("addressed:")) !== null) {
      if (v) {
        const p = contains(v);
        add(
          sql`(${messages.toText} like ${p} or ${messages.fromText} like ${p} or ${messages.ccText} like ${p} or ${messages.bccText} like ${p} or ${messages.replyToText} like ${p})`,
          exclude,
        );
      }
    } else if (lw.startsWith("subject:")) {
      const s = word.slice(8);
      if (s) add(sql`${messages.subject} ilike ${contains(s)}`, exclude);
    } else if ((v = field("message-id:")) !== null) {
      if (v) add(sql`${messages.messageId} ilike ${contains(v)}`, exclude);
    } else if ((v = field("tag:")) !== null) {
      if (v) add(hasTag(v), exclude);
    } else if (lw === "is:read") {
      add(sql`${messages.read}`, exclude);
    } else if (lw === "is:unread") {
      add(sql`not ${messages.read}`, exclude);
    } else if (lw === "is:tagged") {
      add(anyTag, exclude);
    } else if (lw === "has:inline" || lw === "has:inlines") {
      add(sql`${messages.inline} > 0`, exclude);
    } else if (lw === "has:attachment" || lw === "has:attachments") {
      add(sql`${messages.attachments} > 0`, exclude);
    } else if ((v = field("after:")) !== null) {
      const d = parseSearchDate(v.toUpperCase(), zone);
      if (d) out.push(exclude ? sql`${messages.created} <= ${ts(d)}` : sql`${messages.created} >= ${ts(d)}`);
    } else if ((v = field("before:")) !== null) {
      const d = parseSearchDate(v.toUpperCase(), zone);
      if (d) out.push(exclude ? sql`${messages.created} >= ${ts(d)}` : sql`${messages.created} <= ${ts(d)}`);
    } else if (lw.startsWith("larger:") && sizeToBytes(cleanSearchText(word.slice(7))) > 0) {
      const size = sizeToBytes(cleanSearchText(word.slice(7)));
      out.push(exclude ? sql`${messages.size} < ${size}` : sql`${messages.size} > ${size}`);
    } else if (lw.startsWith("smaller:") && sizeToBytes(cleanSearchText(word.slice(8))) > 0) {
      const size = sizeToBytes(cleanSearchText(word.slice(8)));
      out.push(exclude ? sql`${messages.size} > ${size}` : sql`${messages.size} < ${size}`);
    } else {
      add(sql`${messages.searchText} like ${contains(cleanSearchText(word))}`, exclude);
    }
  }
  return out;
}
