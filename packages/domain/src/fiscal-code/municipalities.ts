// The Belfiore (cadastral) codes of Italian municipalities and foreign states, from the ISTAT list that
// codice-fiscale-js ships. Only its data is used: its algorithm reads the wall clock (see docs/fiscal-code.md).
// When each code was in force comes from municipality-periods.ts (generated from @marketto/belfiore-connector-embedded).

// Packages that type-check this file through their own tsconfig must see the data file's types too.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./codice-fiscale-js.d.ts" />
import { COMUNI } from "codice-fiscale-js/src/lista-comuni.js";
import { formatCalendarDate, type CalendarDate } from "../time/calendar-date.ts";
import { MUNICIPALITY_PERIODS } from "./municipality-periods.ts";

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

// Indexed on first use, not when the module loads: ~13,000 entries cost a start that validates no fiscal code
// tens of ms.
let indexes: { byCode: Map<string, Municipality[]>; byName: Map<string, Municipality[]> } | undefined;
function municipalityIndexes(): NonNullable<typeof indexes> {
  if (indexes) return indexes;
  const byCode = new Map<string, Municipality[]>();
  const byName = new Map<string, Municipality[]>();
  for (const [code, province, name, current] of COMUNI) {
    const m: Municipality = { code, name, province, current: current === 1 };
    const sameCode = byCode.get(code);
    if (sameCode) sameCode.push(m);
    else byCode.set(code, [m]);
    const sameName = byName.get(name);
    if (sameName) sameName.push(m);
    else byName.set(name, [m]);
  }
  indexes = { byCode, byName };
  return indexes;
}

