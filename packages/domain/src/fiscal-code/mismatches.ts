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
    return [{ path: "fiscalCode", message: v.ok ? "not a valid fiscal code" : v.reason }];
  }
  const problems: FieldProblem[] = [];
  if (surnameCode(person.lastName) !== decoded.surnameCode) {
    problems.push({ path: "lastName", message: "the surname does not match the fiscal code" });
  }
  if (firstNameCode(person.firstName) !== decoded.firstNameCode) {
    problems.push({ path: "firstName", message: "the first name does not match the fiscal code" });
  }
  const birth = parseCalendarDate(person.birthDate);
  if (!birth) {
    problems.push({ path: "birthDate", message: "the birth date is not a real date in the form YYYY-MM-DD" });
  } else if (birth.year % 100 !== decoded.yearOfCentury || birth.month !== decoded.month || birth.day !== decoded.day) {
    problems.push({ path: "birthDate", message: "the birth date does not match the fiscal code" });
  }
  if (person.gender !== decoded.gender) {
    problems.push({ path: "gender", message: "the gender does not match the fiscal code" });
  }
  if (person.birthPlace !== undefined) {
    const candidates = belfioreCandidates(person.birthPlace, birth ?? undefined);
    if (candidates.length === 0) {
      problems.push({ path: "birthPlace", message: "unknown birth place: give the municipality or its Belfiore code" });
    } else if (!candidates.includes(decoded.birthPlace)) {
      problems.push({ path: "birthPlace", message: "the birth place does not match the fiscal code" });
    }
  }
  return problems;
}
