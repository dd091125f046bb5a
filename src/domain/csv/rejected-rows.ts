/**
 * The rejected-rows file of an import: each rejected row as the file had it, its row number before it
 * and the reasons after it, so the owner can fix the rows and import them again.
 *
 * The import worker keeps the rejected rows of its last dry run and writes this file itself when the
 * owner asks for it: at 100 000 rejected rows they weigh tens of megabytes, which would take the page
 * seconds to receive. The page sends the words (in its language) and gets back a Blob.
 */
import type { ProblemReason, RowProblem } from './convert';
import { numberCell, writeCsv, type CsvCell } from './write';

export interface RejectedRow {
  /** The spreadsheet row number (the header is row 1 when there is one). */
  row: number;
  /** The row's cells as read from the file. */
  record: string[];
  problems: RowProblem[];
}

/** What the page learns of the rejected rows kept for the file. */
export interface RejectedRowsInfo {
  /** Rows kept (at most the import's MAX_REJECTED). */
  rows: number;
  /** Every reason found among them, each once, for the page to translate. */
  reasons: ProblemReason[];
}

export interface RejectedCsvLabels {
  /** Header of the row-number column ("Row"). */
  row: string;
  /** Header of the reasons column ("Reason"). */
  reason: string;
  /** Each reason in words; a reason left out is written as its code. */
  reasons: Partial<Record<ProblemReason, string>>;
}

/** The distinct reasons of `rows`, in order of first appearance. */
export function rejectedRowsInfo(rows: readonly RejectedRow[]): RejectedRowsInfo {
  const reasons = new Set<ProblemReason>();
  for (const r of rows) for (const p of r.problems) reasons.add(p.reason);
  return { rows: rows.length, reasons: [...reasons] };
}

/**
 * The rejected-rows CSV text: header `labels.row, …columns, labels.reason`; each row's cells padded to
 * the columns (missing cells empty, extra cells left out), and its problems as `column: reason` joined
 * by `; `. Cells pass the writer's formula guard and keep-as-text rule like every CSV the app writes
 * (the importer takes the keep-as-text tab off cells of every kind).
 *
 * @example
 * rejectedRowsCsv([{ row: 3, record: ['B002', '十块钱'], problems: [{ row: 3, column: '金额',
 *   value: '十块钱', reason: 'bad-number', severity: 'error' }] }], ['订单号', '金额'],
 *   { row: 'Row', reason: 'Reason', reasons: { 'bad-number': 'not a number' } })
 * // 'Row,订单号,金额,Reason\r\n3,B002,十块钱,金额: not a number\r\n'
 */
export function rejectedRowsCsv(
  rows: readonly RejectedRow[],
  columns: readonly string[],
  labels: RejectedCsvLabels,
): string {
  const header = [labels.row, ...columns, labels.reason];
  const lines = rows.map((r): CsvCell[] => [
    numberCell(r.row),
    ...columns.map((_, i) => r.record[i] ?? ''),
    r.problems.map((p) => `${p.column}: ${labels.reasons[p.reason] ?? p.reason}`).join('; '),
  ]);
  return writeCsv(header, lines);
}
