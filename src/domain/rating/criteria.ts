/**
 * The rating criteria the owner can pick, where each one's values come from and which way is better.
 *
 * Sources: 'metrics' criteria are read from the customerMetrics table the value engine fills (until it
 * has run they have no data, and the UI says so instead of inventing numbers); 'deals' and 'customers'
 * criteria are computed here from the base tables and work from the first deal.
 */
import type { CustomerMetrics } from '../types';
import type { CriterionDirection } from './normalise';
import { paymentRatio, type PaymentRecord } from './payment';

export const CRITERION_KEYS = [
  'contemporaryValue',
  'potentialValue',
  'loyaltyIndex',
  'paymentBehaviour',
  'strategicImportance',
  'revenue',
  'shareOfWallet',
  'avgSatisfaction',
  'complaints',
  'discountDepth',
] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];

export type CriterionSource = 'metrics' | 'deals' | 'customers';

export interface CriterionDef {
  source: CriterionSource;
  direction: CriterionDirection;
}

export const CRITERIA: Record<CriterionKey, CriterionDef> = {
  contemporaryValue: { source: 'metrics', direction: 'benefit' },
  potentialValue: { source: 'metrics', direction: 'benefit' },
  loyaltyIndex: { source: 'metrics', direction: 'benefit' },
  paymentBehaviour: { source: 'deals', direction: 'benefit' },
  strategicImportance: { source: 'customers', direction: 'benefit' },
  revenue: { source: 'metrics', direction: 'benefit' },
  shareOfWallet: { source: 'metrics', direction: 'benefit' },
  avgSatisfaction: { source: 'metrics', direction: 'benefit' },
  complaints: { source: 'metrics', direction: 'cost' },
  discountDepth: { source: 'metrics', direction: 'cost' },
};

/** The criteria of DESIGN.md §2 / issue 7, enabled on first use. */
export const DEFAULT_CRITERIA: readonly CriterionKey[] = [
  'contemporaryValue',
  'potentialValue',
  'loyaltyIndex',
  'paymentBehaviour',
  'strategicImportance',
];

export function isCriterionKey(value: unknown): value is CriterionKey {
  return typeof value === 'string' && (CRITERION_KEYS as readonly string[]).includes(value);
}

/** What a criterion's values are computed from, per customer. */
export interface RatingInputs {
  customers: readonly { id: string; strategicImportance: number | null }[];
  metrics: ReadonlyMap<string, CustomerMetrics>;
  payment: ReadonlyMap<string, PaymentRecord>;
}

const METRIC_FIELD = {
  contemporaryValue: 'contemporaryValue',
  potentialValue: 'potentialValue',
  loyaltyIndex: 'loyaltyIndex',
  revenue: 'revenue',
  shareOfWallet: 'shareOfWallet',
  avgSatisfaction: 'avgSatisfaction',
  complaints: 'complaints',
  discountDepth: 'discountDepth',
} as const satisfies Partial<Record<CriterionKey, keyof CustomerMetrics>>;

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The raw values of criterion `key`, one per customer in `inputs.customers` order; null where the
 * customer has no value (no metrics row yet, nothing due, not rated).
 *
 * Example: 'strategicImportance' for customers rated 4 and not rated → [4, null].
 */
export function criterionValues(key: CriterionKey, inputs: RatingInputs): (number | null)[] {
  return inputs.customers.map((c) =>
    criterionValue(key, c.strategicImportance, inputs.metrics.get(c.id), inputs.payment.get(c.id)),
  );
}

/**
 * One customer's raw value of criterion `key`, from its strategic importance, its metrics row and its
 * payment record (either may be missing); null where it has none.
 *
 * Example: 'paymentBehaviour' with {due: 4000, collected: 2500} → 0.625; with no record → null.
 */
export function criterionValue(
  key: CriterionKey,
  strategicImportance: number | null,
  metrics: CustomerMetrics | undefined,
  payment: PaymentRecord | undefined,
): number | null {
  if (key === 'strategicImportance') return finite(strategicImportance);
  if (key === 'paymentBehaviour') return paymentRatio(payment);
  return metrics ? finite(metrics[METRIC_FIELD[key]]) : null;
}
