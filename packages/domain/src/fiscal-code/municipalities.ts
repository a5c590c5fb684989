// The Belfiore (cadastral) codes of Italian municipalities and foreign states, from the ISTAT list that
// codice-fiscale-js ships. Only its data is used: its algorithm reads the wall clock (see docs/fiscal-code.md).

// Packages that type-check this file through their own tsconfig must see the data file's types too.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./codice-fiscale-js.d.ts" />
import { COMUNI } from "codice-fiscale-js/src/lista-comuni.js";

export interface Municipality {
  /** The Belfiore code, e.g. H501 for Roma; Z… for a foreign state. */
  code: string;
  name: string;
  /** Province abbreviation; "EE" for a foreign state. */
  province: string;
  /** False for a municipality that has been merged or renamed: old fiscal codes still carry its code. */
  current: boolean;
}

export const BELFIORE_PATTERN = /^[A-Z]\d{3}$/;

/** Capitals, plain letters, single spaces; accents become the apostrophe the ISTAT list uses (FORLÌ → FORLI'). */
export function normalizePlaceName(name: string): string {
  return name
    .trim()
    .toUpperCase()
    .replace(/[ÀÁ]/g, "A'")
    .replace(/[ÈÉ]/g, "E'")
    .replace(/[ÌÍ]/g, "I'")
    .replace(/[ÒÓ]/g, "O'")
    .replace(/[ÙÚ]/g, "U'")
    .replace(/\s+/g, " ");
}

const byCode = new Map<string, Municipality[]>();
const byName = new Map<string, Municipality[]>();
for (const [code, province, name, current] of COMUNI) {
  const m: Municipality = { code, name, province, current: current === 1 };
  byCode.set(code, [...(byCode.get(code) ?? []), m]);
  byName.set(name, [...(byName.get(name) ?? []), m]);
}

/** Every name a Belfiore code has had, the current one first. */
export function municipalitiesByCode(code: string): Municipality[] {
  return [...(byCode.get(code.toUpperCase()) ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
}

/** Every municipality or state ever called `name` (in any province, unless one is given). */
export function municipalitiesByName(name: string, province?: string): Municipality[] {
  const found = byName.get(normalizePlaceName(name)) ?? [];
  return province ? found.filter((m) => m.province === province.toUpperCase()) : [...found];
}

function placesFor(place: string): Municipality[] {
  const trimmed = place.trim().toUpperCase();
  if (BELFIORE_PATTERN.test(trimmed)) return municipalitiesByCode(trimmed);
  const withProvince = /^(.*?)\s*\(([A-Z]{2})\)$/.exec(trimmed);
  return withProvince ? municipalitiesByName(withProvince[1]!, withProvince[2]) : municipalitiesByName(trimmed);
}

/** Every Belfiore code a birth place (a code like H501, a name, or "Name (PR)") could stand for. */
export function belfioreCandidates(place: string): string[] {
  return [...new Set(placesFor(place).map((m) => m.code))];
}

/**
 * The one Belfiore code for a birth place, preferring a current municipality over a former one of the
 * same name; null when unknown or still ambiguous (current municipalities of that name in two provinces).
 */
export function resolveBirthPlace(place: string): string | null {
  const candidates = placesFor(place);
  const codes = new Set(candidates.map((m) => m.code));
  if (codes.size === 1) return [...codes][0]!;
  const current = new Set(candidates.filter((m) => m.current).map((m) => m.code));
  return current.size === 1 ? [...current][0]! : null;
}
