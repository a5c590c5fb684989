// The consultation services of R32 as simulated documents. Every figure is drawn from a generator seeded with
// SIM_SEED, the citizen's fiscal code, the service and the period, so the same citizen reads the same document
// on every stack started with the same seed, whatever else happened there.
import { seededRandom } from "@inps-sim/domain";

export const CONSULTATION_SERVICES = [
  "certificazione-unica",
  "pension-slip",
  "application-status",
  "contribution-statement",
  "contribution-years",
  "modello-730",
  "family-allowances",
  "cedolino-ex-inpdap",
] as const;
export type ConsultationService = (typeof CONSULTATION_SERVICES)[number];

export const SERVICE_TITLES: Record<ConsultationService, string> = {
  "certificazione-unica": "Certificazione Unica (CU)",
  "pension-slip": "Cedolino pensione",
  "application-status": "Stato delle domande",
  "contribution-statement": "Estratto conto contributivo",
  "contribution-years": "Anni di contribuzione",
  "modello-730": "Modello 730 precompilato",
  "family-allowances": "Assegni per il nucleo familiare",
  "cedolino-ex-inpdap": "Cedolino pensione ex-Inpdap",
};

export interface DocumentLine {
  label: string;
  value: string;
}

export interface DocumentHolder {
  fiscalCode: string;
  birthDate: string;
}

const euro = (cents: number) =>
  `€ ${(cents / 100).toLocaleString("it-IT", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const month = (now: Date) => `${String(now.getUTCMonth() + 1).padStart(2, "0")}/${now.getUTCFullYear()}`;

/** The lines of one service's document (application-status is built from the stored applications instead). */
export function documentLines(
  seed: string,
  service: Exclude<ConsultationService, "application-status">,
  holder: DocumentHolder,
  now: Date,
): DocumentLine[] {
  const year = now.getUTCFullYear();
  const period =
    service === "pension-slip" || service === "cedolino-ex-inpdap" ? month(now) : String(year - 1);
  const rng = seededRandom(`${seed}|${holder.fiscalCode}|${service}|${period}`);
  const between = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
  switch (service) {
    case "certificazione-unica": {
      const income = between(1_500_000, 6_000_000);
      const withheld = Math.round(income * (0.18 + rng.next() * 0.12));
      return [
        { label: "Anno d'imposta", value: String(year - 1) },
        { label: "Redditi di lavoro dipendente e assimilati", value: euro(income) },
        { label: "Ritenute IRPEF", value: euro(withheld) },
        { label: "Addizionale regionale", value: euro(Math.round(income * 0.0173)) },
        { label: "Giorni di lavoro", value: String(between(180, 365)) },
      ];
    }
    case "pension-slip":
    case "cedolino-ex-inpdap": {
      const gross = between(80_000, 350_000);
      const tax = Math.round(gross * (0.12 + rng.next() * 0.15));
      return [
        { label: "Mese", value: period },
        {
          label: "Gestione",
          value:
            service === "pension-slip"
              ? "Fondo pensioni lavoratori dipendenti"
              : "Gestione dipendenti pubblici (ex-Inpdap)",
        },
        { label: "Importo lordo", value: euro(gross) },
        { label: "Trattenute IRPEF", value: euro(tax) },
        { label: "Importo netto", value: euro(gross - tax) },
      ];
    }
    case "contribution-statement": {
      const weeks = between(20, 52);
      return [
        { label: "Periodo", value: `01/01/${year - 1} – 31/12/${year - 1}` },
        { label: "Settimane accreditate", value: String(weeks) },
        { label: "Gestione", value: "Fondo pensioni lavoratori dipendenti" },
        { label: "Retribuzione imponibile", value: euro(between(1_000_000, 5_500_000)) },
      ];
    }
    case "contribution-years": {
      const birthYear = Number(holder.birthDate.slice(0, 4));
      const first = Math.min(year - 1, birthYear + between(18, 26));
      const lines: DocumentLine[] = [];
      let total = 0;
      for (let y = first; y < year; y++) {
        const weeks = rng.next() < 0.15 ? between(0, 30) : 52;
        total += weeks;
        lines.push({ label: String(y), value: `${weeks} settimane` });
      }
      return [{ label: "Totale", value: `${total} settimane (${(total / 52).toFixed(1)} anni)` }, ...lines];
    }
    case "modello-730": {
      const income = between(1_500_000, 6_000_000);
      const balance = between(-80_000, 120_000);
      return [
        { label: "Anno d'imposta", value: String(year - 1) },
        { label: "Reddito complessivo", value: euro(income) },
        { label: "Imposta netta", value: euro(Math.round(income * 0.22)) },
        { label: balance >= 0 ? "Rimborso" : "Saldo a debito", value: euro(Math.abs(balance)) },
      ];
    }
    case "family-allowances": {
      const members = between(2, 6);
      return [
        { label: "Periodo", value: `01/07/${year - 1} – 30/06/${year}` },
        { label: "Componenti del nucleo", value: String(members) },
        { label: "Reddito del nucleo", value: euro(between(1_200_000, 7_000_000)) },
        { label: "Importo mensile", value: euro(between(2_000, 45_000)) },
      ];
    }
  }
}
