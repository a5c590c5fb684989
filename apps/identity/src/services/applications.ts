// Applications for economic benefits (R27, R32): stored when submitted; their status is read off the simulated
// clock (a moved clock moves every application), so nothing has to run in the background.
export const APPLICATION_KINDS = [
  "naspi",
  "assegno-unico",
  "assegni-familiari",
  "dis-coll",
  "bonus-nido",
] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export type ApplicationStatus = "submitted" | "under-review" | "accepted";

export const APPLICATION_TITLES: Record<ApplicationKind, string> = {
  naspi: "NASpI - indennità di disoccupazione",
  "assegno-unico": "Assegno unico e universale per i figli",
  "assegni-familiari": "Assegni per il nucleo familiare",
  "dis-coll": "DIS-COLL - indennità di disoccupazione collaboratori",
  "bonus-nido": "Bonus asilo nido",
};

const STATUS_IT: Record<ApplicationStatus, string> = {
  submitted: "presentata",
  "under-review": "in istruttoria",
  accepted: "accolta",
};

const DAY = 86_400_000;

/** Submitted, under review from the next day, accepted after 30 days. */
export function applicationStatus(submittedAt: Date, now: Date): ApplicationStatus {
  const age = now.getTime() - submittedAt.getTime();
  if (age >= 30 * DAY) return "accepted";
  if (age >= DAY) return "under-review";
  return "submitted";
}

export const statusInItalian = (status: ApplicationStatus) => STATUS_IT[status];
