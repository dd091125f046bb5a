/**
 * Paste of a spreadsheet block at the focused cell, planned before anything is written.
 *
 * Policy (DESIGN.md §7: bad input gets row, column and reason, and nothing is lost):
 * - The block fills rightwards from the focused column over the visible columns, and downwards over the
 *   visible rows; rows beyond the last become new rows. Cells past the last column are ignored.
 * - Every cell is parsed and validated on its own. A bad cell is reported and left as it was; the good
 *   cells of the same row are still written. Warnings (a USCC check character) are reported and kept.
 * - In a new row a blank cell is "not given" (the default applies); in an existing row it clears the cell.
 * - A new row that still lacks a required field (a deal without its customer) is reported whole and
 *   not added; a block row that is entirely blank is skipped.
 * - A first row that repeats the column headers (a copy "with headers") is dropped.
 * - The caller writes the plan in one transaction, so the paste lands whole or not at all.
 */
import type { CellParse } from '../domain/cell-values';
import type { BaseTableName, Fields } from '../domain/types';
import { validateFields } from '../domain/validation';
import { sameValue } from '../storage/history';
import type { FieldColumn } from './sheet-columns';

export interface PasteColumn {
  /** null: a computed column, which refuses pasted text. */
  spec: FieldColumn | null;
  header: string;
}

export interface PasteRow {
  id: string;
  fields: Record<string, unknown>;
  /** The row number the user sees (1-based). */
  number: number;
}

export interface CellIssue {
  /** Row number as seen on screen (1-based); for a new row, the number it would have had. */
  row: number;
  column: string;
  value: string;
  /** A validation or parse code, or 'read-only' / 'missing-row'. */
  code: string;
  severity: 'error' | 'warning';
  /** For 'missing-row': the headers of the missing required columns. */
  fields?: string;
}

export interface PastePlan<T extends BaseTableName> {
  updates: { id: string; patch: Partial<Fields<T>>; before: Partial<Fields<T>> }[];
  creates: Partial<Fields<T>>[];
  issues: CellIssue[];
}

function isHeaderRow(cells: readonly string[], columns: readonly PasteColumn[]): boolean {
  let matched = 0;
  for (let j = 0; j < cells.length && j < columns.length; j += 1) {
    const text = (cells[j] ?? '').trim().toLowerCase();
    if (text === '') continue;
    if (text !== columns[j]?.header.trim().toLowerCase()) return false;
    matched += 1;
  }
  return matched > 0;
}

export function planPaste<T extends BaseTableName>(
  table: T,
  block: readonly (readonly string[])[],
  columns: readonly PasteColumn[],
  rows: readonly PasteRow[],
  nextRowNumber: number,
  parse: (spec: FieldColumn, text: string) => CellParse,
): PastePlan<T> {
  const plan: PastePlan<T> = { updates: [], creates: [], issues: [] };
  const body = block.length > 1 && isHeaderRow(block[0] ?? [], columns) ? block.slice(1) : block;

  body.forEach((cells, i) => {
    const existing = rows[i];
    const number = existing ? existing.number : nextRowNumber + (i - rows.length);
    const fields: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    let blank = true;
    cells.slice(0, columns.length).forEach((text, j) => {
      const column = columns[j] as PasteColumn;
      if (text.trim() !== '') blank = false;
      const report = (code: string, severity: CellIssue['severity'] = 'error') =>
        plan.issues.push({ row: number, column: column.header, value: text, code, severity });
      // In a new row a blank cell means "not given": the field takes its default.
      if (!existing && text.trim() === '') return;
      if (column.spec === null) {
        if (text.trim() !== '') report('read-only');
        return;
      }
      const field = column.spec.field;
      const parsed = parse(column.spec, text);
      if (!parsed.ok) return report(parsed.code);
      const issues = validateFields(table, { [field]: parsed.value } as Partial<Fields<T>>, 'update');
      const error = issues.find((issue) => issue.severity === 'error');
      if (error) return report(error.code);
      for (const warning of issues) report(warning.code, 'warning');
      if (existing && sameValue(existing.fields[field], parsed.value)) return;
      fields[field] = parsed.value;
      if (existing) before[field] = existing.fields[field];
    });
    if (existing) {
      if (Object.keys(fields).length > 0) {
        plan.updates.push({
          id: existing.id,
          patch: fields as Partial<Fields<T>>,
          before: before as Partial<Fields<T>>,
        });
      }
      return;
    }
    if (blank) return;
    const missing = validateFields(table, fields as Partial<Fields<T>>, 'create').filter(
      (issue) => issue.code === 'required',
    );
    if (missing.length > 0) {
      const headers = missing.map(
        (issue) => columns.find((c) => c.spec?.field === issue.field)?.header ?? issue.field,
      );
      plan.issues.push({
        row: number,
        column: headers.join(', '),
        value: '',
        code: 'missing-row',
        severity: 'error',
        fields: headers.join(', '),
      });
      return;
    }
    plan.creates.push(fields as Partial<Fields<T>>);
  });
  return plan;
}
