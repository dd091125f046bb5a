/**
 * What the dashboards aggregate, in the shape they aggregate it: one small record per customer (its
 * facts and the stored metrics the dashboards read) and the deals packed into columns (typed arrays),
 * so a million deals fit in memory at a few dozen bytes each and a filter change is a tight loop over
 * numbers. Dates are day numbers (`dayOf`) and months are `year × 12 + month − 1`, computed once when
 * the deals are packed.
 */
import { dayOf, NO_DAY } from '../analytics/days';
import {
  DEAL_STAGES,
  type AbcTier,
  type DealStage,
  type IsoDate,
  type LifecycleStage,
  type Money,
  type ValueClass,
} from '../types';

export interface DashCustomer {
  id: string;
  code: string;
  name: string;
  owner: string;
  region: string;
  industry: string;
  /** `''` until the value engine has computed the customer's metrics. */
  tier: AbcTier | '';
  valueClass: ValueClass;
  contemporaryValue: Money;
  rfmR: number | null;
  rfmF: number | null;
  lifecycle: LifecycleStage | '';
  pAlive: number | null;
  potentialValue: Money | null;
  headroom: Money | null;
}

/** The deal fields the dashboards read, as stored. */
export interface DashDealRow {
  customerId: string;
  stage: DealStage;
  openDate: IsoDate;
  closeDate: IsoDate;
  dueDate: IsoDate;
  amount: Money;
  paidAmount: Money;
}

export interface DealColumns {
  count: number;
  /** Index into the customers array, or −1 for a deal whose customer is not (or no longer) there. */
  customer: Int32Array;
  /** Index into DEAL_STAGES. */
  stage: Uint8Array;
  openDay: Int32Array;
  closeDay: Int32Array;
  dueDay: Int32Array;
  /** `year × 12 + month − 1` of the close (order) date, −1 when not set. */
  closeMonth: Int32Array;
  openMonth: Int32Array;
  amount: Float64Array;
  paid: Float64Array;
}

export interface DashboardInputs {
  customers: DashCustomer[];
  deals: DealColumns;
  /** The owner's local date: receivables are aged to it. */
  today: IsoDate;
  /** The A cut point of the settings (share of positive value), for the Pareto curve's line. */
  tierCutA: number;
}

/** Month index of an ISO date: `year × 12 + month − 1`, or −1. @example monthOf('2025-03-09') // 24302 */
export function monthOf(iso: IsoDate): number {
  if (dayOf(iso) === NO_DAY) return -1;
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** `'YYYY-MM'` of a month index. @example monthLabel(24302) // '2025-03' */
export function monthLabel(month: number): string {
  const y = Math.floor(month / 12);
  return `${String(y).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}

export const STAGE_INDEX: Readonly<Record<DealStage, number>> = Object.fromEntries(
  DEAL_STAGES.map((s, i) => [s, i]),
) as Record<DealStage, number>;

/** Packs deal rows into columns; `customerIndex` maps a customer id to its index in the customers array. */
export function packDeals(
  rows: readonly DashDealRow[],
  customerIndex: ReadonlyMap<string, number>,
): DealColumns {
  const n = rows.length;
  const cols: DealColumns = {
    count: n,
    customer: new Int32Array(n),
    stage: new Uint8Array(n),
    openDay: new Int32Array(n),
    closeDay: new Int32Array(n),
    dueDay: new Int32Array(n),
    closeMonth: new Int32Array(n),
    openMonth: new Int32Array(n),
    amount: new Float64Array(n),
    paid: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const d = rows[i]!;
    cols.customer[i] = customerIndex.get(d.customerId) ?? -1;
    cols.stage[i] = STAGE_INDEX[d.stage] ?? 0;
    cols.openDay[i] = dayOf(d.openDate);
    cols.closeDay[i] = dayOf(d.closeDate);
    cols.dueDay[i] = dayOf(d.dueDate);
    cols.closeMonth[i] = monthOf(d.closeDate);
    cols.openMonth[i] = monthOf(d.openDate);
    cols.amount[i] = d.amount;
    cols.paid[i] = d.paidAmount;
  }
  return cols;
}

/** The customers' index by id, for `packDeals`. */
export function indexCustomers(customers: readonly { id: string }[]): Map<string, number> {
  return new Map(customers.map((c, i) => [c.id, i]));
}

/**
 * A bucket of a chart (a bar, a cell, a band) with the customers behind it, as indices into the
 * customers array. `drill` names the bucket uniquely within a dashboard (`'rfm:5:4'`), so the
 * customers can be asked for later without sending every bucket's members to the page.
 */
export interface Members {
  drill: string;
  members: number[];
  /** How many members there are: set where the members are kept apart (the dashboards worker). */
  size?: number;
}
