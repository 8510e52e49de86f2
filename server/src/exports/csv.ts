// CSV as Excel and integrators read it: UTF-8 with a byte-order mark (without it Excel opens UTF-8 as Shift_JIS and
// garbles the Japanese), CRLF line ends, fields quoted per RFC 4180 when they hold a comma, a quote or a line break.
import { Transform, type TransformCallback } from 'node:stream';

/** The UTF-8 byte-order mark: Excel's sign that the file is UTF-8. */
export const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * A value as one CSV field. A text starting with = + - @ (or a tab / carriage return, which Excel skips before one)
 * gets a leading apostrophe: a spreadsheet would otherwise run it as a formula (CSV injection, OWASP) — a company name
 * typed as `=HYPERLINK(...)` by a customer must reach the staff's screen as text, not as a link or a command.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join(' ') : typeof value === 'boolean' ? (value ? '○' : '') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record: fields joined by commas, ended by CRLF. */
export const csvLine = (values: readonly unknown[]): string => `${values.map(csvField).join(',')}${CRLF}`;

/** A column of an export: its Japanese header and the row's key it shows. */
export interface CsvColumn {
  header: string;
  key: string;
}

/**
 * Rows (objects from the database cursor) in, CSV text out: the BOM and the header first, then one line per row.
 * A Transform, so the cursor is read only as fast as the client takes the file (backpressure), and `rows` counts
 * what was written.
 */
export class CsvEncoder extends Transform {
  rows = 0;

  constructor(private readonly columns: readonly CsvColumn[]) {
    super({ writableObjectMode: true, readableObjectMode: false, writableHighWaterMark: 256 });
    this.push(BOM + csvLine(columns.map((c) => c.header)), 'utf8');
  }

  override _transform(row: Record<string, unknown>, _encoding: BufferEncoding, done: TransformCallback): void {
    this.rows++;
    done(null, csvLine(this.columns.map((c) => row[c.key])));
  }
}
