import './helpers';
import './blob-reader-polyfill';
import { beforeEach, describe, expect, it, vi } from 'vitest';
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
  workSinceRestore,
} from '../../../src/storage/backup';
import { repos } from '../../../src/storage/repos';
import { AppStorageError } from '../../../src/storage/errors';
import { removeStaleStaging, STAGING_PREFIX } from '../../../src/storage/restore-staging';
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

/** The two parts of a backup file, the body parsed. */
async function split(file: Blob): Promise<{ header: Record<string, unknown>; body: string }> {
  const text = await file.text();
  const newline = text.indexOf('\n');
  return {
    header: JSON.parse(text.slice(0, newline)) as Record<string, unknown>,
    body: text.slice(newline + 1),
  };
}

interface ExportBody {
  data: {
    tables: { name: string; rowCount: number }[];
    data: { tableName: string; rows: Record<string, unknown>[] }[];
  };
}

/** A backup whose body was edited by `edit`, its header's checksum and counts written to match. */
async function edited(file: Blob, edit: (body: ExportBody) => void): Promise<Blob> {
  const { header, body } = await split(file);
  const parsed = JSON.parse(body) as ExportBody;
  edit(parsed);
  const text = JSON.stringify(parsed);
  const counts = Object.fromEntries(parsed.data.data.map((t) => [t.tableName, t.rows.length]));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  return new Blob([`${JSON.stringify({ ...header, counts, sha256 })}\n${text}`]);
}

const rowsOf = (body: ExportBody, table: string) =>
  body.data.data.find((t) => t.tableName === table)?.rows ?? [];

describe('a restore checks the whole file before it replaces anything (issue 24)', () => {
  async function book(target: KehuDb): Promise<void> {
    const r = repos(target);
    for (let i = 1; i <= 30; i++) {
      const c = await r.customers.create({ name: `客户 ${i}`, code: `C${i}` });
      await r.deals.create({ customerId: c.id, code: `D${i}`, amount: 100 * i, stage: 'won' });
    }
  }

  async function refused(file: Blob): Promise<BackupError> {
    const other = freshDb();
    await seed(other, '原来的客户');
    const before = await Promise.all(other.tables.map((t) => t.toArray()));
    const error = await restoreBackup(other, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect(await Promise.all(other.tables.map((t) => t.toArray()))).toEqual(before);
    expect(await hasPreRestoreCopy(other)).toBe(false);
    return error as BackupError;
  }

  it('records rows per table and a SHA-256 of the body in the header', async () => {
    await book(db);
    const file = await createBackup(db);
    const { header, body } = await split(file);
    expect(header.counts).toMatchObject({ customers: 30, deals: 30, interactions: 0, productLines: 0 });
    expect(header.counts).not.toHaveProperty('dealPack');
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
    expect(header.sha256).toBe(Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''));
  });

  it('refuses a file cut at 30 % (checksum), and the same cut without a checksum (counts)', async () => {
    await book(db);
    const file = await createBackup(db);
    const cut = file.slice(0, Math.floor(file.size * 0.3));
    expect((await refused(cut)).problem).toBe('checksum');

    const { header, body } = await split(file);
    const old = { ...header };
    delete old.sha256;
    delete old.counts;
    const oldCut = new Blob([`${JSON.stringify(old)}\n${body.slice(0, Math.floor(body.length * 0.3))}`]);
    expect(['incomplete', 'corrupt']).toContain((await refused(oldCut)).problem);
  });

  it('refuses a file whose customers table is missing, naming the table', async () => {
    await book(db);
    const file = await edited(await createBackup(db), (body) => {
      body.data.tables = body.data.tables.filter((t) => t.name !== 'customers');
      body.data.data = body.data.data.filter((t) => t.tableName !== 'customers');
    });
    const error = await refused(file);
    expect(error.problem).toBe('incomplete');
    expect(error.details.counts).toEqual([{ table: 'customers', expected: -1, found: null }]);
  });

  it('refuses rows with wrong types, unknown choices and customers not in the file, naming each', async () => {
    await book(db);
    const file = await edited(await createBackup(db), (body) => {
      const deals = rowsOf(body, 'deals');
      Object.assign(deals[2] ?? {}, { amount: 'abc' });
      Object.assign(deals[4] ?? {}, { stage: 'maybe', customerId: 'nobody' });
      Object.assign(rowsOf(body, 'customers')[0] ?? {}, { name: { evil: true } });
    });
    const error = await refused(file);
    expect(error.problem).toBe('rows');
    const found = error.details.rows?.problems.map((p) => [p.table, p.row, p.field, p.code]);
    expect(found).toEqual([
      ['customers', 1, 'name', 'bad-type'],
      ['deals', 3, 'amount', 'bad-type'],
      ['deals', 5, 'stage', 'bad-choice'],
      ['deals', 5, 'customerId', 'unknown-customer'],
    ]);
    expect(error.details.rows?.total).toBe(4);
  });

  it('still restores an older backup without counts or checksum', async () => {
    await book(db);
    const { header, body } = await split(await createBackup(db));
    delete header.sha256;
    delete header.counts;
    const other = freshDb();
    const result = await restoreBackup(other, new Blob([`${JSON.stringify(header)}\n${body}`]));
    expect(result.counts).toMatchObject({ customers: 30, deals: 30 });
    await Dexie.delete(`${other.name}-pre-restore`);
  });
});

