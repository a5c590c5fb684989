// Generated from the mail service's /openapi.json by `npm run clients:generate` (openapi-typescript). Do not edit.
export interface paths {
  "/api/v1/chaos": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The SMTP errors triggered at random (MAIL_CHAOS=on only) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The triggers */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ChaosTriggers"];
          };
        };
        /** @description Refused, as plain text: `Chaos is not enabled` (MAIL_CHAOS=off) or an invalid trigger */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
      };
    };
    /** Sets the triggers; one left out is turned off */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description The triggers to set. Field names match in any case, as Go's encoding/json reads them. */
      requestBody?: {
        content: {
          "application/json": {
            Authentication?: {
              /**
               * @description The SMTP code answered when it fires
               * @example 451
               */
              ErrorCode?: number;
              /** @description Percent, 0 to 100; 0 is off */
              Probability?: number;
            };
            Recipient?: {
              /**
               * @description The SMTP code answered when it fires
               * @example 451
               */
              ErrorCode?: number;
              /** @description Percent, 0 to 100; 0 is off */
              Probability?: number;
            };
            Sender?: {
              /**
               * @description The SMTP code answered when it fires
               * @example 451
               */
              ErrorCode?: number;
              /** @description Percent, 0 to 100; 0 is off */
              Probability?: number;
            };
          };
        };
      };
      responses: {
        /** @description The triggers now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ChaosTriggers"];
          };
        };
        /** @description Refused, as plain text: `Chaos is not enabled` (MAIL_CHAOS=off) or an invalid trigger */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/info": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The mailbox's totals, the database and the SMTP counters */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The information */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["AppInformation"];
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
  "/api/v1/message/{ID}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One message, parsed (reading it marks it read) */
    get: {
      parameters: {
        query?: {
          /** @description With ID `latest`: the newest message matching this search */
          query?: string;
        };
        header?: never;
        path: {
          /** @description The message's database ID, or `latest` (the newest message, or the newest matching `?query=`) */
          ID: string;
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
            "application/json": components["schemas"]["Message"];
          };
        };
        /** @description No such message (or part) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
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
  "/api/v1/message/{ID}/headers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A message's headers */
    get: {
      parameters: {
        query?: {
          /** @description With ID `latest`: the newest message matching this search */
          query?: string;
        };
        header?: never;
        path: {
          /** @description The message's database ID, or `latest` (the newest message, or the newest matching `?query=`) */
          ID: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The headers */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["MessageHeaders"];
          };
        };
        /** @description No such message (or part) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
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
  "/api/v1/message/{ID}/part/{PartID}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One attachment or inline part, decoded, with its own content type */
    get: {
      parameters: {
        query?: {
          /** @description With ID `latest`: the newest message matching this search */
          query?: string;
        };
        header?: never;
        path: {
          /** @description The message's database ID, or `latest` (the newest message, or the newest matching `?query=`) */
          ID: string;
          PartID: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The part's bytes */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/octet-stream": string;
          };
        };
        /** @description No such message (or part) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
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
  "/api/v1/message/{ID}/raw": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A message's source, as received */
    get: {
      parameters: {
        query?: {
          /** @description `1`: as a download ({ID}.eml) */
          dl?: string;
          /** @description With ID `latest`: the newest message matching this search */
          query?: string;
        };
        header?: never;
        path: {
          /** @description The message's database ID, or `latest` (the newest message, or the newest matching `?query=`) */
          ID: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The source */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
        /** @description No such message (or part) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
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
  "/api/v1/messages": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page of the mailbox, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Only messages received before this instant (RFC 3339) */
          before?: string;
          /** @description Messages per page (default 50, at most 1000); 0, as in Mailpit: the whole mailbox (list, `start` ignored) or none (search) */
          limit?: number;
          /** @description Messages to skip (default 0) */
          start?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["MessagesSummary"];
          };
        };
      };
    };
    /** Marks messages read or unread: the IDs given, those a search matches, or (neither) every message */
    put: {
      parameters: {
        query?: {
          /** @description Time zone of after:/before: dates, e.g. Europe/Rome */
          tz?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description Which messages, and read or unread. Field names match in any case, as Go's encoding/json reads them. */
      requestBody?: {
        content: {
          "application/json": {
            /** @description Database IDs */
            IDs?: string[] | null;
            /** @description true: read; false (or absent): unread */
            Read?: boolean;
            /** @description A search instead of IDs (not both) */
            Search?: string;
          };
        };
      };
      responses: {
        /** @description Done: the plain text `ok` */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
        /** @description Refused: the reason, as plain text */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
      };
    };
    post?: never;
    /** Deletes the messages given, or every message when no ID is given */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description Which messages; no body (or no IDs) deletes them all. Field names match in any case, as Go's encoding/json reads them. */
      requestBody?: {
        content: {
          "application/json": {
            /** @description Database IDs */
            IDs?: string[] | null;
          };
        };
      };
      responses: {
        /** @description Done: the plain text `ok` */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
        /** @description Refused: the reason, as plain text */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/search": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page of the messages a search matches, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Only messages received before this instant (RFC 3339) */
          before?: string;
          /** @description Messages per page (default 50, at most 1000); 0, as in Mailpit: the whole mailbox (list, `start` ignored) or none (search) */
          limit?: number;
          /** @description Mailpit's search: words, quoted phrases, `to:`, `from:`, `subject:`, `message-id:`, `tag:`, `is:read`… */
          query?: string;
          /** @description Messages to skip (default 0) */
          start?: number;
          /** @description Time zone of after:/before: dates, e.g. Europe/Rome */
          tz?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["MessagesSummary"];
          };
        };
        /** @description Refused: the reason, as plain text */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Deletes every message a search matches */
    delete: {
      parameters: {
        query?: {
          /** @description Mailpit's search: words, quoted phrases, `to:`, `from:`, `subject:`, `message-id:`, `tag:`, `is:read`… */
          query?: string;
          /** @description Time zone of after:/before: dates, e.g. Europe/Rome */
          tz?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done: the plain text `ok` */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
        /** @description Refused: the reason, as plain text */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/send": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sends a message: built from JSON and stored as one that arrived over SMTP */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description The message. Field names match in any case, as Go's encoding/json reads them. */
      requestBody: {
        content: {
          "application/json": components["schemas"]["SendRequest"];
        };
      };
      responses: {
        /** @description Stored */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["SendMessageConfirmation"];
          };
        };
        /** @description Refused: Mailpit's JSON error */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              Error: string;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tags": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every tag in the mailbox, by name */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The tags */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": string[];
          };
        };
      };
    };
    /** Sets the tags of the messages given (replacing theirs; an empty list removes them) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description The messages and their tags. Field names match in any case, as Go's encoding/json reads them. */
      requestBody?: {
        content: {
          "application/json": {
            IDs?: string[] | null;
            Tags?: string[] | null;
          };
        };
      };
      responses: {
        /** @description Done: the plain text `ok` */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
        /** @description Refused: the reason, as plain text */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tags/{Tag}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Renames a tag on every message that has it */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          Tag: string;
        };
        cookie?: never;
      };
      /** @description The new name. Field names match in any case, as Go's encoding/json reads them. */
      requestBody?: {
        content: {
          "application/json": {
            Name: string;
          };
        };
      };
      responses: {
        /** @description Done: the plain text `ok` */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
        /** @description Refused: the reason, as plain text */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
      };
    };
    post?: never;
    /** Removes a tag from every message */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          Tag: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done: the plain text `ok` */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
        /** @description Refused: the reason, as plain text */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webui": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The settings Mailpit's web UI reads */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["WebUIConfiguration"];
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
  "/view/{ID}.html": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A message's HTML body, sandboxed */
    get: {
      parameters: {
        query?: {
          /** @description With ID `latest`: the newest message matching this search */
          query?: string;
        };
        header?: never;
        path: {
          /** @description The message's database ID, or `latest` */
          ID: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The HTML */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/html": string;
          };
        };
        /** @description No such message (or part) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
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
  "/view/{ID}.txt": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A message's text body */
    get: {
      parameters: {
        query?: {
          /** @description With ID `latest`: the newest message matching this search */
          query?: string;
        };
        header?: never;
        path: {
          /** @description The message's database ID, or `latest` */
          ID: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The text */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
          };
        };
        /** @description No such message (or part) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/plain": string;
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
    /** @description A mailbox: its display name (may be empty) and address */
    Address: {
      Address: string;
      Name: string;
    };
    AppInformation: {
      /** @description Where the messages are kept */
      Database: string;
      /** @description Bytes the mailbox's tables take */
      DatabaseSize: number;
      LatestVersion: string;
      Messages: number;
      RuntimeStats: {
        /** @description Resident memory, bytes */
        Memory: number;
        MessagesDeleted: number;
        SMTPAccepted: number;
        SMTPAcceptedSize: number;
        SMTPIgnored: number;
        SMTPRejected: number;
        /** @description Seconds since start */
        Uptime: number;
      };
      /** @description Messages per tag */
      Tags: {
        [key: string]: number;
      };
      Unread: number;
      Version: string;
    };
    Attachment: {
      Checksums: {
        MD5: string;
        SHA1: string;
        SHA256: string;
      };
      /** @description Content-ID of an inline part, without angle brackets; empty otherwise */
      ContentID: string;
      ContentType: string;
      FileName: string;
      /**
       * @description Where the part sits in the MIME tree, e.g. `2` or `1.2`
       * @example 2
       */
      PartID: string;
      Size: number;
    };
    ChaosTrigger: {
      /**
       * @description The SMTP code answered when it fires
       * @example 451
       */
      ErrorCode: number;
      /** @description Percent, 0 to 100; 0 is off */
      Probability: number;
    };
    ChaosTriggers: {
      Authentication: components["schemas"]["ChaosTrigger"];
      Recipient: components["schemas"]["ChaosTrigger"];
      Sender: components["schemas"]["ChaosTrigger"];
    };
    ListUnsubscribe: {
      Errors: string;
      Header: string;
      HeaderPost: string;
      Links: string[];
    };
    Message: {
      Attachments: components["schemas"]["Attachment"][];
      Bcc: components["schemas"]["Address"][];
      Cc: components["schemas"]["Address"][];
      /**
       * Format: date-time
       * @description The Date header, or the arrival time without one
       */
      Date: string;
      From: components["schemas"]["Address"];
      /** @description The text/html body; empty when there is none */
      HTML: string;
      ID: string;
      Inline: components["schemas"]["Attachment"][];
      ListUnsubscribe: components["schemas"]["ListUnsubscribe"];
      MessageID: string;
      ReplyTo: components["schemas"]["Address"][];
      ReturnPath: string;
      Size: number;
      Subject: string;
      Tags: string[];
      /** @description The text/plain body (from the HTML when there is none) */
      Text: string;
      To: components["schemas"]["Address"][];
      Username: string;
    };
    /** @description Every header by name, each with its values in order */
    MessageHeaders: {
      [key: string]: string[];
    };
    MessagesSummary: {
      /** @description Messages on this page */
      count: number;
      messages: components["schemas"]["MessageSummary"][];
      /** @description Messages the list or search matches */
      messages_count: number;
      /** @description Unread messages the list or search matches */
      messages_unread: number;
      start: number;
      /** @description Every tag in the mailbox */
      tags: string[];
      /** @description Messages in the mailbox */
      total: number;
      /** @description Unread messages in the mailbox */
      unread: number;
    };
    MessageSummary: {
      /** @description How many attachments */
      Attachments: number;
      Bcc: components["schemas"]["Address"][];
      Cc: components["schemas"]["Address"][];
      /**
       * Format: date-time
       * @description When the gateway received it (simulated time)
       */
      Created: string;
      From: components["schemas"]["Address"];
      /**
       * @description Database ID
       * @example 5Lq3nDDzQKjGuCrQZvRLpT
       */
      ID: string;
      /** @description The Message-ID header, without angle brackets */
      MessageID: string;
      Read: boolean;
      ReplyTo: components["schemas"]["Address"][];
      /** @description Bytes of the raw message */
      Size: number;
      /** @description The start of the text, on one line */
      Snippet: string;
      Subject: string;
      Tags: string[];
      To: components["schemas"]["Address"][];
      Username: string;
    };
    SendMessageConfirmation: {
      ID: string;
    };
    /**
     * @example {
     *       "From": {
     *         "Email": "user@example.test"
     *       },
     *       "To": [
     *         {
     *           "Email": "rec@example.test"
     *         }
     *       ],
     *       "Subject": "Test Email"
     *     }
     */
    SendRequest: {
      Attachments?:
        | {
            /** @description Base64 of the file (a data: URL prefix is dropped) */
            Content: string;
            /** @description Set: the file is attached inline under this cid */
            ContentID?: string;
            ContentType?: string;
            Filename: string;
          }[]
        | null;
      /** @description Addresses only; they appear in the stored message's Bcc */
      Bcc?: string[] | null;
      Cc?:
        | {
            Email: string;
            Name?: string;
          }[]
        | null;
      From: {
        Email: string;
        Name?: string;
      };
      /** @description Extra headers; To, From, Cc, Bcc, Reply-To, Date, Subject, Content-Type, Mime-Version (and X-Tags with Tags) are refused */
      Headers?: {
        [key: string]: string;
      } | null;
      HTML?: string;
      ReplyTo?:
        | {
            Email: string;
            Name?: string;
          }[]
        | null;
      Subject?: string;
      Tags?: string[] | null;
      Text?: string;
      To?:
        | {
            Email: string;
            Name?: string;
          }[]
        | null;
    };
    WebUIConfiguration: {
      ChaosEnabled: boolean;
      DuplicatesIgnored: boolean;
      HideDeleteAllButton: boolean;
      Label: string;
      MessageRelay: {
        AllowedRecipients: string;
        BlockedRecipients: string;
        Enabled: boolean;
        OverrideFrom: string;
        PreserveMessageIDs: boolean;
        RecipientAllowlist: string;
        ReturnPath: string;
        SMTPServer: string;
      };
      SpamAssassin: boolean;
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
