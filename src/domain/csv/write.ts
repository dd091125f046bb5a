/**
 * CSV text out, Excel- and WPS-ready (DESIGN.md §1, §4): comma-separated, CRLF line ends, a cell quoted
 * when it holds a quote, the delimiter, CR or LF; text cells pass the formula guard (sanitise.ts),
 * number cells are written as plain numbers (`1234.50`, `-5`) and never guarded. The BOM is added when
 * the text is encoded (encoding.ts), not here.
 */
import { neutraliseFormula } from './sanitise';

/** A text cell is a string; a number cell carries its exact decimal text (money is `'1234.50'`). */
export type CsvCell = string | { number: string };

export interface WriteOptions {
  delimiter?: string;
  eol?: string;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Wraps a number's text as a number cell. Example: `numberCell(5)` → `{ number: '5' }`. */
export function numberCell(value: number | string): CsvCell {
  return { number: String(value) };
}

function quote(text: string, delimiter: string): string {
  const needs = text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r');
  return needs ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One cell as CSV text. A "number" that is not a plain number is written as guarded text. */
export function cellText(cell: CsvCell, delimiter = ','): string {
  if (typeof cell === 'string') return quote(neutraliseFormula(cell), delimiter);
  return NUMBER.test(cell.number) ? cell.number : quote(neutraliseFormula(cell.number), delimiter);
}

/**
 * The CSV text of a header row and data rows, each line ended by CRLF.
 * Example: `writeCsv(['名称', '金额'], [['=A1', numberCell('-5.00')]])` → `'名称,金额\r\n\'=A1,-5.00\r\n'`.
 */
export function writeCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
  options: WriteOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const eol = options.eol ?? '\r\n';
  const lines: string[] = [header.map((h) => cellText(h, delimiter)).join(delimiter)];
  for (const row of rows) lines.push(row.map((c) => cellText(c, delimiter)).join(delimiter));
  return lines.join(eol) + eol;
}
