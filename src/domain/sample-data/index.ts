/**
 * The sample data set: a believable Chinese trading / wholesale business (DESIGN.md §4, first run), and
 * at larger scale the benchmark data set (DESIGN.md §6). Deterministic: the same options give the same
 * rows, ids included, in Node, the browser and a Web Worker.
 *
 * Two ways to use it:
 * - `generateSampleData(opts)` returns every row at once (fine up to a few hundred thousand rows);
 * - `planSampleData(opts)` then `sampleCustomers(plan)`, `sampleDeals(plan)`, `sampleInteractions(plan)`
 *   and `sampleProductLines(plan)` stream the same rows table by table, e.g. in batches with
 *   `inChunks(sampleDeals(plan), 10_000)`, so a million deals can be written without holding them.
 *
 * How the business is modelled (heavy-tailed spend, churn, receivables…) is told in plan.ts.
 */
import type { ProductLine } from '../types';
import { sampleCustomers } from './customers';
import { sampleDeals } from './deals';
import { sampleInteractions } from './interactions';
import type { SampleData, SampleDataOptions } from './options';
import { planSampleData, type SamplePlan } from './plan';

export { sampleCustomers } from './customers';
export { sampleDeals } from './deals';
export { sampleInteractions } from './interactions';
export {
  COUNTS_AT_SCALE_1,
  SAMPLE_BATCH_ID,
  type SampleCounts,
  type SampleData,
  type SampleDataOptions,
} from './options';
export { planSampleData, type CustomerProfiles, type SamplePlan } from './plan';

/** The planned product lines (fresh copies: the caller may change them). */
export function sampleProductLines(plan: SamplePlan): ProductLine[] {
  return plan.productLines.map((line) => ({ ...line, geScores: { ...line.geScores } }));
}

/**
 * Groups a stream of rows into arrays of `size` (the last may be shorter), e.g. for `bulkPut` or for
 * writing a CSV file in parts.
 */
export function* inChunks<T>(rows: Iterable<T>, size: number): Generator<T[], void, undefined> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('chunk size must be a positive integer');
  let chunk: T[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Generates the whole sample data set.
 *
 * At scale 1 (the default): 300 customers over the 3 years before `today`, 4 000 deals, 1 500
 * interactions and 6 product lines. `scale` multiplies the first three; `counts` sets any of them
 * exactly. Throws a RangeError for an invalid `today` or count.
 *
 * @example
 * const data = generateSampleData({ today: '2025-06-30' });
 * data.customers[0].code; // 'C0001'
 */
export function generateSampleData(opts: SampleDataOptions): SampleData {
  const plan = planSampleData(opts);
  return {
    customers: Array.from(sampleCustomers(plan)),
    deals: Array.from(sampleDeals(plan)),
    interactions: Array.from(sampleInteractions(plan)),
    productLines: sampleProductLines(plan),
  };
}
