/**
 * Per-table statistics kept by the database itself: a write version and the number of live rows of
 * each base table, in a derived table (`tableStats`, never backed up), so that the header's counts and
 * the value engine's "did the data change" check cost one small read instead of a count. Chromium's
 * IndexedDB counts about 400 000 rows a second, so counting 1 000 000 deals took 2.5 s, twice at every
 * start (the counts and the engine's fingerprint), and the sheets' own reads queued behind it.
 *
 * How it stays right (the same rule as the packed deal copy, deal-pack.ts):
 * - A Dexie middleware sits under every write to a base table, whoever makes it: each read-write
 *   transaction that includes one also includes `tableStats`, and each mutation bumps the table's
 *   `version` and adjusts its `active` count in that same transaction. Commit or abort, rows and
 *   statistics move together.
 * - The count change is exact when the mutation can say it cheaply: an add (every row is new), a put
 *   or delete of a few keys (their rows are read first), a clear (0). A bulk put or delete of many
 *   existing rows (an import that updates, a restore over data) would have to read them all, so it
 *   marks the count unknown (`active: null`) instead, and `fillUnknownCounts` counts that table once,
 *   later, and stores the count only if no write came in between (same version).
 * - A row is live when its `deletedAt` is null, as in `Repo.countActive`.
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { BASE_TABLE_NAMES, type BaseTableName } from '../domain/types';
import type { KehuDb } from './db';
import { guarded } from './errors';

export const TABLE_STATS_TABLE = 'tableStats';

export interface TableStats {
  table: BaseTableName;
  /** Bumped by every committed mutation of the table (never reset while the database exists). */
  version: number;
  /** Rows with `deletedAt === null`; null when a bulk write left it to be counted again. */
  active: number | null;
}

/** Keys of one mutation whose current rows may be read to keep the count exact. */
const EXACT_KEYS = 1_000;

const isBaseTable = (name: string): name is BaseTableName =>
  (BASE_TABLE_NAMES as readonly string[]).includes(name);

const isLive = (row: unknown): boolean =>
  row !== undefined && (row as { deletedAt?: unknown }).deletedAt == null;

const liveCount = (rows: readonly unknown[]): number =>
  rows.reduce<number>((n, r) => n + (isLive(r) ? 1 : 0), 0);

/** What a mutation does to the live count: a change, a new absolute value, or unknown. */
type CountEffect = { delta: number } | { set: number } | null;

/**
 * The count effect of `req`, worked out before it runs: at once, or after reading the rows it replaces
 * or deletes. (Only Dexie's own promises are chained here, never `await`: Dexie's hooks below this
 * middleware find their transaction through Dexie's zone, which a native await would lose.)
 */
function countEffect(
  table: DBCoreTable,
  req: DBCoreMutateRequest,
  readsLeft: { keys: number },
): CountEffect | PromiseLike<CountEffect> {
  if (req.type === 'deleteRange') return req.range.type === 3 /* DBCoreRangeType.Any */ ? { set: 0 } : null;
  if (req.type === 'add') return { delta: liveCount(req.values) };
  const { extractKey } = table.schema.primaryKey;
  const keys: readonly unknown[] | undefined =
    req.type === 'delete' ? req.keys : (req.keys ?? (extractKey ? req.values.map(extractKey) : undefined));
  if (!keys || keys.length > Math.min(EXACT_KEYS, readsLeft.keys)) return null;
  readsLeft.keys -= keys.length;
  const after = req.type === 'put' ? liveCount(req.values) : 0;
  return table
    .getMany({ trans: req.trans, keys: keys as unknown[] })
    .then((rows: unknown[]) => ({ delta: after - liveCount(rows) }));
}

const isThenable = <T>(v: T | PromiseLike<T>): v is PromiseLike<T> =>
  typeof (v as { then?: unknown } | null)?.then === 'function';

/**
 * The Dexie middleware that keeps `tableStats` in step with the base tables (see the policy above).
 * Registered by KehuDb on every connection.
 */
