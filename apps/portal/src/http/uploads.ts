// Reads the files of a multipart form (the Converti PIN uploads) as the identity client sends them on: bytes, name
// and declared type. An empty file input (nothing chosen) counts as no file. The service checks the content itself.
import type { UploadFile } from "@inps-sim/clients";
import type { Context } from "hono";
import type { PortalEnv } from "./env.ts";

/** Each file the service accepts may be at most this big (docs/contract.md); the portal lets two through. */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
/** The portal's own limit for the upload form: both files at their largest, and the form around them. */
export const UPLOAD_FORM_MAX_BYTES = 2 * UPLOAD_MAX_BYTES + 64 * 1024;

export async function readFiles<K extends string>(
  c: Context<PortalEnv>,
  fields: readonly K[],
): Promise<Partial<Record<K, UploadFile>>> {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const out: Partial<Record<K, UploadFile>> = {};
  for (const name of fields) {
    const value = body[name];
    if (value instanceof File && value.size > 0) {
      out[name] = {
        bytes: new Uint8Array(await value.arrayBuffer()),
        name: value.name.slice(0, 200),
        ...(value.type ? { type: value.type } : {}),
      };
    }
  }
  return out;
}
