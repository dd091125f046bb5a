/**
 * The packed copy of the deal facts: a derived table (`dealPack`, never synced, never backed up) that
 * holds every live deal's facts as columns, one record per id bucket (deal-pack-format.ts). Reading
 * 1 000 000 deals this way takes a fraction of reading the full rows, which is what makes a cold
 * recompute cheap (DESIGN.md §6).
 *
 * Why it is never stale:
 * - A Dexie middleware sits under every write to `deals`, whoever makes it (repositories, sheet edits,
 *   import commit and undo, backup restore, sample data, clearing): each read-write transaction that
 *   includes `deals` also includes `dealPack`, and every mutation of deals first deletes the records
 *   of the buckets it touches, in that same transaction. Commit or abort, rows and copy move together.
 * - The reader treats a missing bucket as invalid: it reads that bucket's rows (one primary-key range)
 *   and writes the packed record back, both in one read-write transaction, so the record it stores
 *   is exactly the rows of that moment.
 *
 * Costs: a single cell edit adds one delete of one record to its transaction, and the next recompute
 * rebuilds that one bucket (~1/256 of the deals). A bulk write (import, restore, sample data) deletes
 * each bucket once per transaction; the first recompute after it rebuilds the buckets it touched —
 * no slower than reading the rows was before — and the later ones read the packed records only.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';
import type { Deal } from '../domain/types';
import type { KehuDb } from './db';
import {
  bucketRange,
  DEAL_PACK_BUCKETS,
  dealBucket,
  isCurrentChunk,
  packChunk,
  type DealPackChunk,
} from './deal-pack-format';

export const DEAL_PACK_TABLE = 'dealPack';
const DEALS_TABLE = 'deals';
const ALL_BUCKETS: readonly number[] = Array.from({ length: DEAL_PACK_BUCKETS }, (_, b) => b);

/** The buckets a mutation of `deals` touches; every bucket when its keys cannot be known. */
function touchedBuckets(req: DBCoreMutateRequest, extractKey: ((v: unknown) => unknown) | null): number[] {
  if (req.type === 'deleteRange') return [...ALL_BUCKETS];
  const keys: readonly unknown[] | undefined =
    req.type === 'delete'
      ? req.keys
      : (req.keys ?? (extractKey ? req.values.map((v) => extractKey(v)) : undefined));
  if (!keys) return [...ALL_BUCKETS];
  return [...new Set(keys.map(dealBucket))];
}

/**
 * The Dexie middleware that keeps `dealPack` in step with `deals` (see the policy above). Registered
 * by KehuDb on every connection.
 */
export const dealPackMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'dealPack',
  create(down) {
    const hasPack = down.schema.tables.some((t) => t.name === DEAL_PACK_TABLE);
    if (!hasPack) return down;
    // Buckets already invalidated by each open transaction: a bulk write deletes each record once.
    const invalidated = new WeakMap<DBCoreTransaction, Set<number>>();
    return {
      ...down,
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' && stores.includes(DEALS_TABLE) && !stores.includes(DEAL_PACK_TABLE)
            ? [...stores, DEAL_PACK_TABLE]
            : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== DEALS_TABLE) return table;
        const pack = down.table(DEAL_PACK_TABLE);
        const { extractKey } = table.schema.primaryKey;
        return {
          ...table,
          async mutate(req) {
            let done = invalidated.get(req.trans);
            if (!done) invalidated.set(req.trans, (done = new Set()));
            const seen = done;
            const fresh = touchedBuckets(req, extractKey).filter((b) => !seen.has(b));
            if (fresh.length > 0) {
              await pack.mutate({ type: 'delete', trans: req.trans, keys: fresh });
              for (const b of fresh) seen.add(b);
            }
            return table.mutate(req);
          },
        };
      },
    };
  },
};

/** Rows of the deals one rebuild transaction reads at most (on average), so edits never wait long. */
const REBUILD_ROWS = 8_000;

/** Builds, stores and returns the records of the given buckets from their rows, in one transaction. */
function rebuildBuckets(db: KehuDb, buckets: readonly number[]): Promise<DealPackChunk[]> {
  return db.transaction('rw', [db.deals, db.dealPack], async () => {
    const chunks: DealPackChunk[] = [];
    for (const bucket of buckets) {
      const { lower, upper } = bucketRange(bucket);
      const byId = db.deals.where(':id');
      const range =
        lower === null
          ? byId.below(upper as string)
          : upper === null
            ? byId.aboveOrEqual(lower)
            : byId.between(lower, upper, true, false);
      const rows: Deal[] = await range.toArray();
      chunks.push(packChunk(bucket, rows));
    }
    await db.dealPack.bulkPut(chunks);
    return chunks;
  });
}

export interface DealPackReadOptions {
  /** Called for each bucket read or rebuilt, with the deal rows it stands for (trashed ones included). */
  onRows?: (rows: number) => void;
}

/**
 * Every live deal's facts, as packed records in bucket order (primary-key order of the deals). Valid
 * records are read in one read transaction; missing or outdated ones are rebuilt from the rows and
 * written back. Throws Dexie errors as they are: callers wrap them (see metrics-store.ts).
 *
 * @example
 * const chunks = await readDealPack(db);
 * const won = chunks.reduce((n, c) => n + c.stage.filter((s) => DEAL_STAGES[s] === 'won').length, 0);
 */
export async function readDealPack(db: KehuDb, opts: DealPackReadOptions = {}): Promise<DealPackChunk[]> {
  const stored = await db.dealPack.toArray();
  const chunks = new Array<DealPackChunk | undefined>(DEAL_PACK_BUCKETS);
  for (const record of stored) {
    if (!isCurrentChunk(record)) continue;
    chunks[record.bucket] = record;
    opts.onRows?.(record.rows);
  }
  const missing: number[] = [];
  for (let b = 0; b < DEAL_PACK_BUCKETS; b++) if (!chunks[b]) missing.push(b);
  if (missing.length > 0) {
    // Several buckets per transaction while they are small (a few thousand deals in all), one each
    // at a million deals. The live count the database keeps is estimate enough (counting 1 M deals
    // would take seconds); when it is unknown, count.
    const deals = (await db.tableStats.get('deals'))?.active ?? (await db.deals.count());
    const perBucket = deals / DEAL_PACK_BUCKETS;
    const group = Math.max(1, Math.floor(REBUILD_ROWS / Math.max(perBucket, 1)));
    for (let i = 0; i < missing.length; i += group) {
      for (const chunk of await rebuildBuckets(db, missing.slice(i, i + group))) {
        chunks[chunk.bucket] = chunk;
        opts.onRows?.(chunk.rows);
      }
    }
  }
  return chunks as DealPackChunk[];
}
