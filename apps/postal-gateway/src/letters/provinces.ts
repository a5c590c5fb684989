// Italy's 107 provinces (sigla) and the first digits of their postal codes (CAP). A CAP that does not
// start with one of its province's prefixes cannot exist, and the letter comes back to the sender.
// Provinces that share a range (e.g. Udine and Pordenone) both accept it: the check is a plausibility
// check, not Poste Italiane's street directory.
export const CAP_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  AG: ["92"], AL: ["15"], AN: ["60"], AO: ["11"], AP: ["630", "631"], AQ: ["67"], AR: ["52"], AT: ["14"],
  AV: ["83"], BA: ["70"], BG: ["24"], BI: ["138", "139"], BL: ["32"], BN: ["82"], BO: ["40"], BR: ["72"],
  BS: ["25"], BT: ["76"], BZ: ["39"], CA: ["090", "091"], CB: ["860", "861"], CE: ["81"], CH: ["66"],
  CL: ["93"], CN: ["12"], CO: ["22"], CR: ["260", "261"], CS: ["87"], CT: ["95"], CZ: ["880", "881"],
  EN: ["94"], FC: ["470", "471", "475"], FE: ["44"], FG: ["71"], FI: ["50"], FM: ["638", "639"], FR: ["03"],
  GE: ["16"], GO: ["340", "341"], GR: ["58"], IM: ["18"], IS: ["860", "861"], KR: ["888", "889"],
  LC: ["238", "239"], LE: ["73"], LI: ["57"], LO: ["268", "269"], LT: ["04"], LU: ["55"], MB: ["208", "209"],
  MC: ["62"], ME: ["98"], MI: ["200", "201"], MN: ["46"], MO: ["41"], MS: ["54"], MT: ["75"], NA: ["80"],
  NO: ["280", "281"], NU: ["08"], OR: ["090", "091"], PA: ["90"], PC: ["29"], PD: ["35"], PE: ["65"],
  PG: ["06"], PI: ["56"], PN: ["330", "331"], PO: ["59"], PR: ["43"], PT: ["51"], PU: ["61"], PV: ["27"],
  PZ: ["85"], RA: ["48"], RC: ["890", "891"], RE: ["42"], RG: ["97"], RI: ["02"], RM: ["00"],
  RN: ["478", "479"], RO: ["45"], SA: ["84"], SI: ["53"], SO: ["230", "231"], SP: ["19"], SR: ["96"],
  SS: ["07"], SU: ["090"], SV: ["17"], TA: ["74"], TE: ["64"], TN: ["38"], TO: ["10"], TP: ["91"], TR: ["05"],
  TS: ["340", "341"], TV: ["31"], UD: ["330", "331"], VA: ["21"], VB: ["288", "289"], VC: ["130", "131"],
  VE: ["30"], VI: ["36"], VR: ["37"], VT: ["01"], VV: ["898", "899"],
};

export function postalCodeBelongsTo(postalCode: string, province: string): boolean {
  const prefixes = CAP_PREFIXES[province];
  return prefixes !== undefined && prefixes.some((p) => postalCode.startsWith(p));
}
