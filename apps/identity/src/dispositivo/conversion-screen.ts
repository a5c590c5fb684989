// "Converti PIN", second screen (R29): before the identity document, the citizen sees the personal data INPS holds
// and the contacts, with the way to edit them ("Modifica contatti utente": the contacts flow of /me/contacts),
// then refreshes this screen to see the change.
import { and, eq, inArray } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { citizens, credentials, dispositivoRequests } from "../db/schema.ts";
import { unauthenticated } from "../http/problems.ts";
import type { SessionInfo } from "../sessions/session-auth.ts";
import { DOCUMENT_TYPES } from "./identity-document.ts";
import { alreadyDispositivo } from "./problems.ts";

export async function conversionScreen(ctx: IdentityContext, session: SessionInfo) {
  const rows = await ctx.db
    .select({ citizen: citizens, kind: credentials.kind })
    .from(credentials)
    .innerJoin(citizens, eq(citizens.fiscalCode, credentials.fiscalCode))
    .where(eq(credentials.id, session.credentialId))
    .limit(1);
  const row = rows[0];
  if (!row) throw unauthenticated();
  if (row.kind === "dispositivo") throw alreadyDispositivo();
  const { citizen } = row;
  const open = await ctx.db
    .select({ id: dispositivoRequests.id })
    .from(dispositivoRequests)
    .where(
      and(
        eq(dispositivoRequests.fiscalCode, citizen.fiscalCode),
        inArray(dispositivoRequests.status, ["awaiting-signed-form", "under-review"]),
      ),
    )
    .limit(1);
  return {
    personalData: {
      fiscalCode: citizen.fiscalCode,
      firstName: citizen.firstName,
      lastName: citizen.lastName,
      gender: citizen.gender,
      birthDate: citizen.birthDate,
      birthPlace: citizen.birthPlace,
      residence: citizen.residence ?? null,
    },
    contacts: { email: citizen.email, pec: citizen.pec, mobile: citizen.mobile },
    editContacts: {
      label: "Modifica contatti utente",
      change: { method: "PATCH", path: "/api/v1/me/contacts" },
      confirm: { method: "POST", path: "/api/v1/me/contacts/verifications/{id}" },
      refresh: { method: "GET", path: "/api/v1/me/dispositivo-conversion" },
    },
    identityDocumentTypes: [...DOCUMENT_TYPES],
    next: { method: "POST", path: "/api/v1/me/dispositivo-requests" },
    openRequestId: open[0]?.id ?? null,
  };
}
