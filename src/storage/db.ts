/**
 * The Dexie schema: the one place it lives.
 *
 * Migration rules:
 * - `SCHEMA_VERSIONS` is append-only. A shipped entry is never edited or removed (a committed snapshot,
 *   tests/fixtures/schema-snapshot.json, makes that fail); a change is a new entry with a higher
 *   `version`, the full `stores` of that version and, when rows must change, an `upgrade`.
 * - Every new version comes with a fixture database written by the previous version
 *   (tests/fixtures/db-vN.json) that the upgrade test opens with the current code.
 * - Index only what a query uses: every index costs on each write. Primary keys are string UUIDs, never
 *   auto-increment, so data from two devices can be merged later.
 * - When another tab upgrades or deletes the database, this connection closes for good and reports a
 *   'versionchange' error: reopening old code on a newer schema could write rows of the old shape.
 */
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type {
  Customer,
  CustomerMetrics,
  Deal,
  HistoryEntry,
  Interaction,
  ProductLine,
  SettingRecord,
} from '../domain/types';
import { BASE_TABLE_NAMES } from '../domain/types';
import type { ImportRecord } from '../domain/csv/import-record';
import type { DealPackChunk } from './deal-pack-format';
import { dealPackMiddleware } from './deal-pack';
import { TABLE_STATS_TABLE, tableStatsMiddleware, type TableStats } from './table-stats';
import { AppStorageError, storageErrors } from './errors';

export interface SchemaVersion {
  version: number;
  /** Dexie store specs of this version: every table, primary key first. */
  stores: Readonly<Record<string, string | null>>;
  /** Rewrites existing rows when this version is installed over an older one. */
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      customers: 'id, code, taxId, deletedAt',
      deals: 'id, customerId, code, deletedAt',
      interactions: 'id, customerId, deletedAt',
      productLines: 'id, code, deletedAt',
      settings: 'key',
      history: 'id, [table+rowId], at',
      customerMetrics: 'customerId',
    },
  },
  {
    // Import batches (src/storage/import-commit.ts): one record per committed import, for the list of
    // past imports and undo. A new, empty table: no row of version 1 changes, so no upgrade.
    version: 2,
    stores: {
      customers: 'id, code, taxId, deletedAt',
      deals: 'id, customerId, code, deletedAt',
      interactions: 'id, customerId, deletedAt',
      productLines: 'id, code, deletedAt',
      settings: 'key',
      history: 'id, [table+rowId], at',
      customerMetrics: 'customerId',
      imports: 'id, at',
    },
  },
  {
    // The packed copy of the deal facts (src/storage/deal-pack.ts): one record per id bucket, derived
    // from `deals` and never synced. A new, empty table, which the reader takes as "every bucket
    // invalid" and fills on the first recompute, so the upgrade itself reads no deal.
    version: 3,
    stores: {
      customers: 'id, code, taxId, deletedAt',
      deals: 'id, customerId, code, deletedAt',
      interactions: 'id, customerId, deletedAt',
      productLines: 'id, code, deletedAt',
      settings: 'key',
      history: 'id, [table+rowId], at',
      customerMetrics: 'customerId',
      imports: 'id, at',
      dealPack: 'bucket',
    },
  },
  {
    // Per-table write versions and live-row counts (src/storage/table-stats.ts), kept by a middleware
    // so nothing has to count a million rows. A new, empty table: a missing record reads as "count
    // unknown", which is counted once later, so the upgrade itself reads no row.
    version: 4,
    stores: {
      customers: 'id, code, taxId, deletedAt',
      deals: 'id, customerId, code, deletedAt',
      interactions: 'id, customerId, deletedAt',
      productLines: 'id, code, deletedAt',
      settings: 'key',
      history: 'id, [table+rowId], at',
      customerMetrics: 'customerId',
      imports: 'id, at',
      dealPack: 'bucket',
      tableStats: 'table',
    },
  },
];

/** The schema version this code writes. */
export const CURRENT_SCHEMA_VERSION: number = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;

export const DEFAULT_DB_NAME = 'kehu';

export class KehuDb extends Dexie {
  // `declare`: Dexie creates these properties in `version().stores()`; a class field would reset them.
  declare customers: Table<Customer, string>;
  declare deals: Table<Deal, string>;
  declare interactions: Table<Interaction, string>;
  declare productLines: Table<ProductLine, string>;
  declare settings: Table<SettingRecord, string>;
  declare history: Table<HistoryEntry, string>;
  declare customerMetrics: Table<CustomerMetrics, string>;
  declare imports: Table<ImportRecord, string>;
  declare dealPack: Table<DealPackChunk, number>;
  declare tableStats: Table<TableStats, string>;

  /**
   * `versions` is the schema ladder; only tests pass another one (an upgrade that throws, to check that
   * a failed upgrade leaves the version and the rows as they were).
   */
  constructor(
    name: string = DEFAULT_DB_NAME,
    options?: DexieOptions,
    versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
  ) {
    super(name, options);
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores({ ...stores });
      if (upgrade) declared.upgrade(upgrade);
    }
    // Keeps the packed deal facts in step with every write to `deals`, in the same transaction.
    this.use(dealPackMiddleware);
    // Keeps each base table's write version and live-row count, in the same transaction as the write.
    this.use(tableStatsMiddleware);
    // A new database starts with every count known: 0.
    this.on('populate', (tx) => {
      if (!tx.storeNames.includes(TABLE_STATS_TABLE)) return;
      void tx
        .table(TABLE_STATS_TABLE)
        .bulkPut(BASE_TABLE_NAMES.map((table) => ({ table, version: 0, active: 0 })));
    });
    // Dexie's own handlers (fired after ours; returning false stops them) would close and silently
    // reopen, which is exactly what must not happen under a newer schema.
    this.on('versionchange', (event: IDBVersionChangeEvent) => {
      this.close();
      const what = event.newVersion ? 'upgraded' : 'deleted';
      storageErrors.report(
        new AppStorageError('versionchange', `Database '${this.name}' was ${what} by another tab`, {
          cause: event,
        }),
      );
      return false;
    });
    this.on('blocked', (event: IDBVersionChangeEvent) => {
      storageErrors.report(
        new AppStorageError('blocked', `Opening '${this.name}' is blocked by another tab`, { cause: event }),
      );
      return false;
    });
  }
}

/** A connection to the database `name` (opened on first use). Tests pass a fresh name each time. */
export function openKehuDb(name: string = DEFAULT_DB_NAME): KehuDb {
  return new KehuDb(name);
}

let shared: KehuDb | null = null;

/** The app's shared connection, created on first call. */
export function getDb(): KehuDb {
  shared ??= openKehuDb();
  return shared;
}
