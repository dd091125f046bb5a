/**
 * Full backup and restore.
 *
 * File format: one UTF-8 file, two parts. Line 1 is our header, a JSON object
 * `{ format: 'kehu-backup', formatVersion, appVersion, dbVersion, exportedAt, counts?, sha256? }`; after
 * the newline comes the database exactly as dexie-export-import's `exportDB` writes it. `counts` (rows per
 * table) and `sha256` (of the body) are written since issue 24; older backups without them still restore
 * after the other checks. The header is read and checked before anything else happens (Excalidraw's
 * data/json.ts does the same for its files).
 *
 * Restore policy (DESIGN.md §7, issue 24): nothing is replaced before the whole file has been checked.
 * 1. Header: format and versions (a backup from a newer schema is refused: old code must never write rows
 *    of a shape it does not know), then the export's own metadata.
 * 2. Checksum: when the header has one, the body must hash to it (a file cut short or edited fails here).
 * 3. Stage: the export is imported into a separate staging database; every table the file's schema
 *    version has must be there with the row count recorded at backup time (the header's counts, else the
 *    export's own). The staging database is then opened with the current schema so every upgrade of the
 *    ladder runs on it (a v1 backup restores into v2).
 * 4. Rows: every row of the base tables passes the sheets' validation and its customer link resolves
 *    within the file (backup-verify.ts). A failure names the table, row, field and reason.
 *    Steps 1–4 are `prepareRestore`; the owner confirms after them, never before.
 * 5. Keep a pre-restore copy of the current data (in its own small database), so the restore can be
 *    undone.
 * 6. Replace: every table is cleared and refilled from the staged rows in ONE transaction, so a failure
 *    or a full disk leaves the data as it was.
 * Derived tables rebuilt from the base tables (the packed deal copy) are neither written nor restored:
 * the file keeps their schema only, and restoring clears them, so they are rebuilt from the new rows.
 */
import { exportDB, importDB, peakImportFile } from 'dexie-export-import';
import Dexie from 'dexie';
import { version as appVersion } from '../../package.json';
import type { Timestamp } from '../domain/types';
import { CURRENT_SCHEMA_VERSION, KehuDb } from './db';
import { DEAL_PACK_TABLE } from './deal-pack';
import { handleStorageError, toAppStorageError } from './errors';
import { stagingName, withRestoreLock } from './restore-staging';
import { TABLE_STATS_TABLE } from './table-stats';
import { writeTimestamp } from './clock';
import { withImportsSince, workSince, type LaterWork } from './later-work';
import {
  BackupError,
  expectedCounts,
  sha256Hex,
  verifyChecksum,
  verifyCounts,
  verifyRows,
} from './backup-verify';

export { BackupError, type BackupProblem } from './backup-verify';

export const BACKUP_FORMAT = 'kehu-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const LAST_BACKUP_KEY = 'lastBackupAt';
/** Rebuilt from the base tables by the storage layer: never written to a backup, never restored. */
const DERIVED_TABLES = [DEAL_PACK_TABLE, TABLE_STATS_TABLE];
/** Export filter: the derived tables keep their schema in the file, but none of their rows. */
const notDerived = (table: string) => !DERIVED_TABLES.includes(table);

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  dbVersion: number;
  exportedAt: Timestamp;
  /** Rows per kept table when the backup was written (absent in backups before issue 24). */
  counts?: Record<string, number>;
  /** SHA-256 of the body, hex (absent in backups before issue 24). */
  sha256?: string;
}

const HEADER_MAX_BYTES = 4096;

function isCounts(value: unknown): value is Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
}

function isHeader(value: unknown): value is BackupHeader {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.format === BACKUP_FORMAT &&
    typeof v.formatVersion === 'number' &&
    typeof v.appVersion === 'string' &&
    typeof v.dbVersion === 'number' &&
    typeof v.exportedAt === 'number' &&
    (v.sha256 === undefined || typeof v.sha256 === 'string') &&
    (v.counts === undefined || isCounts(v.counts))
  );
}

/** Writes a backup of the whole database and records when. */
export async function createBackup(db: KehuDb, now: Timestamp = Date.now()): Promise<Blob> {
  try {
    await db.open();
    const data = await exportDB(db, { filter: notDerived });
    // The export counts every table in the same read transaction as its rows; derived tables are
    // counted there although their rows are left out, so they are left out of ours.
    const meta = await peakImportFile(data);
    const counts = Object.fromEntries(
      meta.data.tables.filter((t) => notDerived(t.name)).map((t) => [t.name, t.rowCount]),
    );
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion,
      dbVersion: db.verno,
      exportedAt: now,
      counts,
      sha256: await sha256Hex(data),
    };
    await db.settings.put({ key: LAST_BACKUP_KEY, value: now });
    return new Blob([`${JSON.stringify(header)}\n`, data], { type: 'application/json' });
  } catch (e) {
    throw handleStorageError(e);
  }
}

