// The personal data a fiscal code is computed from.

import type { Gender } from "./date-code.ts";

export interface FiscalCodePerson {
  firstName: string;
  lastName: string;
  gender: Gender;
  /** YYYY-MM-DD */
  birthDate: string;
  /** A Belfiore code (H501), a municipality or foreign state name (Roma), or "Name (PR)". */
  birthPlace?: string;
}

export interface FieldProblem {
  path: string;
  message: string;
}
