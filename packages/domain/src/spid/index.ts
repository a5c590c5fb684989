// SPID at INPS (R33, R35): accepted from 15 March 2016 (Italian time); level 2 or higher counts as a PIN
// dispositivo for applications, level 1 as an ordinary PIN.
import type { PinKind } from "../credential/states.ts";

export const SPID_LEVELS = [1, 2, 3] as const;
export type SpidLevel = (typeof SPID_LEVELS)[number];

/** Midnight of 15 March 2016 in Rome (CET, UTC+1). */
export const SPID_AVAILABLE_FROM = new Date("2016-03-14T23:00:00Z");

export const spidAvailable = (now: Date): boolean => now.getTime() >= SPID_AVAILABLE_FROM.getTime();

/** What a SPID session may do, said as the PIN it stands for (R35). */
export const pinKindForSpidLevel = (level: SpidLevel): PinKind => (level >= 2 ? "dispositivo" : "ordinary");

/** The AuthnContextClassRef SPID uses for each level (AgID's technical rules). */
export const SPID_LEVEL_URIS: Record<SpidLevel, string> = {
  1: "https://www.spid.gov.it/SpidL1",
  2: "https://www.spid.gov.it/SpidL2",
  3: "https://www.spid.gov.it/SpidL3",
};

export function spidLevelOfUri(uri: string): SpidLevel | undefined {
  return SPID_LEVELS.find((level) => SPID_LEVEL_URIS[level] === uri);
}