export const tableStatsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'tableStats',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === TABLE_STATS_TABLE)) return down;
    const statsTable = down.table(TABLE_STATS_TABLE);
    // The statistics record of each table as the open transaction will leave it: every mutation of
    // the transaction updates this one object, and its last put stores the final state.
    const records = new WeakMap<DBCoreTransaction, Map<string, Promise<TableStats>>>();
    // Rows a transaction may still read to keep counts exact: a bulk write stops paying after this.
    const reads = new WeakMap<DBCoreTransaction, { keys: number }>();
    const recordOf = (trans: DBCoreTransaction, table: BaseTableName): Promise<TableStats> => {
      let byTable = records.get(trans);
      if (!byTable) records.set(trans, (byTable = new Map()));
      let record = byTable.get(table);
      if (!record) {
        record = statsTable
          .get({ trans, key: table })
          .then((r: TableStats | undefined) => r ?? { table, version: 0, active: null });
        byTable.set(table, record);
      }
      return record;
    };
    return {
      ...down,
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' && stores.some(isBaseTable) && !stores.includes(TABLE_STATS_TABLE)
            ? [...stores, TABLE_STATS_TABLE]
            : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!isBaseTable(name)) return table;
        return {
          ...table,
          mutate(req) {
            const record = recordOf(req.trans, name);
            let readsLeft = reads.get(req.trans);
            if (!readsLeft) reads.set(req.trans, (readsLeft = { keys: 4 * EXACT_KEYS }));
            const write = (effect: CountEffect) =>
              table.mutate(req).then((result) =>
                record.then((stats) => {
                  stats.version += 1;
                  if (effect === null || result.numFailures > 0) stats.active = null;
                  else if ('set' in effect) stats.active = effect.set;
                  else if (stats.active !== null) stats.active += effect.delta;
                  return statsTable
                    .mutate({ type: 'put', trans: req.trans, values: [{ ...stats }] })
                    .then(() => result);
                }),
              );
            const effect = countEffect(table, req, readsLeft);
            return isThenable(effect) ? (effect.then(write) as Promise<DBCoreMutateResponse>) : write(effect);
          },
        };
      },
    };
  },
};

/** The statistics of every base table; a table never written has version 0 and an unknown count. */
export function readTableStats(db: KehuDb): Promise<Record<BaseTableName, TableStats>> {
  return guarded(async () => {
    const stored = await db.tableStats.bulkGet([...BASE_TABLE_NAMES]);
    return Object.fromEntries(
      BASE_TABLE_NAMES.map((table, i) => [table, stored[i] ?? { table, version: 0, active: null }]),
    ) as Record<BaseTableName, TableStats>;
  });
}

/**
 * Counts the live rows of each table whose count is unknown and stores the count, unless the table
 * was written meanwhile (then the next call counts again). Returns the tables it stored a count for.
 */
export function fillUnknownCounts(db: KehuDb): Promise<BaseTableName[]> {
  return guarded(async () => {
    const filled: BaseTableName[] = [];
    for (const [table, stats] of Object.entries(await readTableStats(db)) as [BaseTableName, TableStats][]) {
      if (stats.active !== null) continue;
      const rows = db.table(table);
      const counted = await db.transaction('r', [rows, db.tableStats], async () => ({
        version: (await db.tableStats.get(table))?.version ?? 0,
        // IndexedDB leaves null keys out of an index: the `deletedAt` index holds exactly the trash.
        active: (await rows.count()) - (await rows.orderBy('deletedAt').count()),
      }));
      const stored = await db.transaction('rw', db.tableStats, async () => {
        const current = await db.tableStats.get(table);
        if ((current?.version ?? 0) !== counted.version || (current?.active ?? null) !== null) return false;
        await db.tableStats.put({ table, ...counted });
        return true;
      });
      if (stored) filled.push(table);
    }
    return filled;
  });
}
