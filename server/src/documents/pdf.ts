// The documents' PDF engine: pdfmake 0.3 (on pdfkit) with Noto Sans JP from the npm registry.
//
// Why pdfmake: a document is declared as data (text, tables with header rows repeated on each page, columns), so the
// builders say what a 申込書 holds and pdfmake lays it out and breaks pages; header and footer are functions of the page
// ("1 / 3"); fonts are embedded as subsets of the glyphs used (a few tens of KB of a 5 MB font), as real text, so the
// PDF's text is selectable and searchable (pdftotext reads it). pdfkit alone would need every line placed by hand;
// @react-pdf/renderer brings React and a layout engine to the server for the same result.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces.js';

const FONT = 'NotoSansJP';

// The fonts are read once per process into pdfmake's virtual file system (never from disk per document); pdfkit
// parses the copy in memory. No URL or local file is ever fetched by a document.
const require = createRequire(import.meta.url);
const fontFile = (weight: string) => require.resolve(`@expo-google-fonts/noto-sans-jp/${weight}/NotoSansJP_${weight}.ttf`);
const engine = pdfmake as unknown as typeof pdfmake & { virtualfs: { writeFileSync(name: string, content: Buffer): void } };
engine.virtualfs.writeFileSync(`${FONT}-Regular.ttf`, readFileSync(fontFile('400Regular')));
engine.virtualfs.writeFileSync(`${FONT}-Bold.ttf`, readFileSync(fontFile('700Bold')));
engine.setFonts({ [FONT]: { normal: `${FONT}-Regular.ttf`, bold: `${FONT}-Bold.ttf`, italics: `${FONT}-Regular.ttf`, bolditalics: `${FONT}-Bold.ttf` } });
engine.setUrlAccessPolicy(() => false);
engine.setLocalAccessPolicy(() => false);

/** One page's frame: the document's title and receipt number on top, the issue time and "n / total" at the bottom. */
export interface Frame {
  /** The document's name as the manuals call it (システムサービス利用申込書 …). */
  title: string;
  receiptNo: string;
  /** When it was printed (Japan time), from the server's clock. */
  printedAt: string;
}

/** A PDF of `content` on A4 with the header, footer and styles every document shares. */
export function renderPdf(frame: Frame, content: Content[]): Promise<Buffer> {
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 56, 40, 48],
    info: { title: `${frame.title} ${frame.receiptNo}`, author: 'NACCSセンター', creator: 'NACCS back office' },
    header: () => ({
      columns: [
        { text: frame.title, style: 'frame' },
        { text: `申込受付番号 ${frame.receiptNo}`, style: 'frame', alignment: 'right' },
      ],
      margin: [40, 24, 40, 0],
    }),
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `出力日時 ${frame.printedAt}`, style: 'frame' },
        { text: `${page} / ${pages}`, style: 'frame', alignment: 'right' },
      ],
      margin: [40, 16, 40, 0],
    }),
    content,
    defaultStyle: { font: FONT, fontSize: 9, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
      section: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
      subsection: { fontSize: 9.5, bold: true, margin: [0, 6, 0, 2] },
      label: { color: '#444444' },
      head: { bold: true, fillColor: '#eeeeee' },
      frame: { fontSize: 8, color: '#555555' },
      note: { fontSize: 8.5, color: '#333333', margin: [0, 8, 0, 0] },
      warning: { fontSize: 9, bold: true, margin: [0, 8, 0, 0] },
    },
  };
  return engine.createPdf(doc).getBuffer();
}

/** A heading of a section (申込内容, 事業所・企業 …). */
export const section = (text: string): Content => ({ text, style: 'section' });
export const subsection = (text: string): Content => ({ text, style: 'subsection' });

/** Label/value pairs in two pairs per row, as the console's item grids; empty values shown as －. */
export function items(pairs: Array<[string, string | undefined]>): Content {
  if (!pairs.length) return { text: '－' };
  const cells = pairs.flatMap(([label, value]): TableCell[] => [{ text: label, style: 'label' }, { text: value || '－' }]);
  const body: TableCell[][] = [];
  for (let i = 0; i < cells.length; i += 4) body.push([...cells.slice(i, i + 4), ...Array(Math.max(0, i + 4 - cells.length)).fill('')]);
  return { table: { widths: [100, '*', 100, '*'], body }, layout: 'lightHorizontalLines' };
}

/** Rows under a header row (repeated on each page); a table without rows says なし. */
export function rows(header: string[], body: string[][], empty = 'なし'): Content {
  if (!body.length) return { text: empty, style: 'label' };
  return {
    table: {
      headerRows: 1,
      // The header never alone at the foot of a page; a row never split across two.
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      // Wide tables size their columns by their content (equal shares would push a long code off the page).
      widths: header.map(() => (header.length > 6 ? 'auto' : '*')),
      body: [header.map((h) => ({ text: h, style: 'head' })), ...body.map((r) => r.map((v) => v || '－'))],
    },
    // Wide tables (論理端末: name, key, 認証コード 1–3 …) in a smaller size, so every column stays on the page.
    fontSize: header.length > 6 ? 7.5 : undefined,
    layout: 'lightHorizontalLines',
  };
}
