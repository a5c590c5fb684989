// How many SMS a text costs: GSM-7 (160 characters, 153 per part when split) or UCS-2 (70, 67 per part).

/** GSM 03.38 default alphabet (one septet each); ESC (0x1B) is left out: a text may not carry it. */
const GSM7_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
/** The extension table: each costs two septets (ESC + the character). */
const GSM7_EXTENSION = new Set("^{}\\[~]|€\f");

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SegmentInfo {
  encoding: SmsEncoding;
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
}

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM7_BASIC.has(ch) && !GSM7_EXTENSION.has(ch)) return false;
  return true;
}

/**
 * Splits the way a handset does: a part never ends in the middle of an escape pair (GSM-7) or of a
 * surrogate pair (UCS-2), so a long text may need one part more than units ÷ capacity.
 */
export function countSegments(text: string): SegmentInfo {
  const gsm = isGsm7(text);
  const costs: number[] = [];
  for (const ch of text) costs.push(gsm ? (GSM7_EXTENSION.has(ch) ? 2 : 1) : ch.length);
  const units = costs.reduce((a, b) => a + b, 0);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  if (units <= single) return { encoding: gsm ? "GSM-7" : "UCS-2", segments: units === 0 ? 0 : 1, units };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > part) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding: gsm ? "GSM-7" : "UCS-2", segments, units };
}
