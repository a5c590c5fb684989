// The data files of codice-fiscale-js that the domain reads; the package ships no types for them.
declare module "codice-fiscale-js/src/lista-comuni.js" {
  /** [Belfiore code, province (EE abroad), name in capitals, 1 if the municipality still exists]. */
  export const COMUNI: ReadonlyArray<readonly [string, string, string, number]>;
}
declare module "codice-fiscale-js/src/lista-province.js" {
  export const PROVINCE: Readonly<Record<string, string>>;
}
