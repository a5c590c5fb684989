// Typed client of the postal gateway (`/api/v1/letters`): the identity service posts PIN halves with
// it, the Cucumber World opens a citizen's mailbox with it.

import { createRequester, GatewayClientError, type GatewayClientOptions } from "./json-api.ts";
export type PostalService = "ordinaria" | "raccomandata";
export type LetterStatus = "accepted" | "in_transit" | "delivered" | "returned_to_sender";
export type LetterEventType = "accepted" | "in_transit" | "out_for_delivery" | "delivered" | "returned_to_sender";

export interface PostalAddress {
  name: string;
  street: string;
  /** Five digits (CAP) belonging to the province; otherwise the letter comes back to the sender. */
  postalCode: string;
  city: string;
  /** The province's sigla, e.g. RM. */
  province: string;
}

export interface LetterSummary {
  id: string;
  recipient: PostalAddress;
  service: PostalService;
  subject: string | null;
  status: LetterStatus;
  acceptedAt: string;
  /** YYYY-MM-DD, Europe/Rome: Poste Italiane's target (4th working day after acceptance). */
  expectedDeliveryDate: string;
  deliveredAt: string | null;
  returnedAt: string | null;
  /** invalid-postal-code | unknown-province | postal-code-not-in-province | unknown-address */
  returnReason: string | null;
}

export interface LetterEvent {
  type: LetterEventType;
  at: string;
  description: string;
}

export interface Letter extends LetterSummary {
  /** The text once the letter is delivered; null while it travels (and for a letter that came back). */
  body: string | null;
  events: LetterEvent[];
}

/** A letter with its text whatever its status, as the control plane shows it to a test. */
export interface LetterContent extends Letter {
  body: string;
}

export interface SendLetterInput {
  recipient: PostalAddress;
  service: PostalService;
  subject?: string;
  body: string;
}

export interface SendLetterResult {
  id: string;
  status: "accepted";
  expectedDeliveryDate: string;
  /** True when the gateway answered a retry with the stored first answer. */
  replayed: boolean;
}

export interface ListLettersQuery {
  /** The same words in any order, any case: "Rossi Mario" finds "MARIO ROSSI". */
  name?: string;
  postalCode?: string;
  status?: LetterStatus;
  limit?: number;
}

export interface PostalRequestOptions {
  /** Sent as Idempotency-Key: a retry with the same key creates nothing new. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface WaitForLetterOptions extends ListLettersQuery {
  match?: (letter: LetterSummary) => boolean;
  timeoutMs?: number;
  intervalMs?: number;
}

export interface PostalClientOptions extends GatewayClientOptions {
  /** SIM_ADMIN_TOKEN, for `peek`. */
  adminToken?: string;
}

/** Any answer of the gateway that is not a success: the HTTP status and the problem's stable `code`. */
export class PostalClientError extends GatewayClientError {
  override readonly name = "PostalClientError";
}

export interface PostalClient {
  send(input: SendLetterInput, options?: PostalRequestOptions): Promise<SendLetterResult>;
  list(query?: ListLettersQuery, options?: PostalRequestOptions): Promise<LetterSummary[]>;
  /** The letter with its body and the tracking events that have happened so far. */
  get(id: string, options?: PostalRequestOptions): Promise<Letter>;
  /** GET /__sim/letters/{id}: the letter with its text before it is delivered, for a test that reads a secret on its way. */
  peek(id: string, options?: PostalRequestOptions): Promise<LetterContent>;
  /** The letter rendered as a PDF (once it is delivered; `409 letter-not-delivered` before). */
  pdf(id: string, options?: PostalRequestOptions): Promise<Uint8Array>;
  /** Deletes every letter, or only those to `name`. */
  clear(query?: { name?: string }, options?: PostalRequestOptions): Promise<void>;
  /** Polls the list until a letter matching the query appears (newest first), then returns it in full. */
  waitForLetter(options: WaitForLetterOptions): Promise<Letter>;
}

export function createPostalClient(options: PostalClientOptions): PostalClient {
  const request = createRequester({
    ...options,
    toError: (f) => new PostalClientError(f.status, f.code, f.problem, f.message),
  });

  const admin = createRequester({
    ...options,
    headers: { ...options.headers, ...(options.adminToken ? { authorization: `Bearer ${options.adminToken}` } : {}) },
    toError: (f) => new PostalClientError(f.status, f.code, f.problem, f.message),
  });

  const client: PostalClient = {
    async send(input, opts) {
      const res = await request("POST", "/api/v1/letters", input, opts);
      const answer = (await res.json()) as Omit<SendLetterResult, "replayed">;
      return { ...answer, replayed: res.headers.get("idempotent-replayed") === "true" };
    },
    async list(query = {}, opts) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
      const qs = params.toString();
      const res = await request("GET", `/api/v1/letters${qs ? `?${qs}` : ""}`, undefined, opts);
      return ((await res.json()) as { letters: LetterSummary[] }).letters;
    },
    async get(id, opts) {
      const res = await request("GET", `/api/v1/letters/${encodeURIComponent(id)}`, undefined, opts);
      return (await res.json()) as Letter;
    },
    async peek(id, opts) {
      const res = await admin("GET", `/__sim/letters/${encodeURIComponent(id)}`, undefined, opts);
      return (await res.json()) as LetterContent;
    },
    async pdf(id, opts) {
      const res = await request("GET", `/api/v1/letters/${encodeURIComponent(id)}.pdf`, undefined, opts, "application/pdf");
      return new Uint8Array(await res.arrayBuffer());
    },
    async clear(query = {}, opts) {
      const qs = query.name === undefined ? "" : `?${new URLSearchParams({ name: query.name }).toString()}`;
      await request("DELETE", `/api/v1/letters${qs}`, undefined, opts);
    },
    async waitForLetter(wait) {
      const timeoutMs = wait.timeoutMs ?? 10_000;
      const deadline = Date.now() + timeoutMs;
      const { match, timeoutMs: _t, intervalMs, ...query } = wait;
      for (;;) {
        const found = (await client.list(query)).find((l) => !match || match(l));
        if (found) return client.get(found.id);
        if (Date.now() >= deadline) {
          throw new PostalClientError(408, "wait-timed-out", null, `no letter matching ${JSON.stringify(query)} within ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs ?? 100));
      }
    },
  };
  return client;
}

