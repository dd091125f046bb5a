/**
 * CSV text out, Excel- and WPS-ready (DESIGN.md §1, §4): comma-separated, CRLF line ends, a cell quoted
 * when it holds a quote, the delimiter, CR or LF; text cells pass `csvText` (sanitise.ts: formula guard,
 * number-like text kept as text), number cells are written as plain numbers (`1234.50`, `-5`) and date
 * cells as ISO dates (`2024-01-05`), both left for the spreadsheet to read as numbers and dates. The BOM
 * is added when the text is encoded (encoding.ts), not here.
 */
import { csvText, neutraliseFormula } from './sanitise';

/**
 * A text cell is a string; a number cell carries its exact decimal text (money is `'1234.50'`); a date
 * cell its ISO date.
 */
export type CsvCell = string | { number: string } | { date: string };

export interface WriteOptions {
  delimiter?: string;
  eol?: string;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Wraps a number's text as a number cell. Example: `numberCell(5)` → `{ number: '5' }`. */
export function numberCell(value: number | string): CsvCell {
  return { number: String(value) };
}

/** Wraps an ISO date as a date cell (`''` stays an empty cell). Example: `dateCell('2024-01-05')`. */
export function dateCell(iso: string): CsvCell {
  return { date: iso };
}

function quote(text: string, delimiter: string): string {
  const needs = text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r');
  return needs ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One cell as CSV text. A "number" that is not a plain number, or a "date" that is not an ISO date or
 * empty, is written as guarded text.
 */
export function cellText(cell: CsvCell, delimiter = ','): string {
  if (typeof cell === 'string') return quote(csvText(cell), delimiter);
  if ('date' in cell)
    return cell.date === '' || ISO_DATE.test(cell.date)
      ? cell.date
      : quote(neutraliseFormula(cell.date), delimiter);
  return NUMBER.test(cell.number) ? cell.number : quote(neutraliseFormula(cell.number), delimiter);
}

/**
 * The CSV text of a header row and data rows, each line ended by CRLF.
 * Example: `writeCsv(['名称', '金额'], [['=A1', numberCell('-5.00')], ['00123', numberCell(1)]])`
 * → `'名称,金额\r\n\'=A1,-5.00\r\n\t00123,1\r\n'`.
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
