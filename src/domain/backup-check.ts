/**
 * The rows of a backup checked before a restore may replace anything (issue 24).
 *
 * Policy:
 * - Every row of the four base tables passes the same field validation as a hand edit or an import
 *   (validation.ts, 'create' mode): types, ranges, choices. Only errors refuse the file; a warning (a
 *   USCC with a wrong check character, an unlikely year) is data the owner kept on purpose.
 * - Row metadata must have its shape: a non-empty string id, unique in its table; numeric timestamps;
 *   `deletedAt` null or a timestamp; a string `batchId`; on a merged customer, `mergedInto` = {id, label}.
 * - Links must resolve within the backup: a deal's or an interaction's customer must be a customer of
 *   the same file (a trashed one counts). A deal's product line is not checked here: undoing a
 *   product-line import could leave such a link behind in a real book, and refusing the owner's own
 *   backup for it would do more harm than the stale link.
 * - A problem names where: the table, the row's position in that table (1-based, in the file's order:
 *   the backup writes rows in key order, which is also how they are read back), a label a person can
 *   search for (code, name or id), the field and the reason.
 *
 * Pure and incremental: the storage layer feeds rows in slices so a million deals never block the page.
 */
import { validateFields, type ValidationCode } from './validation';
import type { BaseTableName } from './types';

export type BackupRowCode = ValidationCode | 'unknown-customer' | 'duplicate-id';

export interface BackupRowProblem {
  table: BaseTableName;
  /** 1-based position of the row in its table. */
  row: number;
  /** The row's code, name or id, whichever it has first. */
  label: string;
  field: string;
  code: BackupRowCode;
  value?: unknown;
}

/** Collected problems: the first `max` in full, and how many there are in all. */
export interface BackupRowReport {
  problems: BackupRowProblem[];
  total: number;
}

export const BACKUP_PROBLEMS_SHOWN = 20;

// `mergedInto` is written by a merge on the customer it trashed (duplicates/merge-picks.ts): not a field
// the owner edits, but part of the row, checked for its shape in metaIssues.
const META_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'batchId', 'mergedInto']);
const LINKED_TO_CUSTOMER: ReadonlySet<BaseTableName> = new Set(['deals', 'interactions']);

/** The customer ids of the backup (trashed ones included): what deal and interaction links may name. */
export function backupCustomerIds(customers: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  for (const row of customers) {
    const id = (row as { id?: unknown } | null)?.id;
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

function rowLabel(row: Record<string, unknown>): string {
  for (const key of ['code', 'name', 'id']) {
    const value = row[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return '';
}

function metaIssues(row: Record<string, unknown>): { field: string; code: BackupRowCode; value: unknown }[] {
  const issues: { field: string; code: BackupRowCode; value: unknown }[] = [];
  const bad = (field: string) => issues.push({ field, code: 'bad-type', value: row[field] });
  if (typeof row.id !== 'string' || row.id === '') bad('id');
  if (typeof row.createdAt !== 'number' || !Number.isFinite(row.createdAt)) bad('createdAt');
  if (typeof row.updatedAt !== 'number' || !Number.isFinite(row.updatedAt)) bad('updatedAt');
  if (row.deletedAt !== null && typeof row.deletedAt !== 'number') bad('deletedAt');
  if (row.batchId !== undefined && typeof row.batchId !== 'string') bad('batchId');
  if (row.mergedInto !== undefined) {
    const into = row.mergedInto as Record<string, unknown> | null;
    if (typeof into?.id !== 'string' || typeof into.label !== 'string') bad('mergedInto');
  }
  return issues;
}

/**
 * Checks rows `from…to` of one base table of a backup and adds what is wrong to `report`.
 * `seen` holds the ids met so far in this table (shared across slices, for duplicates).
 *
 * Example: a deal `{ id: 'd1', …, customerId: 'c9', amount: 'abc' }` at position 3, with no customer
 * `c9` in the file → `{ table: 'deals', row: 3, field: 'amount', code: 'bad-type', value: 'abc' }` and
 * `{ table: 'deals', row: 3, field: 'customerId', code: 'unknown-customer', value: 'c9' }`.
 */
export function checkBackupRows(
  table: BaseTableName,
  rows: readonly unknown[],
  from: number,
  to: number,
  customerIds: ReadonlySet<string>,
  seen: Set<string>,
  report: BackupRowReport,
): void {
  const add = (problem: BackupRowProblem) => {
    report.total += 1;
    if (report.problems.length < BACKUP_PROBLEMS_SHOWN) report.problems.push(problem);
  };
  for (let i = from; i < Math.min(to, rows.length); i++) {
    const raw = rows[i];
    const where = { table, row: i + 1 };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      add({ ...where, label: '', field: 'id', code: 'bad-type', value: raw });
      continue;
    }
    const row = raw as Record<string, unknown>;
    const label = rowLabel(row);
    for (const issue of metaIssues(row)) add({ ...where, label, ...issue });
    if (typeof row.id === 'string') {
      if (seen.has(row.id)) add({ ...where, label, field: 'id', code: 'duplicate-id', value: row.id });
      seen.add(row.id);
    }
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) if (!META_FIELDS.has(key)) fields[key] = value;
    for (const issue of validateFields(table, fields, 'create')) {
      if (issue.severity === 'error')
        add({ ...where, label, field: issue.field, code: issue.code, value: issue.value });
    }
    if (LINKED_TO_CUSTOMER.has(table) && typeof row.customerId === 'string' && row.customerId !== '') {
      if (!customerIds.has(row.customerId)) {
        add({ ...where, label, field: 'customerId', code: 'unknown-customer', value: row.customerId });
      }
    }
  }
}

export interface BackupCountProblem {
  table: string;
  /** How many rows the backup recorded; null when the table itself is missing from the file. */
  expected: number;
  found: number | null;
}

/**
 * Tables the file promises (`expected`: name → row count recorded at backup time) against what it
 * holds (`found`: name → rows read; a table absent from the file is absent from the map).
 *
 * Example: `compareCounts({ customers: 300, deals: 4000 }, { customers: 300, deals: 1281 })` →
 * `[{ table: 'deals', expected: 4000, found: 1281 }]`.
 */
export function compareCounts(
  expected: Readonly<Record<string, number>>,
  found: ReadonlyMap<string, number>,
): BackupCountProblem[] {
  const problems: BackupCountProblem[] = [];
  for (const [table, count] of Object.entries(expected)) {
    const have = found.get(table);
    if (have === undefined) problems.push({ table, expected: count, found: null });
    else if (have !== count) problems.push({ table, expected: count, found: have });
  }
  return problems;
}
