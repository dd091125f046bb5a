/**
 * Files the import refuses, with where and why (issue 9, promise 7: a malformed file gives a clear
 * message and writes nothing — or, where the intent is clear, imports correctly).
 *
 * - Size: an empty file is refused; so is a file over `MAX_IMPORT_BYTES`, before a byte of it is read.
 *   The whole import is one IndexedDB transaction (all-or-nothing), and a browser holds such a
 *   transaction's writes until it commits: 256 MB is about 1.8 million deal rows of the bench layout,
 *   more than the reference data set L (1 million deals, a 146 MB file). Larger files are split (by
 *   year, for example) and imported one after another.
 * - Shape, from the first look at the file (`inspectCsv`): no columns at all, a header row and no data
 *   rows, more than `MAX_IMPORT_COLUMNS` columns, binary content (a control character that no text file
 *   has), and a quote that opens a field and never closes (PapaParse would read the rest of the file
 *   into one cell).
 * Mixed line endings are not a problem: every one of CRLF, LF and CR ends a record (records.ts).
 */
import type { CsvInspection } from './inspect';

export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
export const MAX_IMPORT_COLUMNS = 500;

export type FileProblem =
  | { kind: 'empty' }
  | { kind: 'too-big'; bytes: number; limit: number }
  | { kind: 'no-rows' }
  | { kind: 'too-wide'; columns: number; limit: number }
  | { kind: 'binary'; line: number; code: number }
  | { kind: 'unclosed-quote'; line: number };

/** A file refused for its size alone (checked before reading it). */
export function sizeProblem(bytes: number): FileProblem | null {
  if (bytes === 0) return { kind: 'empty' };
  if (bytes > MAX_IMPORT_BYTES) return { kind: 'too-big', bytes, limit: MAX_IMPORT_BYTES };
  return null;
}

/**
 * The first control character that no CSV text holds (anything below U+0020 but tab, LF, CR, form feed
 * and the old end-of-file mark U+001A), as its 1-based line and character code; null when there is none.
 */
export function firstBinaryCharacter(text: string): { line: number; code: number } | null {
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 32) continue;
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) line++;
    else if (code !== 9 && code !== 13 && code !== 12 && code !== 26) return { line, code };
  }
  return null;
}

/**
 * The 1-based line on which a quoted field opens and never closes, or null. Same quote rules as the
 * parser (records.ts): a quote opens a field only at its start, `""` inside it is a quote.
 */
export function unclosedQuoteLine(text: string, delimiter: string): number | null {
  let line = 1;
  let openedOn = 0;
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const newline = code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10);
    if (inQuotes) {
      if (code === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else inQuotes = false;
      } else if (newline) line++;
      continue;
    }
    if (newline) {
      line++;
      atFieldStart = true;
    } else if (code === 34 && atFieldStart) {
      inQuotes = true;
      openedOn = line;
      atFieldStart = false;
    } else if (code !== 13) {
      atFieldStart = text[i] === delimiter;
    }
  }
  return inQuotes ? openedOn : null;
}

/**
 * What is wrong with a file from its first look, in order of what to fix first. `text` is the decoded
 * sample, `complete` says the sample is the whole file (an unclosed quote and "no rows" can only be
 * told then; a longer file is checked again as it streams).
 */
export function inspectionProblem(
  inspection: Pick<CsvInspection, 'columns' | 'records' | 'hasHeader' | 'delimiter'>,
  text: string,
  complete: boolean,
): FileProblem | null {
  const binary = firstBinaryCharacter(text);
  if (binary) return { kind: 'binary', ...binary };
  if (inspection.columns.length === 0) return { kind: 'empty' };
  if (inspection.columns.length > MAX_IMPORT_COLUMNS) {
    return { kind: 'too-wide', columns: inspection.columns.length, limit: MAX_IMPORT_COLUMNS };
  }
  if (complete) {
    const line = unclosedQuoteLine(text, inspection.delimiter);
    if (line !== null) return { kind: 'unclosed-quote', line };
    if (inspection.hasHeader && inspection.records.length === 0) return { kind: 'no-rows' };
  }
  return null;
}
