// Mailpit's /api/v1/chaos as the OpenAPI document describes it.
import { z } from "@hono/zod-openapi";
import { badRequestResponse, createRoute, goJsonBody } from "../http/mailpit-openapi.ts";

const tags = ["Chaos"];

const triggerSchema = z
  .object({
    ErrorCode: z
      .number()
      .int()
      .openapi({ description: "The SMTP code answered when it fires", example: 451 }),
    Probability: z.number().int().openapi({ description: "Percent, 0 to 100; 0 is off" }),
  })
  .openapi("ChaosTrigger");

export const chaosTriggersSchema = z
  .object({ Sender: triggerSchema, Recipient: triggerSchema, Authentication: triggerSchema })
  .openapi("ChaosTriggers");

const notEnabled = "Refused, as plain text: `Chaos is not enabled` (MAIL_CHAOS=off) or an invalid trigger";

export const getChaosRoute = createRoute({
  method: "get",
  path: "/api/v1/chaos",
  tags,
  summary: "The SMTP errors triggered at random (MAIL_CHAOS=on only)",
  responses: {
    200: { description: "The triggers", content: { "application/json": { schema: chaosTriggersSchema } } },
    400: { ...badRequestResponse, description: notEnabled },
  },
});

export const setChaosRoute = createRoute({
  method: "put",
  path: "/api/v1/chaos",
  tags,
  summary: "Sets the triggers; one left out is turned off",
  request: {
    body: goJsonBody(
      z
        .object({
          Sender: triggerSchema.partial(),
          Recipient: triggerSchema.partial(),
          Authentication: triggerSchema.partial(),
        })
        .partial(),
      "The triggers to set.",
    ),
  },
  responses: {
    200: {
      description: "The triggers now",
      content: { "application/json": { schema: chaosTriggersSchema } },
    },
    400: { ...badRequestResponse, description: notEnabled },
  },
});
