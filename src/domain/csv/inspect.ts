/**
 * The first look at a file, before any import: encoding, delimiter, line ending, header row, the first
 * records, the automatic mapping and the day/month order of each date column. Runs on a sample (the first
 * megabyte or so); every choice can be overridden by the user, and the import then reads the whole file
 * with the chosen settings.
 */
import type { BaseTableName } from '../types';
import { detectDateOrder, type DateOrder } from './dates';
import { detectNewline, sniffDelimiter, type Delimiter, type Newline } from './dialect';
import { bomLengthFor, createDecoder, detectEncoding, type CsvEncoding } from './encoding';
import { targetField } from './fields';
import { inspectionProblem, type FileProblem } from './file-problems';
import { autoMap, type ColumnMapping } from './mapping';
import { lastRecordEnd, parseRecords } from './records';

export interface InspectOverrides {
  encoding?: CsvEncoding;
  delimiter?: Delimiter;
  hasHeader?: boolean;
}

export interface CsvInspection {
  encoding: CsvEncoding;
  encodingReason: 'bom' | 'utf-8' | 'utf-8-damaged' | 'fallback' | 'user';
  /** For 'utf-8-damaged': the line holding the first byte sequence that is not UTF-8. */
  badLine?: number;
  bomLength: number;
  delimiter: Delimiter;
  newline: Newline;
  hasHeader: boolean;
  /** Column names: the header row, or `#1`, `#2`… without one. */
  columns: string[];
  /** The first data records of the sample. */
  records: string[][];
  mapping: ColumnMapping;
  /** Detected day/month order of each mapped date column. */
  dateOrders: Record<number, DateOrder | 'ambiguous'>;
  /** The sample is not valid in the chosen encoding (a strict UTF-8 choice on a GBK file). */
  decodeError: boolean;
  /** Why the file cannot be imported as it is (file-problems.ts), or null. */
  problem: FileProblem | null;
}

export const PREVIEW_RECORDS = 200;

/** Column names when the file has no header row: `#1`, `#2`, … */
export function numberedColumns(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `#${i + 1}`);
}

/** The day/month order of every date column of `mapping`, from the values of `records`. */
export function detectDateOrders(
  table: BaseTableName,
  mapping: ColumnMapping,
  records: readonly (readonly string[])[],
): Record<number, DateOrder | 'ambiguous'> {
  const orders: Record<number, DateOrder | 'ambiguous'> = {};
  mapping.forEach((key, column) => {
    if (key !== '' && targetField(table, key)?.kind === 'date') {
      orders[column] = detectDateOrder(records.map((r) => r[column] ?? ''));
    }
  });
  return orders;
}

/** Inspects the start of a file. `truncated` says the sample is not the whole file. */
export function inspectCsv(
  sample: Uint8Array,
  truncated: boolean,
  table: BaseTableName,
  overrides: InspectOverrides = {},
): CsvInspection {
  const detected = detectEncoding(sample, truncated);
  const encoding = overrides.encoding ?? detected.encoding;
  const bomLength = bomLengthFor(sample, encoding);
  let text: string;
  let decodeError = false;
  try {
    text = createDecoder(encoding).decode(sample.subarray(bomLength), { stream: truncated });
  } catch {
    decodeError = true;
    text = new TextDecoder(encoding).decode(sample.subarray(bomLength), { stream: truncated });
  }
  const delimiter = overrides.delimiter ?? sniffDelimiter(text.slice(0, 64 * 1024));
  const newline = detectNewline(text);
  const complete = truncated ? text.slice(0, lastRecordEnd(text, delimiter)) : text;
  const all = parseRecords(complete, { delimiter, newline });
  const hasHeader = overrides.hasHeader ?? true;
  const width = Math.max(0, ...all.slice(0, 50).map((r) => r.length));
  const columns = hasHeader ? (all[0] ?? []).map((h) => h.trim()) : numberedColumns(width);
  const records = all.slice(hasHeader ? 1 : 0, (hasHeader ? 1 : 0) + PREVIEW_RECORDS);
  const mapping = hasHeader ? autoMap(table, columns) : columns.map(() => '');
  return {
    encoding,
    encodingReason: overrides.encoding ? 'user' : detected.reason,
    bomLength,
    delimiter,
    newline,
    hasHeader,
    columns,
    records,
    mapping,
    dateOrders: detectDateOrders(table, mapping, records),
    decodeError,
    ...(detected.badLine !== undefined && !overrides.encoding ? { badLine: detected.badLine } : {}),
    problem: inspectionProblem({ columns, records, hasHeader, delimiter }, text, !truncated),
  };
}

/**
 * A whole small file at once (tests, pasted text, files of a few megabytes): its inspection and every
 * data record. Big files go through the worker, which streams them.
 */
export function readCsv(
  bytes: Uint8Array,
  table: BaseTableName,
  overrides: InspectOverrides = {},
): { inspection: CsvInspection; records: string[][] } {
  const inspection = inspectCsv(bytes, false, table, overrides);
  const text = new TextDecoder(inspection.encoding).decode(bytes.subarray(inspection.bomLength));
  const all = parseRecords(text, { delimiter: inspection.delimiter, newline: inspection.newline });
  return { inspection, records: all.slice(inspection.hasHeader ? 1 : 0) };
}