describe('undo of a restore never drops later work silently (issue 24)', () => {
  it('names the rows changed since, keeps them by default, loses them only when asked', async () => {
    await seed(db, '备份里的客户');
    const file = await createBackup(db);
    for (const keep of [true, false]) {
      const other = freshDb();
      await seed(other, '恢复前的客户');
      await restoreBackup(other, file);
      const restored = (await other.customers.toArray())[0]!;
      const added = await repos(other).customers.create({ name: '恢复后新增', code: 'C9' });
      await repos(other).customers.update(restored.id, { contactName: '恢复后填写' });

      const later = await workSinceRestore(other);
      expect(later?.total).toBe(2);
      expect(later?.counts).toEqual({ customers: 2 });
      expect(new Set(later?.labels)).toEqual(new Set(['恢复后新增', '备份里的客户']));

      await undoRestore(other, keep);
      const names = (await other.customers.toArray()).map((c) => c.name).sort();
      if (keep) {
        expect(names).toEqual(['备份里的客户', '恢复前的客户', '恢复后新增'].sort());
        expect((await other.customers.get(restored.id))?.contactName).toBe('恢复后填写');
        expect((await repos(other).customers.historyOf(added.id)).length).toBeGreaterThan(0);
      } else {
        expect(names).toEqual(['恢复前的客户']);
      }
      expect(await workSinceRestore(other)).toBeNull();
      await Dexie.delete(`${other.name}-pre-restore`);
    }
  });
});

describe('an interrupted restore leaves nothing behind (issue 24)', () => {
  it('deletes staging databases left by a restore that never finished', async () => {
    const stale = new Dexie(`${STAGING_PREFIX}left-by-a-closed-tab`);
    stale.version(1).stores({ customers: 'id' });
    await stale.open();
    await stale.table('customers').add({ id: 'c1' });
    stale.close();
    expect(await removeStaleStaging()).toBeGreaterThanOrEqual(1);
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    expect(names.filter((n) => n.startsWith(STAGING_PREFIX))).toEqual([]);
  });

  it('offers no undo for a restore whose replace never committed', async () => {
    await seed(db, '备份');
    const file = await createBackup(db);
    const other = freshDb();
    await seed(other, '原来');
    // The copy is written, then the browser closes before the replace commits.
    const copies = new Dexie(`${other.name}-pre-restore`);
    copies.version(1).stores({ copies: 'id' });
    await copies.table('copies').put({ id: 'latest', at: Date.now(), text: '{}', complete: false });
    copies.close();
    expect(await hasPreRestoreCopy(other)).toBe(false);
    await restoreBackup(other, file);
    expect(await hasPreRestoreCopy(other)).toBe(true);
    await Dexie.delete(`${other.name}-pre-restore`);
  });

  it('reports a full disk while staging as a full disk, not as a damaged file', async () => {
    await seed(db, '备份');
    const file = await createBackup(db);
    const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const spies = (['put', 'add'] as const).map((method) => {
      const original = IDBObjectStore.prototype[method];
      return vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
        this: IDBObjectStore,
        ...args: [unknown, IDBValidKey?]
      ) {
        if (this.transaction.db.name.startsWith(STAGING_PREFIX)) throw full();
        return original.apply(this, args);
      });
    });
    try {
      const error = await restoreBackup(freshDb(), file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppStorageError);
      expect((error as AppStorageError).kind).toBe('quota');
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