/** Every name a Belfiore code has had, the current one first. */
export function municipalitiesByCode(code: string): Municipality[] {
  return [...(municipalityIndexes().byCode.get(code.toUpperCase()) ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
}

/** Every municipality or state ever called `name` (in any province, unless one is given). */
export function municipalitiesByName(name: string, province?: string): Municipality[] {
  const found = municipalityIndexes().byName.get(normalizePlaceName(name)) ?? [];
  return province ? found.filter((m) => m.province === province.toUpperCase()) : [...found];
}

/** When a code was in force, as YYYY-MM-DD days (inclusive); `to` is null while it still is. */
export interface BelfiorePeriod {
  from: string;
  to: string | null;
}

let periodsByCode: Map<string, BelfiorePeriod> | undefined;
/** The periods by code, parsed on first use (as the indexes above). */
function periods(): Map<string, BelfiorePeriod> {
  if (periodsByCode) return periodsByCode;
  periodsByCode = new Map();
  for (const line of MUNICIPALITY_PERIODS.split("\n")) {
    const [code, from, to] = line.split(" ");
    if (code && from && to) periodsByCode.set(code, { from, to: to === "-" ? null : to });
  }
  return periodsByCode;
}

/** The period of a code; null when the data has none, which means in force for any birth we handle. */
export function belfiorePeriod(code: string): BelfiorePeriod | null {
  return periods().get(code.toUpperCase()) ?? null;
}

/** Where a date stands against a code's period. */
function standing(code: string, day: string): "in-force" | "not-yet" | "suppressed" {
  const period = periods().get(code);
  if (!period) return "in-force";
  if (day < period.from) return "not-yet";
  if (period.to !== null && day > period.to) return "suppressed";
  return "in-force";
}

/** Whether the place of this code existed on `date` (not yet suppressed; not created after it). */
export function belfioreInForce(code: string, date: CalendarDate): boolean {
  return standing(code.toUpperCase(), formatCalendarDate(date)) === "in-force";
}

/** With `wholeMunicipality`, a code stands for its municipality: with the other codes it has had (M335 → A744 too). */
function placesFor(place: string, wholeMunicipality = false): Municipality[] {
  const trimmed = place.trim().toUpperCase();
  if (BELFIORE_PATTERN.test(trimmed)) {
    const named = municipalitiesByCode(trimmed);
    if (!wholeMunicipality) return named;
    return named.length === 0 ? [] : [...new Map(named.flatMap((m) => municipalitiesByName(m.name, m.province)).map((m) => [m.code, m])).values()];
  }
  const withProvince = /^(.*?)\s*\(([A-Z]{2})\)$/.exec(trimmed);
  return withProvince ? municipalitiesByName(withProvince[1]!, withProvince[2]) : municipalitiesByName(trimmed);
}

/** The codes a place could stand for, narrowed to those in force on `date` when any was (see resolveBirthPlaceAt). */
function candidatesAt(candidates: Municipality[], date: CalendarDate): Municipality[] {
  const day = formatCalendarDate(date);
  const inForce = candidates.filter((m) => standing(m.code, day) === "in-force");
  if (inForce.length > 0) return inForce;
  // The Ministry's first date is often that of a later boundary change (Roma: 1884), so a place whose
  // codes all begin after the birth still counts; one suppressed before the birth does not.
  return candidates.filter((m) => standing(m.code, day) === "not-yet");
}

/**
 * Every Belfiore code a birth place (a code like H501, a name, or "Name (PR)") could stand for. With a
 * birth date, only the codes in force on that day when the data says which; otherwise every code it has had.
 */
export function belfioreCandidates(place: string, birthDate?: CalendarDate): string[] {
  const all = placesFor(place, birthDate !== undefined);
  const narrowed = birthDate ? candidatesAt(all, birthDate) : all;
  return [...new Set((narrowed.length > 0 ? narrowed : all).map((m) => m.code))];
}

export type BirthPlaceResolution =
  | { ok: true; code: string }
  | { ok: false; problem: "unknown" | "ambiguous" | "not-in-force"; message: string };

/** Among several codes: the municipality's latest one if they are the codes of one municipality, else the one current code. */
function choose(candidates: Municipality[]): string | null {
  const codes = [...new Set(candidates.map((m) => m.code))];
  if (codes.length === 1) return codes[0]!;
  const municipalities = new Set(candidates.map((m) => `${m.name}|${m.province}`));
  const latestFirst = (a: string, b: string) => (periods().get(b)?.from ?? "").localeCompare(periods().get(a)?.from ?? "");
  if (municipalities.size === 1) return codes.sort(latestFirst)[0]!;
  const current = new Set(candidates.filter((m) => m.current).map((m) => m.code));
  return current.size === 1 ? [...current][0]! : null;
}

/**
 * The Belfiore code of a birth place on the birth date: the code then in force (Bellagio in 1970 is A744,
 * in 2020 M335). A place suppressed before the birth is refused; a name that stands for current
 * municipalities in two provinces is ambiguous (give "Name (PR)").
 */
export function resolveBirthPlaceAt(place: string, birthDate: CalendarDate): BirthPlaceResolution {
  const all = placesFor(place, true);
  if (all.length === 0) return { ok: false, problem: "unknown", message: `birth place "${place}" is unknown` };
  const atDate = candidatesAt(all, birthDate);
  if (atDate.length === 0) {
    return { ok: false, problem: "not-in-force", message: `birth place "${place}" no longer existed on ${formatCalendarDate(birthDate)}` };
  }
  // Both ends of a change are in force on its day; the later dates sort after.
  const code = choose(atDate);
  return code
    ? { ok: true, code }
    : { ok: false, problem: "ambiguous", message: `birth place "${place}" names places in several provinces: give "Name (PR)"` };
}

/**
 * The one Belfiore code for a birth place, preferring a current municipality over a former one of the
 * same name; null when unknown or still ambiguous (current municipalities of that name in two provinces).
 * With a birth date, the code in force on that day (see resolveBirthPlaceAt).
 */
export function resolveBirthPlace(place: string, birthDate?: CalendarDate): string | null {
  if (birthDate) {
    const resolved = resolveBirthPlaceAt(place, birthDate);
    return resolved.ok ? resolved.code : null;
  }
  const candidates = placesFor(place);
  const codes = new Set(candidates.map((m) => m.code));
  if (codes.size === 1) return [...codes][0]!;
  const current = new Set(candidates.filter((m) => m.current).map((m) => m.code));
  return current.size === 1 ? [...current][0]! : null;
}
