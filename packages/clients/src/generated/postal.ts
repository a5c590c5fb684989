// Generated from the postal service's /openapi.json by `npm run clients:generate` (openapi-typescript). Do not edit.
export interface paths {
  "/api/v1/letters": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List letters, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description The same words in any order, any case: "Rossi Mario" finds "MARIO ROSSI" */
          name?: string;
          postalCode?: string;
          status?: "accepted" | "in_transit" | "delivered" | "returned_to_sender";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The letters */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["LetterList"];
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
     * Post a letter
     * @description Accepts an Idempotency-Key header: a retry with the same key returns the first answer and posts nothing new.
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
          "application/json": components["schemas"]["SendLetter"];
        };
      };
      responses: {
        /** @description Accepted: delivered in working days of simulated time */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["LetterAccepted"];
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
    /** Delete every letter, or those to one name */
    delete: {
      parameters: {
        query?: {
          /** @description The same words in any order, any case: "Rossi Mario" finds "MARIO ROSSI" */
          name?: string;
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
  "/api/v1/letters/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One letter with its tracking
     * @description A letter's content (body and PDF) is there once it is delivered, as in a letterbox; its tracking always is.
     */
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
        /** @description The letter */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Letter"];
          };
        };
        /** @description letter-not-found */
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
  "/api/v1/letters/{id}.pdf": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One letter as printed (PDF), once delivered */
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
        /** @description The printed letter */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/pdf": string;
          };
        };
        /** @description letter-not-found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description letter-not-delivered: the letter has not reached its letterbox yet */
        409: {
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
    Letter: components["schemas"]["LetterSummary"] & {
      /** @description The letter's text once it is delivered; null before (and for a returned letter) */
      body: string | null;
      events: components["schemas"]["TrackingEvent"][];
    };
    LetterAccepted: {
      expectedDeliveryDate: string;
      id: string;
      /** @enum {string} */
      status: "accepted";
    };
    LetterList: {
      letters: components["schemas"]["LetterSummary"][];
    };
    LetterSummary: {
      acceptedAt: string;
      deliveredAt: string | null;
      /** @description YYYY-MM-DD, Europe/Rome: Poste Italiane's target (4th working day) */
      expectedDeliveryDate: string;
      /** @example ltr_0123456789abcdef0123 */
      id: string;
      recipient: components["schemas"]["PostalAddress"];
      returnedAt: string | null;
      /** @enum {string|null} */
      returnReason:
        "invalid-postal-code" | "unknown-province" | "postal-code-not-in-province" | "unknown-address" | null;
      /** @enum {string} */
      service: "ordinaria" | "raccomandata";
      /** @enum {string} */
      status: "accepted" | "in_transit" | "delivered" | "returned_to_sender";
      subject: string | null;
    };
    PostalAddress: {
      city: string;
      name: string;
      postalCode: string;
      province: string;
      street: string;
    };
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
    SendLetter: {
      /** @description Plain text; a line break starts a new line, a blank line a new paragraph */
      body: string;
      recipient: components["schemas"]["PostalAddress"];
      /** @enum {string} */
      service: "ordinaria" | "raccomandata";
      subject?: string;
    };
    TrackingEvent: {
      at: string;
      description: string;
      /** @enum {string} */
      type: "accepted" | "in_transit" | "out_for_delivery" | "delivered" | "returned_to_sender";
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
