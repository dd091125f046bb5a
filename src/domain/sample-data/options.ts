/**
 * The options of the sample data generator and how they become row counts: scale 1 is a small
 * business's data set (300 customers, 4 000 deals, 1 500 interactions); `scale` multiplies it and
 * `counts` sets any table exactly (the benchmark's 100 000 / 1 000 000 / 200 000).
 */
import type { Customer, Deal, Interaction, IsoDate, ProductLine } from '../types';

export interface SampleCounts {
  customers?: number;
  deals?: number;
  interactions?: number;
}

export interface SampleDataOptions {
  /** Seed of the generator (truncated to an unsigned 32-bit integer); default 1. */
  seed?: number;
  /** Multiplies the counts of scale 1 (300 customers, 4 000 deals, 1 500 interactions); default 1. */
  scale?: number;
  /** The day the data set is generated for: every date is relative to it. */
  today: IsoDate;
  /** `batchId` of every row; default `'sample'`. */
  batchId?: string;
  /** Exact row counts, overriding `scale`. */
  counts?: SampleCounts;
}

/** The rows of the four base tables. */
export interface SampleData {
  customers: Customer[];
  deals: Deal[];
  interactions: Interaction[];
  productLines: ProductLine[];
}

export const SAMPLE_BATCH_ID = 'sample';
export const COUNTS_AT_SCALE_1 = { customers: 300, deals: 4_000, interactions: 1_500 } as const;

function count(value: number | undefined, fallback: number, name: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer`);
  return n;
}

/** The exact row counts of a data set; throws a RangeError for a bad scale or count. */
export function resolveCounts(opts: SampleDataOptions): Required<SampleCounts> {
  const scale = opts.scale ?? 1;
  if (!Number.isFinite(scale) || scale < 0) throw new RangeError('scale must be a finite number ≥ 0');
  const c = opts.counts ?? {};
  const counts = {
    customers: count(c.customers, Math.round(COUNTS_AT_SCALE_1.customers * scale), 'counts.customers'),
    deals: count(c.deals, Math.round(COUNTS_AT_SCALE_1.deals * scale), 'counts.deals'),
    interactions: count(
      c.interactions,
      Math.round(COUNTS_AT_SCALE_1.interactions * scale),
      'counts.interactions',
    ),
  };
  if (counts.customers === 0 && (counts.deals > 0 || counts.interactions > 0)) {
    throw new RangeError('deals and interactions need at least one customer');
  }
  return counts;
}
