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
import { KEY_WORDS, uuidOfKey, writeUuidKey } from './customer-keys';
import { dayOf, isoOrEmpty } from './days';

/**
 * The facts of a batch of live deals (none in the trash), row k of every column being one deal.
 * A record of the packed deal copy (storage/deal-pack-format.ts) satisfies it.
 *
 * Dates are day numbers (days.ts), NO_DAY for none: the engine needs them as numbers, and parsing two
 * date strings per deal at every recompute (two million parses on the reference data set) was a
 * tenth of its time. A stored date is `''` or a real calendar date (validation.ts), so the day number
 * keeps all of it (`isoOrEmpty` gives the string back).
 *
 * Customers are numbers too: row k's customer id as the four words of its UUID, at customerKey[4k …
 * 4k + 3] (customer-keys.ts), so that matching deals to customers reads no string. The few rows whose
 * customer id is not a lowercase UUID are listed apart with their ids (`customerIdAt` reads either).
 */
export interface DealFactColumns {
  /** Row k's customer id as a key (customer-keys.ts), at 4k … 4k + 3; zeros for a row listed below. */
  customerKey: Int32Array;
  /** The rows whose customer id has no key, ascending (usually none). */
  otherCustomerRow: Int32Array;
  /** The customer ids of those rows, in the same order. */
  otherCustomerId: readonly string[];
  /** Index into DEAL_STAGES; UNKNOWN_STAGE_CODE for a stage not in that list. */
  stage: Uint8Array;
  /** Day number of the close (order) date; NO_DAY when there is none. */
  closeDay: Int32Array;
  /** Day number of the due date; NO_DAY when there is none. */
  dueDay: Int32Array;
  amount: Float64Array;
  cost: Float64Array;
  serviceCost: Float64Array;
  discount: Float64Array;
  paidAmount: Float64Array;
  /** Row k's product line: an index into productLineIds (0 = none). */
  productLine: Int32Array;
  /** The batch's product line ids, '' first: a handful per batch, so a deal costs 4 bytes, not a string. */
  productLineIds: readonly string[];
}

/** Deals as batches of columns, in input order (batch after batch, row after row). */
export interface DealBatches {
  batches: readonly DealFactColumns[];
}

/** What the value engine accepts as deals: objects (trashed ones are skipped) or batches of columns. */
export type DealInput = readonly DealFact[] | DealBatches;

/** The stage code of a won deal in `DealFactColumns.stage`. */
export const WON_STAGE_CODE = DEAL_STAGES.indexOf('won');
/** The stage code of a stage that is not in DEAL_STAGES (never won). */
export const UNKNOWN_STAGE_CODE = 255;

const STAGE_CODE = new Map<string, number>(DEAL_STAGES.map((s, i) => [s, i]));

/**
 * The columns of the given deals, row k being deals[k], trashed or not: the one place where a deal
 * becomes a row of columns, for the value engine's objects input and the packed copy's records alike.
 *
 * @example dealColumnsOf([{ stage: 'won', closeDate: '1970-01-02', dueDate: '', … }]).closeDay // Int32Array [1]
 */
export function dealColumnsOf(deals: readonly DealFact[]): DealFactColumns {
  const n = deals.length;
  const columns: DealFactColumns = {
    ...customerColumnsOf(deals.map((d) => d.customerId)),
    stage: new Uint8Array(n),
    closeDay: new Int32Array(n),
    dueDay: new Int32Array(n),
    amount: new Float64Array(n),
    cost: new Float64Array(n),
    serviceCost: new Float64Array(n),
    discount: new Float64Array(n),
    paidAmount: new Float64Array(n),
    productLine: new Int32Array(n),
    productLineIds: [''],
  };
  const lineIndex = new Map<string, number>([['', 0]]);
  const lineIds = columns.productLineIds as string[];
  deals.forEach((d, k) => {
    const line = d.productLineId ?? '';
    let l = lineIndex.get(line);
    if (l === undefined) {
      l = lineIds.push(line) - 1;
      lineIndex.set(line, l);
    }
    columns.productLine[k] = l;
    columns.stage[k] = STAGE_CODE.get(d.stage) ?? UNKNOWN_STAGE_CODE;
    columns.closeDay[k] = dayOf(d.closeDate);
    columns.dueDay[k] = dayOf(d.dueDate);
    columns.amount[k] = d.amount;
    columns.cost[k] = d.cost;
    columns.serviceCost[k] = d.serviceCost;
    columns.discount[k] = d.discount;
    columns.paidAmount[k] = d.paidAmount;
  });
  return columns;
}

/** The customer columns of DealFactColumns for these customer ids, row k being ids[k]. */
export function customerColumnsOf(
  ids: readonly string[],
): Pick<DealFactColumns, 'customerKey' | 'otherCustomerRow' | 'otherCustomerId'> {
  const customerKey = new Int32Array(ids.length * KEY_WORDS);
  const otherRows: number[] = [];
  const otherCustomerId: string[] = [];
  ids.forEach((id, k) => {
    if (writeUuidKey(id, customerKey, k * KEY_WORDS)) return;
    customerKey.fill(0, k * KEY_WORDS, (k + 1) * KEY_WORDS);
    otherRows.push(k);
    otherCustomerId.push(id);
  });
  return { customerKey, otherCustomerRow: Int32Array.from(otherRows), otherCustomerId };
}

/** The customer id of row k. */
export function customerIdAt(columns: DealFactColumns, k: number): string {
  const { otherCustomerRow } = columns;
  let low = 0;
  let high = otherCustomerRow.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((otherCustomerRow[mid] as number) < k) low = mid + 1;
    else high = mid;
  }
  if (otherCustomerRow[low] === k) return columns.otherCustomerId[low] as string;
  return uuidOfKey(columns.customerKey, k * KEY_WORDS);
}

/** The deals as batches: batches as they are, objects as one batch of their live rows, in order. */
export function dealBatchesOf(deals: DealInput): DealBatches {
  if ('batches' in deals) return deals;
  return { batches: [dealColumnsOf(deals.filter((d) => (d.deletedAt ?? null) === null))] };
}

/**
 * The won deals of the input, one DealFact at a time, in input order: for code that reads objects
 * (the rating's payment criterion, the bench's model fit). Each object is made as it is asked for,
 * so none outlives its turn unless the caller keeps it. Dates of batches come back as ISO strings
 * (`isoOrEmpty`), as the rows hold them.
 */
export function* wonDealFacts(deals: DealInput): Generator<DealFact, void, undefined> {
  if (!('batches' in deals)) {
    for (const d of deals) if (d.stage === 'won' && (d.deletedAt ?? null) === null) yield d;
    return;
  }
  for (const c of deals.batches) {
    for (let k = 0; k < c.stage.length; k++) {
      if (c.stage[k] !== WON_STAGE_CODE) continue;
      yield {
        customerId: customerIdAt(c, k),
        stage: 'won',
        closeDate: isoOrEmpty(c.closeDay[k] as number),
        amount: c.amount[k] as number,
        cost: c.cost[k] as number,
        serviceCost: c.serviceCost[k] as number,
        discount: c.discount[k] as number,
        paidAmount: c.paidAmount[k] as number,
        dueDate: isoOrEmpty(c.dueDay[k] as number),
        productLineId: c.productLineIds[c.productLine[k] as number] ?? '',
      };
    }
  }
}
