// What the postal API accepts, checked at the edge with zod. An address that cannot exist is not a
// 400: the letter is accepted and comes back to the sender, as the post does.
import { z } from "zod";

const printable = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
};
/** Letters may carry line breaks and tabs, nothing else below 0x20. */
const letterText = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if ((code < 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) || code === 0x7f) return false;
  }
  return true;
};

const line = (max: number) =>
  z.string().trim().min(1).max(max).refine(printable, "must not contain control characters");

export const recipientSchema = z
  .object({
    name: line(200),
    street: line(200),
    postalCode: line(16),
    city: line(100),
    province: line(40),
  })
  .strict();

export const sendLetterSchema = z
  .object({
    recipient: recipientSchema,
    service: z.enum(["ordinaria", "raccomandata"]),
    subject: line(300).optional(),
    body: z.string().min(1).max(20_000).refine(letterText, "must not contain control characters other than line breaks and tabs"),
  })
  .strict();

export type SendLetterInput = z.infer<typeof sendLetterSchema>;

export const listQuerySchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  postalCode: z.string().trim().min(1).max(16).optional(),
  status: z.enum(["accepted", "in_transit", "delivered", "returned_to_sender"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const clearQuerySchema = listQuerySchema.pick({ name: true });
