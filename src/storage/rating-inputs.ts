/**
 * What the rating and the portfolio read from the database, in one place: active customers, the
 * derived customer metrics (written by the value engine; read only), the deal facts both need, and the
 * product lines. The aggregation itself is domain code.
 *
 * Scale note: both read every deal once per change of the deals table. That is fine for thousands of
 * deals; for the million-deal data set this belongs in the analytics worker, which can hand over the
 * per-customer payment records and per-line sales with the other metrics.
 */
import { productLineSales, type LineSales } from '../domain/portfolio/sales';
import type { DateWindow } from '../domain/portfolio/windows';
import { paymentRecords, type PaymentRecord } from '../domain/rating/payment';
import { ABC_TIERS } from '../domain/analytics/tiers';
import type { AbcTier, CustomerMetrics, ProductLine } from '../domain/types';
import type { KehuDb } from './db';
import { handleStorageError } from './errors';

export interface RatedCustomer {
  id: string;
  code: string;
  name: string;
  strategicImportance: number | null;
}

export interface RatingData {
  customers: RatedCustomer[];
  metrics: Map<string, CustomerMetrics>;
  payment: Map<string, PaymentRecord>;
}

export interface PortfolioData {
  lines: ProductLine[];
  sales: Map<string, LineSales>;
}

const TIERS: readonly AbcTier[] = ABC_TIERS;

/** A metrics row as the value engine writes it: checked before a formula reads it. */
export function isCustomerMetrics(value: unknown): value is CustomerMetrics {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<CustomerMetrics>;
  return typeof m.customerId === 'string' && TIERS.includes(m.tier as AbcTier);
}

export async function readRatingData(db: KehuDb, window: DateWindow): Promise<RatingData> {
  try {
    return await db.transaction('r', [db.customers, db.customerMetrics, db.deals], async () => {
      const customers = await db.customers.filter((c) => c.deletedAt === null).toArray();
      const metrics = await db.customerMetrics.toArray();
      const deals = await db.deals.toArray();
      return {
        customers: customers.map((c) => ({
          id: c.id,
          code: c.code,
          name: c.name,
          strategicImportance: c.strategicImportance,
        })),
        metrics: new Map(metrics.filter(isCustomerMetrics).map((m) => [m.customerId, m])),
        payment: paymentRecords(deals, window),
      };
    });
  } catch (e) {
    throw handleStorageError(e);
  }
}

export async function readPortfolioData(
  db: KehuDb,
  windows: { current: DateWindow; base: DateWindow },
): Promise<PortfolioData> {
  try {
    return await db.transaction('r', [db.productLines, db.deals], async () => {
      const lines = await db.productLines.filter((l) => l.deletedAt === null).toArray();
      const deals = await db.deals.toArray();
      return { lines, sales: productLineSales(deals, windows) };
    });
  } catch (e) {
    throw handleStorageError(e);
  }
}
