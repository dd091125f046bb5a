/** Shared checks for the sample-data tests. */
import type { Customer, Deal, Interaction, ProductLine } from '../../../../src/domain/types';

export const TODAY = '2025-06-30';
const TODAY_MS = Date.UTC(2025, 5, 30);

/** Days from TODAY to an ISO date (negative in the past). */
export function daysFromToday(iso: string): number {
  return (Date.parse(iso) - TODAY_MS) / 86_400_000;
}

export function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function isMoney(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function isTimestamp(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every key of T, listed once; the type check below fails if one is missing. */
function keys<T>() {
  return <const K extends readonly (keyof T)[]>(
    list: K & ([Exclude<keyof T, K[number]>] extends [never] ? unknown : 'missing keys'),
  ) => list;
}

export const CUSTOMER_KEYS = keys<Customer>()([
  'id',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'batchId',
  'code',
  'name',
  'taxId',
  'licenceNo',
  'contactName',
  'phone',
  'email',
  'address',
  'region',
  'industry',
  'owner',
  'relationshipType',
  'walletEstimate',
  'doNotContact',
  'loyaltyTypes',
  'strategicImportance',
  'notes',
]);
export const DEAL_KEYS = keys<Deal>()([
  'id',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'batchId',
  'code',
  'customerId',
  'productLineId',
  'title',
  'stage',
  'openDate',
  'closeDate',
  'amount',
  'cost',
  'serviceCost',
  'discount',
  'paidAmount',
  'dueDate',
  'deliveryDate',
  'owner',
  'notes',
]);
export const INTERACTION_KEYS = keys<Interaction>()([
  'id',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'batchId',
  'customerId',
  'date',
  'channel',
  'type',
  'satisfaction',
  'summary',
  'nextAction',
  'nextActionDue',
  'resolved',
  'owner',
]);
export const PRODUCT_LINE_KEYS = keys<ProductLine>()([
  'id',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'batchId',
  'code',
  'name',
  'marketSize',
  'marketSizeBase',
  'largestCompetitorSales',
  'geScores',
  'costRatio',
  'notes',
]);

/** Won revenue per customer id, optionally only deals closed after `sinceDays` (e.g. -365). */
export function wonRevenue(deals: readonly Deal[], sinceDays = -Infinity): Map<string, number> {
  const revenue = new Map<string, number>();
  for (const d of deals) {
    if (d.stage === 'won' && daysFromToday(d.closeDate) > sinceDays) {
      revenue.set(d.customerId, (revenue.get(d.customerId) ?? 0) + d.amount);
    }
  }
  return revenue;
}

/** Share of the total held by the top 20 % of `values`. */
export function topFifthShare(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => b - a);
  const total = sorted.reduce((s, v) => s + v, 0);
  const top = sorted.slice(0, Math.round(sorted.length * 0.2)).reduce((s, v) => s + v, 0);
  return top / total;
}
