// Municipalities for simulated birth places and residences, each with its Belfiore code and a postal
// code (CAP) that Poste Italiane assigns to it (for cities with several, one central CAP).

export interface Place {
  municipality: string;
  province: string;
  /** Belfiore (cadastral) code, as in the fiscal code. */
  belfiore: string;
  postalCode: string;
}

export const PLACES: readonly Place[] = [
  { municipality: "Roma", province: "RM", belfiore: "H501", postalCode: "00184" },
  { municipality: "Milano", province: "MI", belfiore: "F205", postalCode: "20121" },
  { municipality: "Napoli", province: "NA", belfiore: "F839", postalCode: "80133" },
  { municipality: "Torino", province: "TO", belfiore: "L219", postalCode: "10121" },
  { municipality: "Palermo", province: "PA", belfiore: "G273", postalCode: "90133" },
  { municipality: "Genova", province: "GE", belfiore: "D969", postalCode: "16121" },
  { municipality: "Bologna", province: "BO", belfiore: "A944", postalCode: "40121" },
  { municipality: "Firenze", province: "FI", belfiore: "D612", postalCode: "50122" },
  { municipality: "Bari", province: "BA", belfiore: "A662", postalCode: "70121" },
  { municipality: "Catania", province: "CT", belfiore: "C351", postalCode: "95121" },
  { municipality: "Venezia", province: "VE", belfiore: "L736", postalCode: "30121" },
  { municipality: "Verona", province: "VR", belfiore: "L781", postalCode: "37121" },
  { municipality: "Padova", province: "PD", belfiore: "G224", postalCode: "35121" },
  { municipality: "Trieste", province: "TS", belfiore: "L424", postalCode: "34121" },
  { municipality: "Brescia", province: "BS", belfiore: "B157", postalCode: "25121" },
  { municipality: "Parma", province: "PR", belfiore: "G337", postalCode: "43121" },
  { municipality: "Modena", province: "MO", belfiore: "F257", postalCode: "41121" },
  { municipality: "Perugia", province: "PG", belfiore: "G478", postalCode: "06121" },
  { municipality: "Cagliari", province: "CA", belfiore: "B354", postalCode: "09121" },
  { municipality: "Ancona", province: "AN", belfiore: "A271", postalCode: "60121" },
  { municipality: "Trento", province: "TN", belfiore: "L378", postalCode: "38121" },
  { municipality: "Bolzano", province: "BZ", belfiore: "A952", postalCode: "39100" },
  { municipality: "Aosta", province: "AO", belfiore: "A326", postalCode: "11100" },
  { municipality: "Potenza", province: "PZ", belfiore: "G942", postalCode: "85100" },
  { municipality: "Campobasso", province: "CB", belfiore: "B519", postalCode: "86100" },
  { municipality: "Catanzaro", province: "CZ", belfiore: "C352", postalCode: "88100" },
  { municipality: "Salerno", province: "SA", belfiore: "H703", postalCode: "84121" },
  { municipality: "Lecce", province: "LE", belfiore: "E506", postalCode: "73100" },
  { municipality: "Sassari", province: "SS", belfiore: "I452", postalCode: "07100" },
  { municipality: "Udine", province: "UD", belfiore: "L483", postalCode: "33100" },
  { municipality: "Siena", province: "SI", belfiore: "I726", postalCode: "53100" },
  { municipality: "Pisa", province: "PI", belfiore: "G702", postalCode: "56121" },
  { municipality: "Como", province: "CO", belfiore: "C933", postalCode: "22100" },
  { municipality: "Bergamo", province: "BG", belfiore: "A794", postalCode: "24121" },
];
