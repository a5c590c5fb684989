// Generated from the sms service's /openapi.json by `npm run clients:generate` (openapi-typescript). Do not edit.
export interface paths {
  "/api/v1/messages": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List messages, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description Only messages created at or after this instant */
          since?: string;
          /** @description E.164 number, e.g. +393331234567 */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The messages */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["SmsMessageList"];
          };
        };
        /** @description validation-failed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    /**
     * Send an SMS
     * @description Accepts an Idempotency-Key header: a retry with the same key returns the first answer and sends nothing new.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          "idempotency-key"?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["SendSms"];
        };
      };
      responses: {
        /** @description Queued: delivered (or failed) after the configured latency in simulated time */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["SmsAccepted"];
          };
        };
        /** @description validation-failed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description idempotency-key-reused */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description too-large */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Delete every message, or those sent to one number */
    delete: {
      parameters: {
        query?: {
          /** @description E.164 number, e.g. +393331234567 */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description validation-failed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/messages/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One message */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The message */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["SmsMessage"];
          };
        };
        /** @description message-not-found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Problem: {
      /** @description Stable kebab-case code that tests match on */
      code: string;
      detail: string;
      errors?: {
        message: string;
        path: string;
      }[];
      requestId?: string;
      status: number;
      title: string;
      type: string;
    } & {
      [key: string]: unknown;
    };
    SendSms: {
      /** @example INPS */
      from?: string;
      /**
       * Format: uri
       * @description Receives one POST (a delivery report) when the message is delivered or fails
       */
      statusCallback?: string;
      text: string;
      /**
       * @description E.164; a number that cannot receive SMS ends `failed`
       * @example +393331234567
       */
      to: string;
    };
    SmsAccepted: {
      id: string;
      /** @enum {string} */
      status: "queued";
    };
    SmsMessage: {
      createdAt: string;
      deliveredAt: string | null;
      /** @enum {string} */
      encoding: "GSM-7" | "UCS-2";
      failedAt: string | null;
      failureDetail: string | null;
      /** @description malformed-number | invalid-number | landline | not-a-mobile, when failed */
      failureReason: string | null;
      from: string;
      /** @example sms_0123456789abcdef0123 */
      id: string;
      segments: number;
      /** @enum {string} */
      status: "queued" | "delivered" | "failed";
      statusCallback: string | null;
      text: string;
      to: string;
    };
    SmsMessageList: {
      messages: components["schemas"]["SmsMessage"][];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
