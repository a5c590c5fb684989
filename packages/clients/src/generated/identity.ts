// Generated from the identity service's /openapi.json by `npm run clients:generate` (openapi-typescript). Do not edit.
export interface paths {
  "/api/v1/me": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The logged-in citizen */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The citizen and their PIN */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Me"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/me/contacts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The registered contacts, masked (R25) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The contacts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ContactsAnswer"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required, pin-session-required (a SPID session: this route is about the PIN) */
        403: {
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
    /**
     * Change one contact: a verification code goes to the new contact (R25)
     * @description One contact per call: a value sets it, null removes it. Nothing changes until the code is confirmed; a removal's code goes to a contact that remains. At least one digital contact must remain.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["ContactPatch"];
        };
      };
      responses: {
        /** @description A verification code was sent */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ContactChangeStarted"];
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
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required, pin-session-required (a SPID session: this route is about the PIN) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description last-contact: at least one digital contact must remain */
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
    trace?: never;
  };
  "/api/v1/me/contacts/verifications/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm a contact change with the verification code (R25) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["ContactVerificationCode"];
        };
      };
      responses: {
        /** @description Changed: the contacts as they are now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ContactsAnswer"];
          };
        };
        /** @description invalid-code (with attemptsLeft) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required, pin-session-required (a SPID session: this route is about the PIN) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description not-found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description last-contact */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description code-expired (also after too many wrong codes, once used, or replaced by a newer change) */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
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
  "/api/v1/me/dispositivo-conversion": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Converti PIN, second screen: the personal data and the contacts, with the way to edit them (R29) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description What the citizen checks before giving the identity document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["DispositivoConversionScreen"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the PIN must first be replaced or renewed; pin-session-required (a SPID session: this route is about the PIN) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description already-dispositivo */
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
  "/api/v1/me/dispositivo-requests": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask to convert the ordinary PIN into a PIN dispositivo, giving an identity document */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["DispositivoRequestInput"];
        };
      };
      responses: {
        /** @description The request; print, sign and send back the form at formUrl */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["DispositivoRequest"];
          };
        };
        /** @description validation-failed: a number in the wrong format, an expired document, one issued in the future */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the PIN must first be replaced or renewed; pin-session-required (a SPID session: this route is about the PIN) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description already-dispositivo, or dispositivo-request-open */
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
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/me/dispositivo-requests/{requestId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of the citizen's conversion requests */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          requestId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["DispositivoRequest"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the PIN must first be replaced or renewed; pin-session-required (a SPID session: this route is about the PIN) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description not-found */
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
  "/api/v1/me/dispositivo-requests/{requestId}/documents": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload the signed form and the identity document (PDF, PNG or JPEG, recognised by content) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          requestId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "multipart/form-data": {
            /** Format: binary */
            identityDocument?: string;
            /** Format: binary */
            signedForm?: string;
          };
        };
      };
      responses: {
        /** @description Received; an operator will decide */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              /** @enum {string} */
              status: "under-review";
            };
          };
        };
        /** @description validation-failed: a part is missing */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the PIN must first be replaced or renewed; pin-session-required (a SPID session: this route is about the PIN) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description not-found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description wrong-request-state: the form was already delivered, or the request is decided */
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
        /** @description unsupported-media-type */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
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
  "/api/v1/me/dispositivo-requests/{requestId}/form.pdf": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The form (modulo) to print and sign */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          requestId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The form */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/pdf": string;
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the PIN must first be replaced or renewed; pin-session-required (a SPID session: this route is about the PIN) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description not-found */
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
  "/api/v1/me/generated-pin": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Show the 8-character PIN the system generated (once; asking again voids the previous one) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The generated PIN */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["GeneratedPin"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description pin-session-required (a SPID session: this route is about the PIN) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description generated-pin-not-due: only after a recovery */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
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
  "/api/v1/me/generated-pin/confirm": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Type the generated PIN back to complete the procedure; the session ends and the PIN logs in from now on */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["GeneratedPinConfirm"];
        };
      };
      responses: {
        /** @description Completed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["GeneratedPinConfirmed"];
          };
        };
        /** @description invalid-code, validation-failed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description pin-session-required (a SPID session: this route is about the PIN) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description generated-pin-not-due, generated-pin-not-shown */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description code-expired (too many wrong attempts: ask for a new generated PIN) */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
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
  "/api/v1/me/pin-changes": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change the PIN: a verification code goes to the registered email or mobile */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["PinChange"];
        };
      };
      responses: {
        /** @description A verification code was sent */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["PinChangeStarted"];
          };
        };
        /** @description confirmation-mismatch, validation-failed */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description invalid-credentials (a wrong current PIN counts toward the lockout), unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required, pin-session-required (a SPID session: this route is about the PIN) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description pin-too-weak (with reasons), pin-reused */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
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
  "/api/v1/me/pin-changes/{changeId}/verify": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm the change with the verification code */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          changeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["VerificationCode"];
        };
      };
      responses: {
        /** @description Changed: the next login uses the new PIN */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["PinChanged"];
          };
        };
        /** @description invalid-code */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description not-found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description code-expired (also after too many wrong codes) */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
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
  "/api/v1/operator/citizens/{fiscalCode}/contacts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a contact after the caller was identified (contact centre 803 164)
     * @description Applied at once (the operator identified the caller); a contact already registered is replaced, and the previous one is told.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          fiscalCode: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["OperatorContacts"];
        };
      };
      responses: {
        /** @description The contacts as they are now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ContactsAnswer"];
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
        /** @description unauthenticated: an operator token is needed */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description not-found: no such citizen */
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
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/operator/citizens/{fiscalCode}/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The citizen's timeline: requests, deliveries, logins, lockouts, changes */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          fiscalCode: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Newest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Timeline"];
          };
        };
        /** @description unauthenticated: an operator token is needed */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description not-found: no such citizen */
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
  "/api/v1/operator/citizens/{fiscalCode}/revocation": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revoke the PIN on the caller's behalf (contact centre 803 164)
     * @description The operator has identified the caller. The timeline records the operator; the confirmation goes to the registered email, PEC or mobile.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          fiscalCode: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Revoked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Revoked"];
          };
        };
        /** @description unauthenticated: an operator token is needed */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description not-found: no such citizen */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description not-revocable: no live PIN (already revoked, or the initial PIN expired) */
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
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/operator/dispositivo-requests": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The conversion requests in one status, newest first, paged */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
          status?: "awaiting-signed-form" | "under-review" | "approved" | "rejected" | "cancelled";
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of the queue */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["DispositivoQueue"];
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
        /** @description unauthenticated */
        401: {
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
  "/api/v1/operator/dispositivo-requests/{requestId}/decision": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve or reject a request under review; the citizen is told by email */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          requestId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["DispositivoDecision"];
        };
      };
      responses: {
        /** @description Decided */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["OperatorDispositivoRequest"];
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
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description not-found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description wrong-request-state */
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
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/operator/dispositivo-requests/{requestId}/files/{part}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An uploaded scan, as it was received (until the decision) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          part: "signed-form" | "identity-document";
          requestId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/octet-stream": string;
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
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description not-found */
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
  "/api/v1/operator/dispositivo-requests/{requestId}/paper-delivery": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The signed form arrived on paper (fax or at an office) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          requestId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["PaperDelivery"];
        };
      };
      responses: {
        /** @description Now under review */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["OperatorDispositivoRequest"];
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
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description not-found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description wrong-request-state */
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
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/operator/pin-requests": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Request a PIN for a caller (contact centre 803 164)
     * @description The same body and answer as POST /api/v1/pin-requests; the timeline records the operator.
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
          "application/json": components["schemas"]["PinRequest"];
        };
      };
      responses: {
        /** @description Accepted: the halves are on their way */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["PinRequestAccepted"];
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
        /** @description unauthenticated: an operator token is needed */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description credential-exists */
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
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/pin-activations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Activate the PIN (Attiva PIN): the second half is sent */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["PinActivation"];
        };
      };
      responses: {
        /** @description Activated: the second half is on its way */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["PinActivated"];
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
        /** @description activation-failed: one generic answer for any mismatch */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description activation-not-required */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description initial-pin-expired: only after fiscal code, first half and card all match */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
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
  "/api/v1/pin-requests": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Request a PIN (Richiedi PIN)
     * @description Accepts an Idempotency-Key header: a retry with the same key returns the first answer.
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
          "application/json": components["schemas"]["PinRequest"];
        };
      };
      responses: {
        /** @description Accepted: the halves are on their way */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["PinRequestAccepted"];
          };
        };
        /** @description validation-failed: a field is wrong, the fiscal code does not match the data, no digital contact */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description credential-exists */
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
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/recoveries": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * "Hai smarrito il tuo PIN?": ask for a recovery link and code
     * @description Always the same 202, in status, body and time, whatever matched: when the data match a recoverable PIN, an email (or a PEC, when the PEC matched) brings a link and a recovery code. Nothing is sent otherwise; the timeline says why.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["RecoveryRequest"];
        };
      };
      responses: {
        /** @description Accepted (the same whether or not anything matched) */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["RecoveryAccepted"];
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
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/recoveries/{token}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The page behind the recovery link: a form for codice fiscale and codice di ripristino
     * @description Only shows the form and never uses the link up (mail scanners open every link).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The token in the recovery link */
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The form (HTML) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/html": string;
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
  "/api/v1/recoveries/{token}/confirm": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm the recovery: the new PIN's first 8 characters go by SMS, the other 8 by email */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description The token in the recovery link */
          token: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["RecoveryConfirm"];
        };
      };
      responses: {
        /** @description The old PIN no longer works; the new one is on its way */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["RecoveryConfirmed"];
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
        /** @description recovery-failed (one generic answer for a wrong code or fiscal code) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description recovery-expired (expired, already used, replaced by a newer request, or too many wrong codes) */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
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
  "/api/v1/revocations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revoke the PIN (R22–R24): fiscal code, tessera sanitaria, registered email or PEC
     * @description The PIN stops working at once: every session ends, pending changes and unsent messages are cancelled, and a confirmation goes to the address given. A new PIN can then be requested from scratch. Any mismatch, an unknown fiscal code or a PIN already revoked get the same 401. Without a tessera sanitaria: the contact centre.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["Revocation"];
        };
      };
      responses: {
        /** @description Revoked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Revoked"];
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
        /** @description revocation-failed: one answer for any mismatch, an unknown fiscal code or a PIN already revoked */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
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
  "/api/v1/services/application-status": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stato delle domande (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A simulated document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ConsultationDocument"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/application-status/document.pdf": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stato delle domande as a PDF laid out like INPS's (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/pdf": string;
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/applications": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit an application for an economic benefit (needs a PIN dispositivo, or SPID level 2 or higher) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["ApplicationInput"];
        };
      };
      responses: {
        /** @description Accepted; its status shows in /services/application-status */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Application"];
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
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description dispositivo-required (the detail says how to convert the PIN), or action-required */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
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
  "/api/v1/services/cedolino-ex-inpdap": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cedolino pensione ex-Inpdap (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A simulated document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ConsultationDocument"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/cedolino-ex-inpdap/document.pdf": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cedolino pensione ex-Inpdap as a PDF laid out like INPS's (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/pdf": string;
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/certificazione-unica": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Certificazione Unica (CU) (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A simulated document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ConsultationDocument"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/certificazione-unica/document.pdf": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Certificazione Unica (CU) as a PDF laid out like INPS's (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/pdf": string;
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/contribution-statement": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Estratto conto contributivo (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A simulated document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ConsultationDocument"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/contribution-statement/document.pdf": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Estratto conto contributivo as a PDF laid out like INPS's (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/pdf": string;
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/contribution-years": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Anni di contribuzione (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A simulated document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ConsultationDocument"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/contribution-years/document.pdf": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Anni di contribuzione as a PDF laid out like INPS's (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/pdf": string;
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/family-allowances": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Assegni per il nucleo familiare (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A simulated document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ConsultationDocument"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/family-allowances/document.pdf": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Assegni per il nucleo familiare as a PDF laid out like INPS's (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/pdf": string;
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/modello-730": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Modello 730 precompilato (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A simulated document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ConsultationDocument"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/modello-730/document.pdf": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Modello 730 precompilato as a PDF laid out like INPS's (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/pdf": string;
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/pension-slip": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cedolino pensione (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A simulated document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ConsultationDocument"];
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/services/pension-slip/document.pdf": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cedolino pensione as a PDF laid out like INPS's (simulated) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/pdf": string;
          };
        };
        /** @description unauthenticated */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description action-required: the session must first replace or renew its PIN */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: a block after a wrong PIN stops every service, for sessions opened before it too (R08) */
        423: {
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
  "/api/v1/sessions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log in with fiscal code and PIN */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["Login"];
        };
      };
      responses: {
        /** @description Logged in */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Session"];
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
        /** @description invalid-credentials (also for an unknown fiscal code) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description initial-pin-expired (only after a correct PIN) */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description locked: retryAfter seconds, Retry-After header */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
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
  "/api/v1/sessions/current": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Log out */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Logged out */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description unauthenticated */
        401: {
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
  "/api/v1/sessions/spid": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log in with a SPID assertion (from 15 March 2016 in simulated time) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["SpidLogin"];
        };
      };
      responses: {
        /** @description Logged in with SPID */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["SpidSession"];
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
        /** @description spid-assertion-rejected with reason: malformed, signature, issuer, audience, expired, not-yet-valid, replayed, unknown-citizen */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description spid-not-available: before 15 March 2016 in simulated time */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
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
  "/spid": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Test identity provider: a page (Italian) to pick an identity and a level */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description HTML page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/html": string;
          };
        };
      };
    };
    put?: never;
    /** Test identity provider: the page's form (admin token, fiscal code, level); answers a page with the assertion */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/x-www-form-urlencoded": {
            /**
             * @description Codice fiscale, 16 characters
             * @example RSSMRA80A01H501U
             */
            fiscalCode: string;
            /** @enum {string} */
            level: "1" | "2" | "3";
            token: string;
          };
        };
      };
      responses: {
        /** @description HTML page with the assertion */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/html": string;
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
        /** @description HTML page: wrong admin token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/html": string;
          };
        };
        /** @description HTML page: no such citizen */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/html": string;
          };
        };
        /** @description unsupported-media-type: the page's form is application/x-www-form-urlencoded */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
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
  "/spid/assertions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Test identity provider: an assertion for a citizen of the simulator at SPID level 1–3 */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["SpidAssertionRequest"];
        };
      };
      responses: {
        /** @description Signed assertion */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["SpidAssertion"];
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
        /** @description unauthenticated: the admin token is needed */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/problem+json": components["schemas"]["Problem"];
          };
        };
        /** @description unknown-identity: no citizen with that fiscal code in the simulator */
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
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/spid/jwks.json": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Test identity provider: its public key (JWKS), made at start */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description JSON Web Key Set */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["SpidJwks"];
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
    Application: {
      applicationId: string;
      /** @enum {string} */
      kind: "naspi" | "assegno-unico" | "assegni-familiari" | "dis-coll" | "bonus-nido";
      /** @enum {string} */
      status: "submitted" | "under-review" | "accepted";
      submittedAt: string;
    };
    ApplicationInput: {
      /**
       * @example naspi
       * @enum {string}
       */
      kind: "naspi" | "assegno-unico" | "assegni-familiari" | "dis-coll" | "bonus-nido";
    };
    ConsultationDocument: {
      fiscalCode: string;
      holder: string;
      issuedAt: string;
      lines: {
        label: string;
        value: string;
      }[];
      /** @enum {string} */
      service:
        | "certificazione-unica"
        | "pension-slip"
        | "application-status"
        | "contribution-statement"
        | "contribution-years"
        | "modello-730"
        | "family-allowances"
        | "cedolino-ex-inpdap";
      /** @enum {boolean} */
      simulated: true;
      title: string;
    };
    ContactChangeStarted: {
      /** @example m***i@example.it */
      destination: string;
      verificationId: string;
    };
    ContactPatch: {
      /** @description A new email, or null to remove it */
      email?: string | null;
      /** @description A new Italian mobile number, or null to remove it */
      mobile?: string | null;
      /** @description A new PEC (a certified provider's domain), or null to remove it */
      pec?: string | null;
    };
    Contacts: {
      email?: string;
      mobile?: string;
      pec?: string;
    };
    ContactsAnswer: {
      contacts: components["schemas"]["MaskedContacts"];
    };
    ContactVerificationCode: {
      code: string;
    };
    DispositivoConversionScreen: {
      contacts: {
        email: string | null;
        mobile: string | null;
        pec: string | null;
      };
      /** @description Modifica contatti utente: the contacts flow, then this screen again */
      editContacts: {
        change: {
          method: string;
          path: string;
        };
        confirm: {
          method: string;
          path: string;
        };
        label: string;
        refresh: {
          method: string;
          path: string;
        };
      };
      identityDocumentTypes: ("carta-identita" | "passaporto" | "patente")[];
      next: {
        method: string;
        path: string;
      };
      /** @description A request already open, if any (a new one would be 409) */
      openRequestId: string | null;
      personalData: {
        birthDate: string;
        birthPlace: string | null;
        firstName: string;
        fiscalCode: string;
        gender: string;
        lastName: string;
        residence: {
          city: string;
          postalCode: string;
          province: string;
          street: string;
        } | null;
      };
    };
    DispositivoDecision: {
      /** @enum {string} */
      decision: "approve" | "reject";
      reason?: string;
    };
    DispositivoQueue: {
      items: components["schemas"]["OperatorDispositivoRequest"][];
      page: number;
      pageSize: number;
      total: number;
    };
    DispositivoRequest: {
      createdAt: string;
      decidedAt: string | null;
      deliveredVia: string | null;
      formUrl: string;
      identityDocument: {
        expiryDate: string;
        issueDate: string;
        issuedBy: string;
        number: string;
        type: string;
      };
      reason: string | null;
      requestId: string;
      /** @enum {string} */
      status: "awaiting-signed-form" | "under-review" | "approved" | "rejected" | "cancelled";
    };
    DispositivoRequestInput: {
      identityDocument: components["schemas"]["IdentityDocument"];
    };
    GeneratedPin: {
      /** @description Shown once: note or print it, then confirm it */
      pin: string;
    };
    GeneratedPinConfirm: {
      pin: string;
    };
    GeneratedPinConfirmed: {
      pinExpiresAt: string | null;
      /** @enum {string} */
      status: "changed";
    };
    /** @description Required by post-then-activate: activation is checked against it */
    HealthCard: {
      /** @example 2029-05-31 */
      expiryDate: string;
      /** @example 80380000301234567890 */
      number: string;
    };
    IdentityDocument: {
      /**
       * Format: date
       * @example 2024-05-31
       */
      expiryDate: string;
      /**
       * Format: date
       * @example 2024-05-31
       */
      issueDate: string;
      /** @example Comune di Roma */
      issuedBy: string;
      /** @example CA12345AB */
      number: string;
      /** @enum {string} */
      type: "carta-identita" | "passaporto" | "patente";
    };
    Login: {
      /**
       * @description Codice fiscale, 16 characters
       * @example RSSMRA80A01H501U
       */
      fiscalCode: string;
      pin: string;
    };
    MaskedContacts: {
      /** @example m***i@example.it */
      email: string | null;
      /** @example +39 3** *** **67 */
      mobile: string | null;
      pec: string | null;
    };
    Me: {
      contacts: {
        email: string | null;
        mobile: string | null;
        pec: string | null;
      };
      firstName: string;
      fiscalCode: string;
      lastName: string;
      pinChangedAt: string | null;
      pinExpiresAt: string | null;
      /** @enum {string} */
      pinKind: "ordinary" | "dispositivo";
      /**
       * @description Set when the session may only complete this action (403 action-required elsewhere)
       * @enum {string|null}
       */
      requiredAction: "replace-initial-pin" | "renew-expired-pin" | "confirm-generated-pin" | null;
      /** @description The SPID level of a session opened with SPID (R33); null for a PIN session */
      spidLevel?: 1 | 2 | 3 | null;
    };
    OperatorContacts: {
      email?: string;
      mobile?: string;
      pec?: string;
    };
    OperatorDispositivoRequest: components["schemas"]["DispositivoRequest"] & {
      files: {
        part: string;
        url: string;
      }[];
      fiscalCode: string;
    };
    PaperDelivery: {
      /** @enum {string} */
      via: "fax" | "office";
    };
    PinActivated: {
      /** @enum {string} */
      secondHalfChannel: "email" | "pec" | "sms";
      /** @enum {string} */
      status: "activated";
    };
    PinActivation: {
      /** @description The 8 characters of the letter */
      firstHalf: string;
      /**
       * @description Codice fiscale, 16 characters
       * @example RSSMRA80A01H501U
       */
      fiscalCode: string;
      healthCard: components["schemas"]["HealthCard"];
    };
    PinChange: {
      confirmPin: string;
      currentPin: string;
      /** @description 8 letters and digits, not easy to guess (R12) */
      newPin: string;
    };
    PinChanged: {
      pinExpiresAt: string | null;
      /** @enum {string} */
      status: "changed";
    };
    PinChangeStarted: {
      changeId: string;
      /** @example m***i@example.it */
      destination: string;
      /** @enum {string} */
      verificationChannel: "email" | "sms";
    };
    PinRequest: {
      /** @example 1980-01-01 */
      birthDate: string;
      /**
       * @description Municipality, foreign state or Belfiore code
       * @example Roma
       */
      birthPlace: string;
      contacts: components["schemas"]["Contacts"];
      /**
       * @description digital-then-post (guides 004, 001): first half by email, PEC or SMS at once, second by post. post-then-activate (guide 002): first half by post, second by the digital channel after activation.
       * @enum {string}
       */
      deliveryProfile?: "digital-then-post" | "post-then-activate";
      /**
       * @description The digital channel (first half for digital-then-post, second for post-then-activate)
       * @enum {string}
       */
      firstHalfChannel?: "email" | "pec" | "sms";
      firstName: string;
      /**
       * @description Codice fiscale, 16 characters
       * @example RSSMRA80A01H501U
       */
      fiscalCode: string;
      /** @enum {string} */
      gender: "M" | "F";
      healthCard?: components["schemas"]["HealthCard"];
      lastName: string;
      residence: components["schemas"]["Residence"];
    };
    PinRequestAccepted: {
      /** @description 90 days after the request was accepted (R05) */
      activationDeadline: string;
      channels: {
        /** @enum {string} */
        firstHalf: "email" | "pec" | "sms" | "post";
        /** @enum {string} */
        secondHalf: "email" | "pec" | "sms" | "post";
      };
      /**
       * @description digital-then-post (guides 004, 001): first half by email, PEC or SMS at once, second by post. post-then-activate (guide 002): first half by post, second by the digital channel after activation.
       * @enum {string}
       */
      deliveryProfile: "digital-then-post" | "post-then-activate";
      requestId: string;
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
    RecoveryAccepted: {
      /** @enum {string} */
      status: "accepted";
    };
    RecoveryConfirm: {
      /**
       * @description Codice fiscale, 16 characters
       * @example RSSMRA80A01H501U
       */
      fiscalCode: string;
      recoveryCode: string;
    };
    RecoveryConfirmed: {
      channels: {
        /** @enum {string} */
        firstHalf: "sms";
        /** @enum {string} */
        secondHalf: "email";
      };
      /** @enum {string} */
      status: "pin-sent";
    };
    /** @description Which contacts must match follows RECOVERY_CONTACTS: mobile-and-email (default) or any-two of email, PEC, mobile */
    RecoveryRequest: {
      email?: string;
      /**
       * @description Codice fiscale, 16 characters
       * @example RSSMRA80A01H501U
       */
      fiscalCode: string;
      mobile?: string;
      pec?: string;
    };
    Residence: {
      city: string;
      postalCode: string;
      province: string;
      street: string;
    };
    Revocation: {
      /** @description The registered email (or give pec) */
      email?: string;
      /**
       * @description Codice fiscale, 16 characters
       * @example RSSMRA80A01H501U
       */
      fiscalCode: string;
      healthCard: components["schemas"]["HealthCard"];
      /** @description The registered PEC (or give email) */
      pec?: string;
    };
    Revoked: {
      /** @enum {string} */
      status: "revoked";
    };
    Session: {
      expiresAt: string;
      /** @enum {string} */
      pinKind: "ordinary" | "dispositivo";
      /**
       * @description Set when the session may only complete this action (403 action-required elsewhere)
       * @enum {string|null}
       */
      requiredAction: "replace-initial-pin" | "renew-expired-pin" | "confirm-generated-pin" | null;
      /** @description Opaque bearer token */
      token: string;
    };
    SpidAssertion: {
      /** @description A JWT (ES256) signed with the key in /spid/jwks.json */
      assertion: string;
      audience: string;
      expiresAt: string;
      identity: {
        dateOfBirth: string;
        familyName: string;
        fiscalNumber: string;
        name: string;
      };
      issuer: string;
      /** @description SPID level 1–3 */
      level: 1 | 2 | 3;
    };
    SpidAssertionRequest: {
      /** @description Default: this service (a wrong one makes a refused assertion on purpose) */
      audience?: string;
      /**
       * @description Codice fiscale, 16 characters
       * @example RSSMRA80A01H501U
       */
      fiscalCode: string;
      /** @description SPID level 1–3 */
      level: 1 | 2 | 3;
      /** @description Simulated seconds until it expires; default 300 */
      lifetimeSeconds?: number;
    };
    SpidJwks: {
      keys: {
        alg: string;
        crv: string;
        kid: string;
        kty: string;
        use: string;
        x: string;
        y: string;
      }[];
    };
    SpidLogin: {
      assertion: string;
    };
    SpidSession: {
      expiresAt: string;
      /**
       * @description What the session may do: dispositivo from SPID level 2 (R35)
       * @enum {string}
       */
      pinKind: "ordinary" | "dispositivo";
      /**
       * @description Set when the session may only complete this action (403 action-required elsewhere)
       * @enum {string|null}
       */
      requiredAction: "replace-initial-pin" | "renew-expired-pin" | "confirm-generated-pin" | null;
      /** @description SPID level 1–3 */
      spidLevel: 1 | 2 | 3;
      /** @description Opaque bearer token */
      token: string;
    };
    Timeline: {
      events: {
        at: string;
        data: {
          [key: string]: unknown;
        };
        requestId: string | null;
        /** @example login-failed */
        type: string;
      }[];
      fiscalCode: string;
    };
    VerificationCode: {
      code: string;
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
