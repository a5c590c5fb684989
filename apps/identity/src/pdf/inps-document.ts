// An INPS-looking A4 page: the header of the institute, a title, sections of label/value rows, optional free
// paragraphs and a signature box. Standard fonts only (WinAnsi): characters they lack are drawn as "?".
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INPS_BLUE = rgb(0.0, 0.33, 0.62);
const GREY = rgb(0.35, 0.35, 0.35);

export interface PdfRow {
  label: string;
  value: string;
}

export interface PdfSection {
  heading: string;
  rows?: PdfRow[];
  paragraphs?: string[];
}

export interface InpsPdf {
  title: string;
  subtitle?: string;
  /** Simulated time of issue (document metadata and the "Roma, …" line). */
  issuedAt: Date;
  sections: PdfSection[];
  /** Draws a box labelled "Firma del richiedente" after the sections. */
  signatureBox?: boolean;
  footer: string;
}

const italianDate = (d: Date) =>
  `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;

function encodable(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (text) => Array.from(text, (ch) => (supported.has(ch.codePointAt(0) ?? 0) ? ch : "?")).join("");
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

export async function renderInpsPdf(input: InpsPdf): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(input.title);
  doc.setAuthor("INPS - Istituto Nazionale Previdenza Sociale (simulatore)");
  doc.setCreator("INPS PIN simulator, identity service");
  doc.setCreationDate(input.issuedAt);
  doc.setModificationDate(input.issuedAt);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const clean = encodable(regular);
  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - 80;
  const ensure = (space: number) => {
    if (y - space > 80) return;
    page = doc.addPage([A4.width, A4.height]);
    y = A4.height - 80;
  };
  page.drawText("INPS", { x: MARGIN, y, size: 30, font: bold, color: INPS_BLUE });
  page.drawText("Istituto Nazionale Previdenza Sociale", {
    x: MARGIN,
    y: y - 16,
    size: 9,
    font: regular,
    color: INPS_BLUE,
  });
  page.drawText(`Roma, ${italianDate(input.issuedAt)}`, {
    x: A4.width - MARGIN - 110,
    y,
    size: 10,
    font: regular,
  });
  y -= 56;
  for (const line of wrap(clean(input.title), bold, 15, A4.width - 2 * MARGIN)) {
    page.drawText(line, { x: MARGIN, y, size: 15, font: bold });
    y -= 19;
  }
  if (input.subtitle) {
    page.drawText(clean(input.subtitle), { x: MARGIN, y, size: 10, font: regular, color: GREY });
    y -= 16;
  }
  y -= 8;
  for (const section of input.sections) {
    ensure(40);
    page.drawRectangle({
      x: MARGIN,
      y: y - 4,
      width: A4.width - 2 * MARGIN,
      height: 16,
      color: rgb(0.9, 0.94, 0.98),
    });
    page.drawText(clean(section.heading), { x: MARGIN + 4, y, size: 10, font: bold, color: INPS_BLUE });
    y -= 20;
    for (const row of section.rows ?? []) {
      ensure(14);
      page.drawText(clean(row.label), { x: MARGIN + 4, y, size: 9, font: regular, color: GREY });
      const valueLines = wrap(clean(row.value), bold, 9, A4.width - 2 * MARGIN - 200);
      for (const v of valueLines) {
        page.drawText(v, { x: MARGIN + 200, y, size: 9, font: bold });
        y -= 13;
      }
    }
    for (const paragraph of section.paragraphs ?? []) {
      for (const line of wrap(clean(paragraph), regular, 9, A4.width - 2 * MARGIN - 8)) {
        ensure(13);
        page.drawText(line, { x: MARGIN + 4, y, size: 9, font: regular });
        y -= 13;
      }
      y -= 4;
    }
    y -= 10;
  }
  if (input.signatureBox) {
    ensure(110);
    page.drawText("Firma del richiedente", { x: MARGIN + 4, y, size: 9, font: bold });
    page.drawRectangle({
      x: MARGIN,
      y: y - 80,
      width: 260,
      height: 70,
      borderColor: rgb(0, 0, 0),
      borderWidth: 1,
    });
    page.drawText("Luogo e data", { x: MARGIN + 290, y, size: 9, font: bold });
    page.drawLine({
      start: { x: MARGIN + 290, y: y - 40 },
      end: { x: A4.width - MARGIN, y: y - 40 },
      thickness: 0.8,
    });
    y -= 100;
  }
  for (const [i, p] of doc.getPages().entries()) {
    const footer = `${clean(input.footer)}  -  pagina ${i + 1} di ${doc.getPageCount()}`;
    p.drawText(footer, { x: MARGIN, y: 40, size: 7, font: regular, color: GREY });
  }
  return doc.save();
}
