/**
 * Streaming CSV records: decoded text arrives in pieces (file slices), records leave in batches.
 *
 * PapaParse parses each batch synchronously (its own `worker: true` breaks in a minified Vite build, and
 * its chunked readers cut multi-byte characters at slice borders; we decode first, then parse). A batch
 * ends at the last record end that lies outside quotes, found by a scanner that follows the same rules
 * as PapaParse: a quote opens a quoted field only at the start of a field, `""` inside it is a quote.
 * The rest waits for the next piece, so a quoted newline is never split.
 */
import Papa from 'papaparse';
import type { Delimiter, Newline } from './dialect';

/**
 * One pass over `text`: the index just after the last record end outside quotes (0 when there is none),
 * and whether a record end other than `newline` occurs outside quotes (a file with mixed line endings,
 * as when lines were appended by another program).
 */
export function scanRecordEnds(
  text: string,
  delimiter: string,
  newline: Newline = '\r\n',
): { end: number; mixed: boolean } {
  let end = 0;
  let mixed = false;
  let inQuotes = false;
  let atFieldStart = true;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (inQuotes) {
      if (code === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (code === 10) {
      end = i + 1;
      atFieldStart = true;
      if (newline !== '\n') mixed = true;
    } else if (code === 13) {
      // A CR that is the last character may be the first half of a CRLF: wait for more text.
      if (i + 1 === n) break;
      const crlf = text.charCodeAt(i + 1) === 10;
      if (crlf) i++;
      if (newline !== (crlf ? '\r\n' : '\r')) mixed = true;
      end = i + 1;
      atFieldStart = true;
    } else if (code === 34 && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else {
      atFieldStart = text[i] === delimiter;
    }
  }
  return { end, mixed };
}

/** Index just after the last record end outside quotes in `text`, or 0 when there is none. */
export function lastRecordEnd(text: string, delimiter: string): number {
  return scanRecordEnds(text, delimiter).end;
}

/**
 * `text` with every record end outside quotes written as LF; line breaks inside quoted fields stay as
 * they are (they are part of the cell's text).
 */
export function normaliseRecordEnds(text: string, delimiter: string): string {
  let out = '';
  let from = 0;
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inQuotes) {
      if (code === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (code === 13) {
      out += text.slice(from, i) + '\n';
      if (text.charCodeAt(i + 1) === 10) i++;
      from = i + 1;
      atFieldStart = true;
    } else if (code === 10) {
      atFieldStart = true;
    } else if (code === 34 && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else {
      atFieldStart = text[i] === delimiter;
    }
  }
  return out + text.slice(from);
}

export interface ParseOptions {
  delimiter: Delimiter;
  newline: Newline;
}

/**
 * Parses complete records with PapaParse; blank lines are dropped. Mixed line endings (CRLF, LF and CR
 * in one file) all end a record: such text is normalised to LF first. `mixed` skips the check when the
 * caller has already scanned the text.
 */
export function parseRecords(text: string, options: ParseOptions, mixed?: boolean): string[][] {
  if (text === '') return [];
  const isMixed = mixed ?? scanRecordEnds(text, options.delimiter, options.newline).mixed;
  const result = Papa.parse<string[]>(isMixed ? normaliseRecordEnds(text, options.delimiter) : text, {
    delimiter: options.delimiter,
    newline: isMixed ? '\n' : options.newline,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: true,
  });
  return result.data;
}

/**
 * Collects decoded text pieces and hands out the complete records so far. `flush()` returns the rest at
 * the end of the file (an unterminated last line, or an unclosed quote that PapaParse reads to the end).
 */
export class RecordStream {
  #rest = '';
  readonly #options: ParseOptions;

  constructor(options: ParseOptions) {
    this.#options = options;
  }

  push(text: string): string[][] {
    const all = this.#rest + text;
    const { end, mixed } = scanRecordEnds(all, this.#options.delimiter, this.#options.newline);
    this.#rest = all.slice(end);
    return parseRecords(all.slice(0, end), this.#options, mixed);
  }

  /** The text after the last complete record, not yet parsed. */
  get pending(): string {
    return this.#rest;
  }

  flush(): string[][] {
    const rest = this.#rest;
    this.#rest = '';
    return parseRecords(rest, this.#options);
  }
}
