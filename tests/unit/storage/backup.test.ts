import './helpers';
import './blob-reader-polyfill';
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { CURRENT_SCHEMA_VERSION, type KehuDb } from '../../../src/storage/db';
import {
  BackupError,
  createBackup,
  hasPreRestoreCopy,
  lastBackupAt,
  readBackupHeader,
  restoreBackup,
  undoRestore,
} from '../../../src/storage/backup';
import { repos } from '../../../src/storage/repos';
import { freshDb } from './helpers';

let db: KehuDb;
beforeEach(() => {
  db = freshDb();
});

async function seed(target: KehuDb, name: string): Promise<void> {
  const r = repos(target);
  const c = await r.customers.create({ name, code: 'C1', notes: '引号 " 和 emoji 🙂\n第二行' });
  await r.deals.create({ customerId: c.id, code: 'D1', amount: 12345, stage: 'won' });
}

describe('backup and restore', () => {
  it('writes a checked header, then restores every row into another database', async () => {
    await seed(db, '深圳华强');
    const file = await createBackup(db, 1_700_000_000_000);
    const { header } = await readBackupHeader(file);
    expect(header).toMatchObject({
      format: 'kehu-backup',
      formatVersion: 1,
      dbVersion: CURRENT_SCHEMA_VERSION,
      exportedAt: 1_700_000_000_000,
    });
    expect(await lastBackupAt(db)).toBe(1_700_000_000_000);

    const other = freshDb();
    await seed(other, '另一个客户');
    const result = await restoreBackup(other, file);
    expect(result.counts).toMatchObject({ customers: 1, deals: 1 });
    for (const table of ['customers', 'deals', 'history'] as const) {
      expect(await other.table(table).toArray(), table).toEqual(await db.table(table).toArray());
    }
    expect(await hasPreRestoreCopy(other)).toBe(true);

    await undoRestore(other);
    expect((await other.customers.toArray()).map((c) => c.name)).toEqual(['另一个客户']);
    expect(await hasPreRestoreCopy(other)).toBe(false);
    await Dexie.delete(`${other.name}-pre-restore`);
  });

  it.each([
    ['not-json', new Blob(['hello, not a backup'])],
    ['not-json', new Blob(['{oops\n{}'])],
    ['format', new Blob([`${JSON.stringify({ format: 'other', formatVersion: 1 })}\n{}`])],
    [
      'newer',
      new Blob([
        `${JSON.stringify({ format: 'kehu-backup', formatVersion: 1, appVersion: '9', dbVersion: 99, exportedAt: 1 })}\n{}`,
      ]),
    ],
    [
      'corrupt',
      new Blob([
        `${JSON.stringify({ format: 'kehu-backup', formatVersion: 1, appVersion: '9', dbVersion: 1, exportedAt: 1 })}\n{"formatName":"dexie"`,
      ]),
    ],
  ])('refuses a file with problem %s before writing anything', async (problem, file) => {
    await seed(db, '保留');
    const before = await db.customers.toArray();
    const error = await restoreBackup(db, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).problem).toBe(problem);
    expect(await db.customers.toArray()).toEqual(before);
  });

  it('restores a backup written by schema version 1 through the upgrade ladder', async () => {
    const fixture = JSON.parse(
      readFileSync(new URL('../../fixtures/db-v1.json', import.meta.url), 'utf8'),
    ) as {
      tables: Record<string, Record<string, unknown>[]>;
    };
    const old = new Dexie(`kehu-old-${crypto.randomUUID()}`);
    const snapshot = JSON.parse(
      readFileSync(new URL('../../fixtures/schema-snapshot.json', import.meta.url), 'utf8'),
    ) as {
      versions: { version: number; stores: Record<string, string> }[];
    };
    old.version(1).stores(snapshot.versions[0]?.stores ?? {});
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
    });
    const { exportDB } = await import('dexie-export-import');
    const body = await exportDB(old);
    const header = {
      format: 'kehu-backup',
      formatVersion: 1,
      appVersion: '0.1.0',
      dbVersion: 1,
      exportedAt: 1,
    };
    await restoreBackup(db, new Blob([`${JSON.stringify(header)}\n`, body]));
    expect(await db.customers.count()).toBe(fixture.tables.customers?.length);
    expect(await db.imports.count()).toBe(0);
    await old.delete();
    await Dexie.delete(`${db.name}-pre-restore`);
  });
});
