// Simulated documents: enough to show that a session opens them, made only from the citizen's own record.
import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { citizens } from "../db/schema.ts";
import { unauthenticated } from "../http/problems.ts";
import type { IdentityEnv } from "../http/router.ts";
import type { contributionStatementRoute, pensionSlipRoute } from "./services.routes.ts";

type Service = "contribution-statement" | "pension-slip";

const TITLES: Record<Service, string> = {
  "contribution-statement": "Estratto conto contributivo",
  "pension-slip": "Cedolino pensione",
};

export const consultationHandler =
  (
    ctx: IdentityContext,
    service: Service,
  ): RouteHandler<typeof contributionStatementRoute | typeof pensionSlipRoute, IdentityEnv> =>
  async (c) => {
    const session = c.get("session");
    const rows = await ctx.db.select().from(citizens).where(eq(citizens.fiscalCode, session.fiscalCode)).limit(1);
    const citizen = rows[0];
    if (!citizen) throw unauthenticated();
    const now = ctx.clock.now();
    const year = now.getUTCFullYear();
    const lines =
      service === "contribution-statement"
        ? [
            { label: "Periodo", value: `01/01/${year - 1} – 31/12/${year - 1}` },
            { label: "Settimane accreditate", value: "52" },
            { label: "Gestione", value: "Fondo pensioni lavoratori dipendenti" },
          ]
        : [
            { label: "Mese", value: `${String(now.getUTCMonth() + 1).padStart(2, "0")}/${year}` },
            { label: "Importo lordo", value: "—" },
            { label: "Nota", value: "Documento simulato: nessun dato reale" },
          ];
    return c.json(
      {
        service,
        title: TITLES[service],
        fiscalCode: citizen.fiscalCode,
        holder: `${citizen.firstName} ${citizen.lastName}`,
        issuedAt: now.toISOString(),
        simulated: true as const,
        lines,
      },
      200,
    );
  };