/** Reads and checks the header of a backup file; throws a BackupError when it cannot be restored. */
export async function readBackupHeader(
  file: Blob,
): Promise<{ header: BackupHeader; body: Blob; exportCounts: Map<string, number> }> {
  const start = new Uint8Array(await file.slice(0, HEADER_MAX_BYTES).arrayBuffer());
  const newline = start.indexOf(0x0a);
  if (newline < 0) throw new BackupError('not-json', 'No backup header');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(start.subarray(0, newline)));
  } catch {
    throw new BackupError('not-json', 'The backup header is not JSON');
  }
  if (!isHeader(parsed)) throw new BackupError('format', 'Not a Kehu backup');
  if (parsed.formatVersion > BACKUP_FORMAT_VERSION || parsed.dbVersion > CURRENT_SCHEMA_VERSION) {
    throw new BackupError('newer', `Backup of schema ${parsed.dbVersion} is newer than this app`);
  }
  const body = file.slice(newline + 1);
  try {
    const meta = await peakImportFile(body);
    if (meta.formatName !== 'dexie' || meta.data.databaseVersion !== parsed.dbVersion) {
      throw new BackupError('corrupt', 'The backup body does not match its header');
    }
    const exportCounts = new Map(meta.data.tables.map((t) => [t.name, t.rowCount]));
    return { header: parsed, body, exportCounts };
  } catch (e) {
    throw e instanceof BackupError ? e : new BackupError('corrupt', 'The backup body cannot be read');
  }
}

/**
 * Every row of every table of a database staged from a backup body, upgraded to the current schema.
 * With `expected`, the tables and row counts as imported (before any upgrade) must match it.
 */
async function stage(body: Blob, expected?: Record<string, number>): Promise<Map<string, unknown[]>> {
  return withRestoreLock(async () => {
    const name = stagingName();
    try {
      const imported = await importDB(body, { name });
      try {
        const found = new Map<string, number>();
        for (const table of imported.tables) found.set(table.name, await table.count());
        if (expected) verifyCounts(expected, found);
      } finally {
        imported.close();
      }
      const staged = new KehuDb(name);
      try {
        await staged.open();
        const rows = new Map<string, unknown[]>();
        for (const table of staged.tables) rows.set(table.name, await table.toArray());
        return rows;
      } finally {
        staged.close();
      }
    } catch (e) {
      if (e instanceof BackupError) throw e;
      // A full disk while staging is a full disk, not a damaged file: the same file restores once
      // there is room (Dexie may wrap the QuotaExceededError; toAppStorageError walks `inner`).
      if (toAppStorageError(e).kind === 'quota') throw handleStorageError(e);
      throw new BackupError('corrupt', `The backup cannot be read: ${String(e)}`);
    } finally {
      await Dexie.delete(name);
    }
  });
}

/** Replaces every table of `db` with `rows`, in one transaction. */
async function replaceAll(db: KehuDb, rows: Map<string, unknown[]>): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      // The table statistics follow the clears and adds below by themselves (table-stats.ts): clearing
      // them would restart the write versions the value engine compares.
      if (table.name === TABLE_STATS_TABLE) continue;
      await table.clear();
      if (DERIVED_TABLES.includes(table.name)) continue;
      const list = rows.get(table.name);
      if (list && list.length > 0) await table.bulkAdd(list);
    }
  });
}

/** The database holding the pre-restore copy (one record). */
function copyDb(db: KehuDb): Dexie {
  const copies = new Dexie(`${db.name}-pre-restore`);
  copies.version(1).stores({ copies: 'id' });
  return copies;
}

export interface RestoreResult {
  header: BackupHeader;
  counts: Record<string, number>;
}

/** A backup file that passed every check (steps 1–4 above), ready to replace the data. */
export interface CheckedBackup {
  header: BackupHeader;
  rows: Map<string, unknown[]>;
}

/** Steps 1–4 of the policy: reads and checks the whole file, writing nothing. Throws BackupError. */
export async function prepareRestore(file: Blob): Promise<CheckedBackup> {
  const { header, body, exportCounts } = await readBackupHeader(file);
  if (header.sha256 !== undefined) await verifyChecksum(body, header.sha256);
  const rows = await stage(
    body,
    expectedCounts(header.dbVersion, header.counts, exportCounts, DERIVED_TABLES),
  );
  await verifyRows(rows);
  return { header, rows };
}

/** Restores a backup file (see the policy above). Throws BackupError or AppStorageError. */
export async function restoreBackup(db: KehuDb, file: Blob): Promise<RestoreResult> {
  return applyRestore(db, await prepareRestore(file));
}

