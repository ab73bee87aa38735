import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";

/**
 * A small flowing-layout writer over pdf-lib: headings, wrapped paragraphs, key-value rows and
 * tables, with page breaks and a footer on every page. Standard fonts (WinAnsi) cover French text.
 */
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.3, 0.3, 0.3);

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;

  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly footer: string,
  ) {
    this.newPage();
  }

  static async create(meta: { title: string; lang: string; footer: string }): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(meta.title);
    doc.setLanguage(meta.lang);
    doc.setProducer("Portail des droits des patients");
    doc.setCreator("Portail des droits des patients");
    const [regular, bold] = await Promise.all([
      doc.embedFont(StandardFonts.Helvetica),
      doc.embedFont(StandardFonts.HelveticaBold),
    ]);
    return new PdfWriter(doc, regular, bold, meta.footer);
  }

  private get width() {
    return A4.width - 2 * MARGIN;
  }

  private newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  /** Sections started with `section()`, and the page (0-based, before any contents page) each starts on. */
  private readonly sections: { title: string; pageIndex: number }[] = [];

  /** A level-1 heading that starts a new page and is listed in the table of contents. */
  section(title: string) {
    if (this.sections.length > 0 || this.y < A4.height - MARGIN) this.newPage();
    this.sections.push({ title, pageIndex: this.doc.getPageCount() - 1 });
    this.heading(title);
  }

  /**
   * Inserts, as page `at` (0-based), a table of contents of the sections written so far, with their
   * page numbers as they will be once this page is in (call it last, before save).
   */
  tableOfContents(at: number, title: string) {
    const page = this.doc.insertPage(at, [A4.width, A4.height]);
    let y = A4.height - MARGIN;
    page.drawText(this.clean(title), { x: MARGIN, y: y - 18, size: 18, font: this.bold, color: INK });
    y -= 18 * 2.2;
    for (const s of this.sections) {
      const number = String(s.pageIndex + (s.pageIndex >= at ? 2 : 1));
      const size = 11;
      page.drawText(this.clean(s.title), { x: MARGIN, y: y - size, size, font: this.regular, color: INK });
      page.drawText(number, {
        x: MARGIN + this.width - this.regular.widthOfTextAtSize(number, size),
        y: y - size,
        size,
        font: this.regular,
        color: INK,
      });
      y -= size * 1.8;
    }
  }

  private ensure(height: number) {
    if (this.y - height < MARGIN + 24) this.newPage();
  }

  /** Replaces characters the standard fonts cannot encode. */
  private clean(text: string): string {
    return text
      .replace(/[\u202f\u00a0]/g, " ")
      .replace(/[^\x20-\x7e\u00a0-\u00ff\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac\u0152\u0153]/g, "?");
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of this.clean(text).split("\n")) {
      let line = "";
      for (const word of paragraph.split(/\s+/)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
        else {
          lines.push(line);
          line = word;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  heading(text: string, level: 1 | 2 = 1) {
    const size = level === 1 ? 18 : 13;
    this.ensure(size * 2.5);
    this.y -= level === 1 ? 0 : 8;
    for (const line of this.wrap(text, this.bold, size, this.width)) {
      this.page.drawText(line, { x: MARGIN, y: this.y - size, size, font: this.bold, color: INK });
      this.y -= size * 1.35;
    }
    this.y -= 6;
  }

  paragraph(text: string, options: { size?: number; muted?: boolean } = {}) {
    const size = options.size ?? 10.5;
    for (const line of this.wrap(text, this.regular, size, this.width)) {
      this.ensure(size * 1.5);
      this.page.drawText(line, {
        x: MARGIN,
        y: this.y - size,
        size,
        font: this.regular,
        color: options.muted ? MUTED : INK,
      });
      this.y -= size * 1.45;
    }
    this.y -= 6;
  }

  keyValues(rows: [string, string][]) {
    const size = 10.5;
    const keyWidth = this.width * 0.36;
    for (const [key, value] of rows) {
      const valueLines = this.wrap(value, this.regular, size, this.width - keyWidth);
      this.ensure(size * 1.5 * valueLines.length);
      this.page.drawText(this.clean(key), { x: MARGIN, y: this.y - size, size, font: this.bold, color: INK });
      for (const line of valueLines) {
        this.page.drawText(line, { x: MARGIN + keyWidth, y: this.y - size, size, font: this.regular, color: INK });
        this.y -= size * 1.45;
      }
      this.y -= 2;
    }
    this.y -= 6;
  }

  table(head: string[], rows: string[][], widths: number[]) {
    const size = 9.5;
    const cols = widths.map((w) => w * this.width);
    const drawRow = (cells: string[], font: PDFFont) => {
      const wrapped = cells.map((c, i) => this.wrap(c, font, size, cols[i]! - 6));
      const height = Math.max(...wrapped.map((w) => w.length)) * size * 1.4 + 4;
      this.ensure(height);
      let x = MARGIN;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, j) => {
          this.page.drawText(line, { x, y: this.y - size - j * size * 1.4, size, font, color: INK });
        });
        x += cols[i]!;
      });
      this.y -= height;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y + 2 },
        end: { x: MARGIN + this.width, y: this.y + 2 },
        thickness: 0.5,
        color: MUTED,
      });
    };
    drawRow(head, this.bold);
    for (const row of rows) drawRow(row, this.regular);
    this.y -= 10;
  }

  async save(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      page.drawText(this.clean(`${this.footer} · ${i + 1}/${pages.length}`), {
        x: MARGIN,
        y: MARGIN / 2,
        size: 8,
        font: this.regular,
        color: MUTED,
      });
    });
    return this.doc.save();
  }
}
