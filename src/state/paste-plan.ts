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
import { codeKey } from '../domain/duplicates/normalise';
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
  /** For 'duplicate-code': the row that holds the code already ("C0001 · 华成电子"). */
  other?: string;
}

export interface PastePlan<T extends BaseTableName> {
  updates: { id: string; patch: Partial<Fields<T>>; before: Partial<Fields<T>> }[];
  creates: Partial<Fields<T>>[];
  /** The row number each create would have (same order as `creates`). */
  createRows: number[];
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
  const plan: PastePlan<T> = { updates: [], creates: [], createRows: [], issues: [] };
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
    plan.createRows.push(number);
  });
  return plan;
}

/** The customer codes a paste plan gives, and the rows that give up their stored code. */
export function claimedCodes(plan: PastePlan<'customers'>): { codes: string[]; exceptIds: string[] } {
  const codes: string[] = [];
  const exceptIds: string[] = [];
  for (const u of plan.updates) {
    if (typeof u.patch.code !== 'string') continue;
    codes.push(u.patch.code);
    exceptIds.push(u.id);
  }
  for (const c of plan.creates) if (typeof c.code === 'string') codes.push(c.code);
  return { codes, exceptIds };
}

/**
 * Refuses the codes of a customers paste that a live customer holds (`owners`: codeKey → "C0001 · 华成电子") or that an earlier row of the same paste takes: a changed row keeps its stored code (its other
 * cells are still written), a new row is not added. Each refusal names the row holding the code.
 */
export function refuseTakenCodes(
  plan: PastePlan<'customers'>,
  owners: ReadonlyMap<string, string>,
  codeHeader: string,
  rowOf: (id: string) => { number: number; name: string },
): PastePlan<'customers'> {
  const claimed = new Map<string, string>();
  const issues: CellIssue[] = [...plan.issues];
  const takenBy = (code: string): string | null => {
    const key = codeKey(code);
    if (key === '') return null;
    return owners.get(key) ?? claimed.get(key) ?? null;
  };
  const refuse = (row: number, value: string, other: string) =>
    issues.push({ row, column: codeHeader, value, code: 'duplicate-code', severity: 'error', other });
  const updates: PastePlan<'customers'>['updates'] = [];
  for (const u of plan.updates) {
    const code = u.patch.code;
    if (typeof code !== 'string') {
      updates.push(u);
      continue;
    }
    const { number: row, name } = rowOf(u.id);
    const other = takenBy(code);
    if (other === null) {
      claimed.set(codeKey(code), `${code} · ${u.patch.name ?? name}`);
      updates.push(u);
      continue;
    }
    refuse(row, code, other);
    const { code: _code, ...patch } = u.patch;
    const { code: kept, ...before } = u.before;
    if (typeof kept === 'string' && codeKey(kept) !== '') claimed.set(codeKey(kept), `${kept} · ${name}`);
    if (Object.keys(patch).length > 0) updates.push({ id: u.id, patch, before });
  }
  const creates: PastePlan<'customers'>['creates'] = [];
  const createRows: number[] = [];
  plan.creates.forEach((c, i) => {
    const row = plan.createRows[i] ?? 0;
    const other = typeof c.code === 'string' ? takenBy(c.code) : null;
    if (other !== null) return refuse(row, String(c.code), other);
    if (typeof c.code === 'string' && codeKey(c.code) !== '')
      claimed.set(codeKey(c.code), `${c.code} · ${c.name ?? ''}`);
    creates.push(c);
    createRows.push(row);
  });
  return { updates, creates, createRows, issues };
}
