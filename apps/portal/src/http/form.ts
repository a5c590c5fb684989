// Reads a submitted form as plain strings: trimmed, bounded, files ignored. Secrets are read the same way but
// are never echoed back into a page (see SECRET_FIELDS).
import type { Context } from "hono";
import { z } from "zod";
import type { PortalEnv } from "./env.ts";

export type FormValues = Record<string, string>;

const formSchema = z.record(z.string(), z.unknown());

/** Fields whose value is a PIN or a code: never written back into a form, a URL or a log line. */
export const SECRET_FIELDS = new Set([
  "pin",
  "currentPin",
  "newPin",
  "confirmPin",
  "firstHalf",
  "code",
  "recoveryCode",
  "adminToken",
]);

export async function readForm(c: Context<PortalEnv>, fields: readonly string[]): Promise<FormValues> {
  const parsed = formSchema.safeParse(await c.req.parseBody().catch(() => ({})));
  const body = parsed.success ? parsed.data : {};
  const out: FormValues = {};
  for (const name of fields) {
    const value = body[name];
    out[name] = typeof value === "string" ? value.trim().slice(0, 256) : "";
  }
  return out;
}

/** The values safe to show again in a form after an error. */
export function echoable(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !SECRET_FIELDS.has(name)));
}

/** Only the fields given: `{ a: "", b: "x" }` → `{ b: "x" }`, or undefined when none is. */
export function given<K extends string>(values: Record<K, string>): Partial<Record<K, string>> | undefined {
  const entries = Object.entries(values).filter(([, v]) => typeof v === "string" && v !== "");
  return entries.length ? (Object.fromEntries(entries) as Partial<Record<K, string>>) : undefined;
}
