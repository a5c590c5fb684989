// What the SMS API accepts, checked at the edge with zod.
import { z } from "zod";

const noNul = (s: string) => !s.includes("\u0000");
const noControl = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
};

export const sendMessageSchema = z
  .object({
    /** Anything printable is accepted; a number that is not an E.164 mobile ends `failed` with a reason. */
    to: z.string().trim().min(1).max(32).refine(noControl, "must not contain control characters"),
    /** An alphanumeric sender id (up to 11 characters) or a number. */
    from: z
      .string()
      .regex(/^(?:[A-Za-z0-9][A-Za-z0-9 .&_-]{0,10}|\+?[0-9]{3,15})$/, "an alphanumeric sender of up to 11 characters or a number")
      .optional(),
    text: z.string().min(1).max(1600).refine(noNul, "must not contain NUL characters"),
    statusCallback: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2048).optional(),
  })
  .strict();

export type SendMessageInput = z.infer<typeof sendMessageSchema>;

export const listQuerySchema = z.object({
  to: z
    .string()
    .max(32)
    .transform((v) => {
      // A "+" in a query string that was not percent-encoded arrives as a space.
      const t = v.trim();
      return /^\d+$/.test(t) ? `+${t}` : t;
    })
    .optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const clearQuerySchema = listQuerySchema.pick({ to: true });
