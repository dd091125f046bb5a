/**
 * What a backup file is checked against before a restore writes anything (issue 24): its checksum, the
 * tables its schema version promises, the row counts recorded when it was written, and every row of the
 * base tables (domain/backup-check.ts). A failed check is a `BackupError` naming what and where.
 */
import {
  backupCustomerIds,
  checkBackupRows,
  compareCounts,
  type BackupCountProblem,
  type BackupRowReport,
} from '../domain/backup-check';
import { BASE_TABLE_NAMES } from '../domain/types';
import { SCHEMA_VERSIONS } from './db';

export type BackupProblem = 'not-json' | 'format' | 'newer' | 'corrupt' | 'checksum' | 'incomplete' | 'rows';

export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly problem: BackupProblem,
    message: string,
    readonly details: { counts?: BackupCountProblem[]; rows?: BackupRowReport } = {},
  ) {
    super(message);
  }
}

/** SHA-256 of the bytes, lower-case hex. */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Throws unless `body` hashes to `expected`. */
export async function verifyChecksum(body: Blob, expected: string): Promise<void> {
  if ((await sha256Hex(body)) !== expected) {
    throw new BackupError('checksum', 'The backup is not the file that was written: cut short or altered');
  }
}

/**
 * The row count each kept table must have: the header's counts when the backup recorded them, else the
 * counts the export wrote in its own metadata. Every table of the file's schema version must be listed
 * (`derived` tables excepted): a table left out of both is missing.
 */
export function expectedCounts(
  dbVersion: number,
  headerCounts: Readonly<Record<string, number>> | undefined,
  exportCounts: ReadonlyMap<string, number>,
  derived: readonly string[],
): Record<string, number> {
  const stores = SCHEMA_VERSIONS.find((v) => v.version === dbVersion)?.stores ?? {};
  const expected: Record<string, number> = {};
  for (const table of Object.keys(stores)) {
    if (derived.includes(table)) continue;
    // A table the file does not list at all has to be in it: -1 never equals a count, so it is reported.
    expected[table] = headerCounts?.[table] ?? exportCounts.get(table) ?? -1;
  }
  for (const [table, count] of Object.entries(headerCounts ?? {})) expected[table] ??= count;
  return expected;
}

/** Throws 'incomplete' when a table is missing or holds another number of rows than recorded. */
export function verifyCounts(expected: Record<string, number>, found: ReadonlyMap<string, number>): void {
  const problems = compareCounts(expected, found);
  if (problems.length > 0) {
    throw new BackupError('incomplete', 'The backup holds fewer tables or rows than it recorded', {
      counts: problems,
    });
  }
}

const ROWS_PER_SLICE = 5_000;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Checks every row of the base tables, a slice at a time; throws 'rows' naming the first problems. */
export async function verifyRows(rows: ReadonlyMap<string, readonly unknown[]>): Promise<void> {
  const report: BackupRowReport = { problems: [], total: 0 };
  const customerIds = backupCustomerIds(rows.get('customers') ?? []);
  for (const table of BASE_TABLE_NAMES) {
    const list = rows.get(table) ?? [];
    const seen = new Set<string>();
    for (let from = 0; from < list.length; from += ROWS_PER_SLICE) {
      checkBackupRows(table, list, from, from + ROWS_PER_SLICE, customerIds, seen, report);
      await nextTask();
    }
  }
  if (report.total > 0) {
    throw new BackupError('rows', `${report.total} rows of the backup are not valid`, { rows: report });
  }
}
