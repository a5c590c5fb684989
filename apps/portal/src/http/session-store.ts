// The portal's sessions, in memory: a random id in the cookie, everything else (the identity token, the CSRF
// token, a pending PIN change) stays on the server, so the browser never holds more than an opaque id.
import { randomBytes } from "node:crypto";
import type { RequiredAction } from "@inps-sim/clients";

/** A one-time message shown by the outcome page, then forgotten. */
export interface Outcome {
  title: string;
  paragraphs: string[];
  next?: { href: string; label: string };
}

export interface PendingChange {
  changeId: string;
  destination: string;
  channel: "email" | "sms";
}

/** A contact change waiting for the code sent to the new contact (or, for a removal, to one that remains). */
export interface PendingContact {
  verificationId: string;
  destination: string;
  field: "email" | "pec" | "mobile";
  removal: boolean;
}

/** A citizen created from the console: what the console shows of it (never its PIN). */
export interface ConsoleCitizen {
  fiscalCode: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  email: string;
  mobile: string;
  residence: string;
  healthCard: { number: string; expiryDate: string };
}

export interface PortalSession {
  id: string;
  csrfToken: string;
  lastSeen: number;
  identityToken?: string;
  requiredAction?: RequiredAction | null;
  pendingChange?: PendingChange;
  pendingContact?: PendingContact;
  /** The citizen's open PIN dispositivo request (Converti PIN). */
  dispositivoRequestId?: string;
  /** The control-plane token given on the console's form: kept here, never in a cookie, a URL or a page. */
  adminToken?: string;
  consoleCitizens?: ConsoleCitizen[];
  /** A one-time line the console shows on its next page (the clock moved, a fault was set). */
  consoleNotice?: string;
  outcome?: Outcome;
}

export interface SessionStore {
  get(id: string | undefined): PortalSession | undefined;
  create(): PortalSession;
  destroy(id: string): void;
}

const randomId = () => randomBytes(32).toString("base64url");

export function createSessionStore(options: {
  idleMinutes: number;
  maxSessions?: number;
  now?: () => number;
}): SessionStore {
  const sessions = new Map<string, PortalSession>();
  const idleMs = options.idleMinutes * 60_000;
  const max = options.maxSessions ?? 10_000;
  const now = options.now ?? Date.now;
  return {
    get(id) {
      if (id === undefined) return undefined;
      const session = sessions.get(id);
      if (!session) return undefined;
      if (now() - session.lastSeen > idleMs) {
        sessions.delete(id);
        return undefined;
      }
      session.lastSeen = now();
      // Re-inserting keeps the Map in least-recently-used order for eviction.
      sessions.delete(id);
      sessions.set(id, session);
      return session;
    },
    create() {
      if (sessions.size >= max) {
        const oldest = sessions.keys().next().value;
        if (oldest !== undefined) sessions.delete(oldest);
      }
      const session: PortalSession = { id: randomId(), csrfToken: randomId(), lastSeen: now() };
      sessions.set(session.id, session);
      return session;
    },
    destroy(id) {
      sessions.delete(id);
    },
  };
}
