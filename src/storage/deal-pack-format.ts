/**
 * The record format of the packed copy of the deal facts (`dealPack` table, see deal-pack.ts).
 *
 * The deals are split into 256 buckets by the first two characters of their id. Bucket b holds the
 * ids in the primary-key range [BOUNDS[b], BOUNDS[b + 1]), where BOUNDS = '', '01', '02', … 'ff' and the
 * last bucket has no upper end, so every possible id (UUIDs or not) falls in exactly one bucket and a
 * bucket's rows are one range read of the primary key. With random UUIDs the buckets are even: about
 * 3 900 deals each for 1 000 000 deals.
 *
 * One record per bucket holds the facts of its live deals (not in the trash) as columns: money in
 * Float64Array, the stage as a Uint8Array index into DEAL_STAGES, ids and dates as string arrays. A
 * record of another `format` is treated as missing, so the columns can change without a schema version.
 */
import { DEAL_STAGES, type Deal, type DealStage } from '../domain/types';

export const DEAL_PACK_BUCKETS = 256;
export const DEAL_PACK_FORMAT = 1;

/** The packed facts of one bucket's live deals, in primary-key order. */
export interface DealPackChunk {
  bucket: number;
  format: number;
  /** Rows of the bucket read to build it, trashed ones included (for progress reports). */
  rows: number;
  customerId: string[];
  /** Index into DEAL_STAGES. */
  stage: Uint8Array;
  closeDate: string[];
  dueDate: string[];
  amount: Float64Array;
  cost: Float64Array;
  serviceCost: Float64Array;
  discount: Float64Array;
  paidAmount: Float64Array;
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

const STAGE_CODE = new Map<string, number>(DEAL_STAGES.map((s, i) => [s, i]));

/** Packs a bucket's rows (its live deals; trashed rows are counted and skipped). */
export function packChunk(bucket: number, rows: readonly Deal[]): DealPackChunk {
  const live = rows.filter((d) => d.deletedAt === null);
  const n = live.length;
  const chunk: DealPackChunk = {
    bucket,
    format: DEAL_PACK_FORMAT,
    rows: rows.length,
    customerId: new Array<string>(n),
    stage: new Uint8Array(n),
    closeDate: new Array<string>(n),
    dueDate: new Array<string>(n),
    amount: new Float64Array(n),
    cost: new Float64Array(n),
    serviceCost: new Float64Array(n),
    discount: new Float64Array(n),
    paidAmount: new Float64Array(n),
  };
  live.forEach((d, k) => {
    chunk.customerId[k] = d.customerId;
    chunk.stage[k] = STAGE_CODE.get(d.stage) ?? 0;
    chunk.closeDate[k] = d.closeDate;
    chunk.dueDate[k] = d.dueDate;
    chunk.amount[k] = d.amount;
    chunk.cost[k] = d.cost;
    chunk.serviceCost[k] = d.serviceCost;
    chunk.discount[k] = d.discount;
    chunk.paidAmount[k] = d.paidAmount;
  });
  return chunk;
}

/** The stage of row k of a chunk. */
export function chunkStage(chunk: DealPackChunk, k: number): DealStage {
  return DEAL_STAGES[chunk.stage[k] as number] as DealStage;
}

/** True for a stored record this code can read (right format, columns of one length). */
export function isCurrentChunk(value: unknown): value is DealPackChunk {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<DealPackChunk>;
  const n = c.customerId?.length;
  return (
    c.format === DEAL_PACK_FORMAT &&
    typeof c.bucket === 'number' &&
    typeof c.rows === 'number' &&
    Array.isArray(c.customerId) &&
    Array.isArray(c.closeDate) &&
    Array.isArray(c.dueDate) &&
    c.closeDate.length === n &&
    c.dueDate.length === n &&
    [c.stage, c.amount, c.cost, c.serviceCost, c.discount, c.paidAmount].every(
      (col) => ArrayBuffer.isView(col) && col.length === n,
    )
  );
}
