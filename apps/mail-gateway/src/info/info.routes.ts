// Mailpit's /api/v1/info and /api/v1/webui as the OpenAPI document describes them.
import { z } from "@hono/zod-openapi";
import { createRoute } from "../http/mailpit-openapi.ts";

const tags = ["Application"];
const count = z.number().int();

export const appInformationSchema = z
  .object({
    Version: z.string(),
    LatestVersion: z.string(),
    Database: z.string().openapi({ description: "Where the messages are kept" }),
    DatabaseSize: count.openapi({ description: "Bytes the mailbox's tables take" }),
    Messages: count,
    Unread: count,
    Tags: z.record(z.string(), count).openapi({ description: "Messages per tag" }),
    RuntimeStats: z.object({
      Uptime: count.openapi({ description: "Seconds since start" }),
      Memory: count.openapi({ description: "Resident memory, bytes" }),
      MessagesDeleted: count,
      SMTPAccepted: count,
      SMTPAcceptedSize: count,
      SMTPRejected: count,
      SMTPIgnored: count,
    }),
  })
  .openapi("AppInformation");

export const webUiConfigurationSchema = z
  .object({
    Label: z.string(),
    MessageRelay: z.object({
      Enabled: z.boolean(),
      SMTPServer: z.string(),
      ReturnPath: z.string(),
      AllowedRecipients: z.string(),
      BlockedRecipients: z.string(),
      OverrideFrom: z.string(),
      PreserveMessageIDs: z.boolean(),
      RecipientAllowlist: z.string(),
    }),
    SpamAssassin: z.boolean(),
    ChaosEnabled: z.boolean(),
    DuplicatesIgnored: z.boolean(),
    HideDeleteAllButton: z.boolean(),
  })
  .openapi("WebUIConfiguration");

export const infoRoute = createRoute({
  method: "get",
  path: "/api/v1/info",
  tags,
  summary: "The mailbox's totals, the database and the SMTP counters",
  responses: {
    200: {
      description: "The information",
      content: { "application/json": { schema: appInformationSchema } },
    },
  },
});

export const webUiRoute = createRoute({
  method: "get",
  path: "/api/v1/webui",
  tags,
  summary: "The settings Mailpit's web UI reads",
  responses: {
    200: {
      description: "The settings",
      content: { "application/json": { schema: webUiConfigurationSchema } },
    },
  },
});
