/**
 * Deal facts as columns: the form in which the analytics worker hands a million deals to the value
 * engine. Each batch is one record of the packed copy of the deal facts, taken as it was read, so
 * neither the read nor the recompute makes an object per deal: at 1 000 000 deals those objects were
 * most of what the garbage collector had to walk (DESIGN.md §6, warm recompute).
 *
 * Objects (`DealFact[]`) stay a valid input for tests and small callers; `dealBatchesOf` turns them
 * into one batch, so the engine has a single code path.
 */
import { DEAL_STAGES } from '../types';
import type { DealFact } from './contemporary-value';

/**
 * The facts of a batch of live deals (none in the trash), row k of every column being one deal.
 * A record of the packed deal copy (storage/deal-pack-format.ts) satisfies it.
 */
export interface DealFactColumns {
  customerId: readonly string[];
  /** Index into DEAL_STAGES. */
  stage: Uint8Array;
  closeDate: readonly string[];
  dueDate: readonly string[];
  amount: Float64Array;
  cost: Float64Array;
  serviceCost: Float64Array;
  discount: Float64Array;
  paidAmount: Float64Array;
}

/** Deals as batches of columns, in input order (batch after batch, row after row). */
export interface DealBatches {
  batches: readonly DealFactColumns[];
}

/** What the value engine accepts as deals: objects (trashed ones are skipped) or batches of columns. */
export type DealInput = readonly DealFact[] | DealBatches;

/** The stage code of a won deal in `DealFactColumns.stage`. */
export const WON_STAGE_CODE = DEAL_STAGES.indexOf('won');

const STAGE_CODE = new Map<string, number>(DEAL_STAGES.map((s, i) => [s, i]));

/** The deals as batches: batches as they are, objects as one batch of their live rows, in order. */
export function dealBatchesOf(deals: DealInput): DealBatches {
  if ('batches' in deals) return deals;
  const live = deals.filter((d) => (d.deletedAt ?? null) === null);
  const n = live.length;
  const batch: DealFactColumns = {
    customerId: live.map((d) => d.customerId),
    // An unknown stage is not won, whatever code it gets.
    stage: Uint8Array.from(live, (d) => STAGE_CODE.get(d.stage) ?? 255),
    closeDate: live.map((d) => d.closeDate),
    dueDate: live.map((d) => d.dueDate),
    amount: new Float64Array(n),
    cost: new Float64Array(n),
    serviceCost: new Float64Array(n),
    discount: new Float64Array(n),
    paidAmount: new Float64Array(n),
  };
  live.forEach((d, k) => {
    batch.amount[k] = d.amount;
    batch.cost[k] = d.cost;
    batch.serviceCost[k] = d.serviceCost;
    batch.discount[k] = d.discount;
    batch.paidAmount[k] = d.paidAmount;
  });
  return { batches: [batch] };
}

/**
 * The won deals of the input, one DealFact at a time, in input order: for code that reads objects
 * (the rating's payment criterion, the bench's model fit). Each object is made as it is asked for,
 * so none outlives its turn unless the caller keeps it.
 */
export function* wonDealFacts(deals: DealInput): Generator<DealFact, void, undefined> {
  if (!('batches' in deals)) {
    for (const d of deals) if (d.stage === 'won' && (d.deletedAt ?? null) === null) yield d;
    return;
  }
  for (const c of deals.batches) {
    for (let k = 0; k < c.customerId.length; k++) {
      if (c.stage[k] !== WON_STAGE_CODE) continue;
      yield {
        customerId: c.customerId[k] as string,
        stage: 'won',
        closeDate: c.closeDate[k] as string,
        amount: c.amount[k] as number,
        cost: c.cost[k] as number,
        serviceCost: c.serviceCost[k] as number,
        discount: c.discount[k] as number,
        paidAmount: c.paidAmount[k] as number,
        dueDate: c.dueDate[k] as string,
      };
    }
  }
}
