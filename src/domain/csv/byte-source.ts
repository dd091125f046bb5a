/**
 * A whole file as a synchronous stream of converted rows, read slice by slice through an injected
 * `readSlice` (FileReaderSync in the import worker, a byte array in tests). Being synchronous is the
 * point: the import commit reads the next batch *inside* its IndexedDB transaction without awaiting
 * anything but the database, so the transaction never commits early and the whole import stays one
 * all-or-nothing write (see src/storage/import-commit.ts).
 *
 * Memory stays flat whatever the file size: one slice of bytes, one decoded piece and one batch of rows
 * at a time.
 */
import type { CsvEncoding } from './encoding';
import { bomLengthFor, createDecoder } from './encoding';
import type { Delimiter, Newline } from './dialect';
import { createRowConverter, type ConvertedRow, type ConvertOptions } from './convert';
import { unclosedQuoteLine } from './file-problems';
import { RecordStream } from './records';

export const SLICE_BYTES = 1024 * 1024;

export interface RowSourceOptions extends Omit<ConvertOptions, 'columns'> {
  size: number;
  readSlice: (start: number, end: number) => Uint8Array;
  encoding: CsvEncoding;
  delimiter: Delimiter;
  newline: Newline;
  hasHeader: boolean;
  /** Column names when there is no header row (the header row gives them otherwise). */
  columns: readonly string[];
  sliceBytes?: number;
}

export interface RowBatch {
  rows: ConvertedRow[];
  /** The raw records of `rows`, same order (kept for the rejected-rows file). */
  records: string[][];
  bytesRead: number;
}

/** Thrown when the file is not valid in the chosen (strict) encoding. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(readonly byteOffset: number) {
    super(`The file is not valid text in the chosen encoding near byte ${byteOffset}`);
  }
}

/**
 * Thrown at the end of a file whose last quoted field never closes: PapaParse would read everything from
 * that quote to the end of the file into one cell. `row` is the spreadsheet row where the field opens.
 */
export class UnclosedQuoteError extends Error {
  override readonly name = 'UnclosedQuoteError';
  constructor(readonly row: number) {
    super(`A quoted field opened on row ${row} is never closed`);
  }
}

/**
 * Returns `next()`, which gives the next batch of converted rows, or null at the end of the file.
 * Rows are numbered as a spreadsheet shows them: the header is row 1, the first record row 2.
 */
export function createRowSource(options: RowSourceOptions): { next: () => RowBatch | null } {
  const sliceBytes = options.sliceBytes ?? SLICE_BYTES;
  const decoder = createDecoder(options.encoding);
  const stream = new RecordStream({ delimiter: options.delimiter, newline: options.newline });
  let offset = 0;
  let headerPending = options.hasHeader;
  let rowNumber = options.hasHeader ? 1 : 0;
  let done = false;
  let convert: ReturnType<typeof createRowConverter> | null = options.hasHeader
    ? null
    : createRowConverter({ ...options, columns: options.columns });

  function decode(bytes: Uint8Array, last: boolean): string {
    try {
      return decoder.decode(bytes, { stream: !last });
    } catch {
      throw new DecodeError(offset);
    }
  }

  function toBatch(records: string[][]): RowBatch {
    if (headerPending && records.length > 0) {
      const header = records.shift() ?? [];
      headerPending = false;
      convert = createRowConverter({ ...options, columns: header.map((h) => h.trim()) });
    }
    const rows = records.map((record) => {
      rowNumber++;
      return (convert as NonNullable<typeof convert>)(record, rowNumber);
    });
    return { rows, records, bytesRead: offset };
  }

  return {
    next(): RowBatch | null {
      while (!done) {
        if (offset >= options.size) {
          done = true;
          const tail = decode(new Uint8Array(0), true);
          const complete = stream.push(tail);
          const opened = unclosedQuoteLine(stream.pending, options.delimiter);
          if (opened !== null) throw new UnclosedQuoteError(rowNumber + complete.length + opened);
          return toBatch([...complete, ...stream.flush()]);
        }
        const start = offset;
        const end = Math.min(options.size, start + sliceBytes);
        let bytes = options.readSlice(start, end);
        if (start === 0) bytes = bytes.subarray(bomLengthFor(bytes, options.encoding));
        offset = end;
        const records = stream.push(decode(bytes, false));
        if (records.length > 0) return toBatch(records);
      }
      return null;
    },
  };
}
