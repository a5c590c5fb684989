// A letter as INPS prints it: sender block, recipient in the envelope window, place and date, subject,
// body, and a footer. Standard fonts only (WinAnsi), so characters they lack are shown as "?"; the body keeps its
// line breaks, and a blank line between paragraphs.
import { italianLongDate } from "@inps-sim/domain";
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import type { LetterContent } from "./letters.store.ts";

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INPS_BLUE = rgb(0.0, 0.33, 0.62);
const GREY = rgb(0.35, 0.35, 0.35);
/** Keeps what the font can draw on one line; anything else becomes "?" (so split lines before cleaning them). */
function encodable(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (text) =>
    Array.from(text.replaceAll("\t", "    "), (ch) =>
      supported.has(ch.codePointAt(0) ?? 0) ? ch : "?",
    ).join("");
}

/** Splits a paragraph into lines no wider than `width`, breaking words that are longer than a line. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  for (const word of text.split(/ +/)) {
    let w = word;
    while (!fits(w)) {
      let cut = w.length - 1;
      while (cut > 1 && !fits(w.slice(0, cut))) cut--;
      if (current) {
        lines.push(current);
        current = "";
      }
      lines.push(w.slice(0, cut));
      w = w.slice(cut);
    }
    const candidate = current ? `${current} ${w}` : w;
    if (fits(candidate)) current = candidate;
    else {
      lines.push(current);
      current = w;
    }
  }
  lines.push(current);
  return lines;
}

export async function renderLetterPdf(letter: LetterContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(letter.subject ?? "Comunicazione INPS");
  doc.setAuthor("INPS - Istituto Nazionale Previdenza Sociale (simulatore)");
  doc.setCreator("INPS PIN simulator, postal gateway");
  doc.setCreationDate(new Date(letter.acceptedAt));
  doc.setModificationDate(new Date(letter.acceptedAt));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const clean = encodable(regular);
  const pages: PDFPage[] = [];

  const newPage = (): PDFPage => {
    const page = doc.addPage([A4.width, A4.height]);
    pages.push(page);
    return page;
  };

  // Letterhead and sender block.
  let page = newPage();
  page.drawText("INPS", { x: MARGIN, y: A4.height - 80, size: 30, font: bold, color: INPS_BLUE });
  page.drawText("Istituto Nazionale Previdenza Sociale", {
    x: MARGIN,
    y: A4.height - 96,
    size: 9,
    font: regular,
    color: INPS_BLUE,
  });
  const sender = [
    "Direzione Centrale Organizzazione e Comunicazione",
    "Via Ciro il Grande, 21",
    "00144 Roma RM",
  ];
  sender.forEach((l, i) =>
    page.drawText(l, { x: MARGIN, y: A4.height - 118 - i * 11, size: 8, font: regular, color: GREY }),
  );

  // Recipient, where the window of a DL envelope shows it.
  const r = letter.recipient;
  const windowLines = [
    letter.service === "raccomandata" ? "RACCOMANDATA" : "POSTA ORDINARIA",
    r.name,
    r.street,
    `${r.postalCode} ${r.city} ${r.province}`,
  ];
  windowLines.forEach((l, i) =>
    page.drawText(clean(l).slice(0, 60), {
      x: 320,
      y: A4.height - 170 - i * 14,
      size: i === 0 ? 8 : 11,
      font: i === 0 ? bold : regular,
      color: i === 0 ? INPS_BLUE : rgb(0, 0, 0),
    }),
  );

  let y = A4.height - 270;
  page.drawText(`Roma, ${italianLongDate(new Date(letter.acceptedAt))}`, {
    x: MARGIN,
    y,
    size: 10,
    font: regular,
  });
  y -= 14;
  page.drawText(`Prot. ${letter.id}`, { x: MARGIN, y, size: 8, font: regular, color: GREY });
  y -= 28;

  const width = A4.width - 2 * MARGIN;
  if (letter.subject) {
    for (const l of wrap(clean(`Oggetto: ${letter.subject}`), bold, 11, width)) {
      page.drawText(l, { x: MARGIN, y, size: 11, font: bold });
      y -= 15;
    }
    y -= 12;
  }

  const size = 11;
  const leading = 15;
  // Each line of the body is its own line on paper (a line break is not a character the font has); an empty line
  // is the gap between two paragraphs.
  for (const line of letter.body.split(/\r\n|\r|\n/)) {
    for (const l of wrap(clean(line), regular, size, width)) {
      if (y < MARGIN + 40) {
        page = newPage();
        y = A4.height - MARGIN;
      }
      page.drawText(l, { x: MARGIN, y, size, font: regular });
      y -= leading;
    }
  }

  pages.forEach((p, i) => {
    p.drawLine({
      start: { x: MARGIN, y: 48 },
      end: { x: A4.width - MARGIN, y: 48 },
      thickness: 0.5,
      color: GREY,
    });
    p.drawText("Documento generato dal simulatore del PIN INPS: non ha valore legale.", {
      x: MARGIN,
      y: 36,
      size: 7,
      font: regular,
      color: GREY,
    });
    p.drawText(`Pagina ${i + 1} di ${pages.length}`, {
      x: A4.width - MARGIN - 60,
      y: 36,
      size: 7,
      font: regular,
      color: GREY,
    });
  });

  return doc.save();
}
