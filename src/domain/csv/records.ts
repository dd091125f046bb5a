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

/** Index just after the last record end outside quotes in `text`, or 0 when there is none. */
export function lastRecordEnd(text: string, delimiter: string): number {
  let end = 0;
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
    } else if (code === 13) {
      // A CR that is the last character may be the first half of a CRLF: wait for more text.
      if (i + 1 === n) break;
      if (text.charCodeAt(i + 1) === 10) i++;
      end = i + 1;
      atFieldStart = true;
    } else if (code === 34 && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else {
      atFieldStart = text[i] === delimiter;
    }
  }
  return end;
}

export interface ParseOptions {
  delimiter: Delimiter;
  newline: Newline;
}

/** Parses complete records with PapaParse; blank lines are dropped. */
export function parseRecords(text: string, options: ParseOptions): string[][] {
  if (text === '') return [];
  const result = Papa.parse<string[]>(text, {
    delimiter: options.delimiter,
    newline: options.newline,
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
    const end = lastRecordEnd(all, this.#options.delimiter);
    this.#rest = all.slice(end);
    return parseRecords(all.slice(0, end), this.#options);
  }

  flush(): string[][] {
    const rest = this.#rest;
    this.#rest = '';
    return parseRecords(rest, this.#options);
  }
}
