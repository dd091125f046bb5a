/**
 * Tab-separated text as spreadsheets put it on the clipboard (Excel, WPS, Google Sheets, LibreOffice).
 *
 * Format rules (the ones those programs follow, not a formal standard):
 * - Rows end with CRLF, LF or a lone CR; one line break at the very end is a terminator, not an empty row.
 * - Cells are separated by a tab. A cell that holds a tab, a line break or a double quote is written in
 *   double quotes, with each inner quote doubled (`"say ""hi"""`).
 * - A quote inside an unquoted cell is literal (`5" pipe`): only a cell that *starts* with a quote is quoted.
 * - Rows may be ragged; nothing is padded here (the paste code decides what a short row means).
 */

const NEEDS_QUOTES = /[\t\r\n"]/;

/**
 * Parses a clipboard block into rows of cells.
 *
 * @example
 * parseTsv('a\tb\r\n"x\ny"\t2\r\n'); // [['a', 'b'], ['x\ny', '2']]
 * parseTsv(''); // []
 */
export function parseTsv(text: string): string[][] {
  if (text === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let cell = '';
    if (text[i] === '"') {
      // Quoted cell: runs to the quote that is not doubled; anything after it up to the separator is kept.
      i += 1;
      while (i < n) {
        const ch = text[i];
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        cell += ch;
        i += 1;
      }
    }
    while (i < n && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') {
      cell += text[i];
      i += 1;
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      break;
    }
    const sep = text[i];
    if (sep === '\t') {
      i += 1;
      continue;
    }
    // A line break: CRLF counts as one.
    i += sep === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

function quote(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * Writes rows as a clipboard block: cells joined by tabs, rows ended by CRLF (as Excel does).
 * A row made of one empty cell is written as `""` so that it survives a round trip.
 *
 * @example
 * writeTsv([['Name', 'Notes'], ['Acme', 'two\nlines']]); // 'Name\tNotes\r\nAcme\t"two\nlines"\r\n'
 */
export function writeTsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((cells) => (cells.length === 1 && cells[0] === '' ? '""' : cells.map(quote).join('\t')) + '\r\n')
    .join('');
}
