// Does a fiscal code belong to this person? One problem per personal-data field that disagrees with it.

import { parseCalendarDate } from "../time/calendar-date.ts";
import { decodeFiscalCode } from "./decode.ts";
import { firstNameCode, surnameCode } from "./name-codes.ts";
import { belfioreCandidates } from "./municipalities.ts";
import type { FieldProblem, FiscalCodePerson } from "./person.ts";
import { validateFiscalCode } from "./validate.ts";

export function fiscalCodeMismatches(code: string, person: FiscalCodePerson): FieldProblem[] {
  const decoded = decodeFiscalCode(code);
  if (!decoded) {
    const v = validateFiscalCode(code);
    return [{ path: "fiscalCode", message: v.ok ? "il codice fiscale non è valido" : v.reason }];
  }
  const problems: FieldProblem[] = [];
  if (surnameCode(person.lastName) !== decoded.surnameCode) {
    problems.push({ path: "lastName", message: "il cognome non corrisponde al codice fiscale" });
  }
  if (firstNameCode(person.firstName) !== decoded.firstNameCode) {
    problems.push({ path: "firstName", message: "il nome non corrisponde al codice fiscale" });
  }
  const birth = parseCalendarDate(person.birthDate);
  if (!birth) {
    problems.push({
      path: "birthDate",
      message: "la data di nascita non è una data esistente nella forma AAAA-MM-GG",
    });
  } else if (
    birth.year % 100 !== decoded.yearOfCentury ||
    birth.month !== decoded.month ||
    birth.day !== decoded.day
  ) {
    problems.push({ path: "birthDate", message: "la data di nascita non corrisponde al codice fiscale" });
  }
  if (person.gender !== decoded.gender) {
    problems.push({ path: "gender", message: "il sesso non corrisponde al codice fiscale" });
  }
  if (person.birthPlace !== undefined) {
    const candidates = belfioreCandidates(person.birthPlace, birth ?? undefined);
    if (candidates.length === 0) {
      problems.push({
        path: "birthPlace",
        message: "luogo di nascita sconosciuto: indichi il comune o il suo codice catastale",
      });
    } else if (!candidates.includes(decoded.birthPlace)) {
      problems.push({ path: "birthPlace", message: "il luogo di nascita non corrisponde al codice fiscale" });
    }
  }
  return problems;
}