/** Steps 5–6: keeps a copy of the current data, then replaces it with the checked backup. */
export async function applyRestore(db: KehuDb, checked: CheckedBackup): Promise<RestoreResult> {
  const { header, rows } = checked;
  try {
    const before = await exportDB(db, { filter: notDerived });
    const copies = copyDb(db);
    try {
      // `at` is when the replaced data ends: a history entry after it is the owner's later work.
      await copies.table('copies').put({
        id: 'latest',
        at: writeTimestamp(),
        text: await before.text(),
        complete: false,
      });
    } finally {
      copies.close();
    }
    await replaceAll(db, rows);
    // Only now may the restore be undone: a browser closed before this line restored nothing, and an
    // incomplete copy is never offered (nor used).
    const done = copyDb(db);
    try {
      await done.table('copies').update('latest', { complete: true });
    } finally {
      done.close();
    }
  } catch (e) {
    throw handleStorageError(e);
  }
  return { header, counts: Object.fromEntries([...rows].map(([t, list]) => [t, list.length])) };
}

/** Whether a pre-restore copy exists (the last restore can be undone). */
export async function hasPreRestoreCopy(db: KehuDb): Promise<boolean> {
  return (await readCopy(db)) !== undefined;
}

interface PreRestoreCopy {
  at: Timestamp;
  text: string;
  /** False until the restore it was taken for has committed (absent in copies before issue 24). */
  complete?: boolean;
}

/** The copy taken before the last restore, if that restore finished. */
async function readCopy(db: KehuDb): Promise<PreRestoreCopy | undefined> {
  const copies = copyDb(db);
  try {
    const copy = (await copies.table('copies').get('latest')) as PreRestoreCopy | undefined;
    return copy?.complete === false ? undefined : copy;
  } finally {
    copies.close();
  }
}

/** Rows written after `at`: by the history, and by the imports committed since (no per-row history). */
async function laterWork(db: KehuDb, at: Timestamp): Promise<LaterWork> {
  return withImportsSince(db, at, await workSince(db, at));
}

/** The rows added or changed since the last restore (what undoing it would lose), or null without one. */
export async function workSinceRestore(db: KehuDb): Promise<LaterWork | null> {
  try {
    const copy = await readCopy(db);
    return copy ? await laterWork(db, copy.at) : null;
  } catch (e) {
    throw handleStorageError(e);
  }
}

/**
 * Puts back the data as it was before the last restore, and forgets the copy. With `keepLater` (the
 * default), rows added or changed since the restore are kept as they are now, with their history and
 * the imports made since: only what the restore itself brought is taken back.
 */
export async function undoRestore(db: KehuDb, keepLater = true): Promise<void> {
  try {
    const copy = await readCopy(db);
    if (!copy) return;
    const rows = await stage(new Blob([copy.text], { type: 'application/json' }));
    await db.transaction('rw', db.tables, async () => {
      if (keepLater) await carryOver(db, copy.at, rows);
      await replaceAll(db, rows);
    });
    const copies = copyDb(db);
    try {
      await copies.table('copies').delete('latest');
    } finally {
      copies.close();
    }
  } catch (e) {
    throw e instanceof BackupError ? e : handleStorageError(e);
  }
}

/**
 * Adds to `rows` (by id, replacing) the rows, history entries and import records written after `at`
 * (rows created by imports since included), and the customers and product lines those rows link to: the data
 * before the restore may not hold them, and a kept row must never name a row that is gone.
 */
async function carryOver(db: KehuDb, at: Timestamp, rows: Map<string, unknown[]>): Promise<void> {
  const later = await laterWork(db, at);
  const merge = (table: string, extra: readonly unknown[]) => {
    const byId = new Map((rows.get(table) ?? []).map((row) => [(row as { id: string }).id, row]));
    for (const row of extra) byId.set((row as { id: string }).id, row);
    rows.set(table, [...byId.values()]);
  };
  for (const [table, ids] of later.rows) {
    const current = await db.table(table).bulkGet([...ids]);
    merge(
      table,
      current.filter((row) => row !== undefined),
    );
  }
  merge('history', later.entries);
  merge('imports', await db.imports.where('at').above(at).toArray());
  // A kept deal or contact keeps what it links to: its customer and product line, as they are now.
  const has = (table: string) => new Set((rows.get(table) ?? []).map((row) => (row as { id: string }).id));
  const links = [
    ['customers', 'customerId', ['deals', 'interactions']],
    ['productLines', 'productLineId', ['deals']],
  ] as const;
  for (const [target, field, from] of links) {
    const present = has(target);
    const wanted = new Set<string>();
    for (const table of from)
      for (const row of rows.get(table) ?? []) {
        const id = (row as Record<string, unknown>)[field];
        if (typeof id === 'string' && id !== '' && !present.has(id)) wanted.add(id);
      }
    if (wanted.size === 0) continue;
    merge(
      target,
      (await db.table(target).bulkGet([...wanted])).filter((row) => row !== undefined),
    );
  }
}

/** When the last backup was made, or null. */
export async function lastBackupAt(db: KehuDb): Promise<Timestamp | null> {
  try {
    const record = await db.settings.get(LAST_BACKUP_KEY);
    return typeof record?.value === 'number' ? record.value : null;
  } catch (e) {
    throw handleStorageError(e);
  }
}
