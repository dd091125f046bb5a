/**
 * The record format of the packed copy of the deal facts (`dealPack` table, see deal-pack.ts).
 *
 * The deals are split into 256 buckets by the first two characters of their id. Bucket b holds the
 * ids in the primary-key range [BOUNDS[b], BOUNDS[b + 1]), where BOUNDS = '', '01', '02', … 'ff' and the
 * last bucket has no upper end, so every possible id (UUIDs or not) falls in exactly one bucket and a
 * bucket's rows are one range read of the primary key. With random UUIDs the buckets are even: about
 * 3 900 deals each for 1 000 000 deals.
 *
 * One record per bucket holds the facts of its live deals (not in the trash) as the value engine's
 * columns (`DealFactColumns`, built by the engine's own `dealColumnsOf`): money in Float64Array, the
 * stage as a Uint8Array index into DEAL_STAGES, close and due dates as Int32Array day numbers (NO_DAY
 * for none), customers as the four words of their UUID (Int32Array, customer-keys.ts; ids that are
 * not UUIDs listed apart). A record of another `format` is treated as missing (and rebuilt from the
 * rows), so the columns can change without a schema version.
 *
 * Formats: 1 held customer ids and dates as strings; 2 holds only numbers for the usual deal (24 bytes
 * of keys and days instead of three strings): no string to compare or parse at each recompute; 3 adds
 * each deal's product line (an index into the record's few product line ids), for the product lines'
 * own cost ratios.
 */
import { KEY_WORDS } from '../domain/analytics/customer-keys';
import { dealColumnsOf, type DealFactColumns } from '../domain/analytics/deal-columns';
import { DEAL_STAGES, type Deal, type DealStage } from '../domain/types';

export const DEAL_PACK_BUCKETS = 256;
export const DEAL_PACK_FORMAT = 3;

/** The packed facts of one bucket's live deals, in primary-key order. */
export interface DealPackChunk extends DealFactColumns {
  bucket: number;
  format: number;
  /** Rows of the bucket read to build it, trashed ones included (for progress reports). */
  rows: number;
}

const HEX = '0123456789abcdef';
/** BOUNDS[b] is the lowest id of bucket b ('' for bucket 0). */
const BOUNDS: readonly string[] = Array.from({ length: DEAL_PACK_BUCKETS }, (_, b) =>
  b === 0 ? '' : `${HEX[b >> 4]}${HEX[b & 15]}`,
);

/**
 * The bucket of a deal id: the number of bounds at or below it, less one.
 *
 * @example
 * dealBucket('3f2a…') // 0x3f = 63
 * dealBucket('A-17')  // 159: 'A' sorts between '9' and 'a', so after '9f' and before 'a0'
 */
export function dealBucket(id: unknown): number {
  if (typeof id !== 'string' || id.length === 0) return 0;
  const hi = HEX.indexOf(id.charAt(0));
  const lo = HEX.indexOf(id.charAt(1));
  if (hi >= 0 && lo >= 0 && id.length >= 2) return hi * 16 + lo;
  let low = 0;
  let high = DEAL_PACK_BUCKETS - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((BOUNDS[mid] as string) <= id) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The primary-key range of bucket b: lower bound inclusive, upper bound exclusive; null = open. */
export function bucketRange(bucket: number): { lower: string | null; upper: string | null } {
  return {
    lower: bucket === 0 ? null : (BOUNDS[bucket] as string),
    upper: bucket === DEAL_PACK_BUCKETS - 1 ? null : (BOUNDS[bucket + 1] as string),
  };
}

/** Packs a bucket's rows (its live deals; trashed rows are counted and skipped). */
export function packChunk(bucket: number, rows: readonly Deal[]): DealPackChunk {
  const columns = dealColumnsOf(rows.filter((d) => d.deletedAt === null));
  return { bucket, format: DEAL_PACK_FORMAT, rows: rows.length, ...columns };
}

/** The stage of row k of a chunk. */
export function chunkStage(chunk: DealPackChunk, k: number): DealStage {
  return DEAL_STAGES[chunk.stage[k] as number] as DealStage;
}

/** True for a stored record this code can read (right format, columns of one length). */
export function isCurrentChunk(value: unknown): value is DealPackChunk {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<DealPackChunk>;
  const n = c.stage?.length;
  return (
    c.format === DEAL_PACK_FORMAT &&
    typeof c.bucket === 'number' &&
    typeof c.rows === 'number' &&
    c.stage instanceof Uint8Array &&
    c.customerKey instanceof Int32Array &&
    c.customerKey.length === (n as number) * KEY_WORDS &&
    c.otherCustomerRow instanceof Int32Array &&
    Array.isArray(c.otherCustomerId) &&
    c.otherCustomerId.length === c.otherCustomerRow.length &&
    c.closeDay instanceof Int32Array &&
    c.dueDay instanceof Int32Array &&
    c.productLine instanceof Int32Array &&
    c.productLine.length === n &&
    Array.isArray(c.productLineIds) &&
    c.productLineIds.length > 0 &&
    c.productLine.every((l) => l >= 0 && l < (c.productLineIds as string[]).length) &&
    [c.closeDay, c.dueDay, c.amount, c.cost, c.serviceCost, c.discount, c.paidAmount].every(
      (col) => ArrayBuffer.isView(col) && col.length === n,
    )
  );
}
