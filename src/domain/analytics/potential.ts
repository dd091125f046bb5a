/**
 * The seam to the potential-value model (BG/NBD + Gamma-Gamma, src/domain/clv/).
 *
 * The value engine talks to that model only through `ClvModule`, so tests can drive the wiring with a
 * stand-in; `clvModule` adapts the real model to it. Passing `null` leaves every potential-value figure
 * (P(alive), expected purchases, expected profit per purchase, potential value, method) null.
 *
 * What is fed to the model: one purchase per won deal (the model merges same-day purchases), dated by
 * its order date, valued at its profit before financial costs = amount − cost of goods − service cost
 * − handling cost per order, with calibration ending today and weeks as the time unit.
 */
import {
  fitPotentialModel,
  potentialValueFor,
  potentialValuer,
  summariseGroupedPurchases,
  summariseTransactions,
  type GroupedPurchases,
  type PotentialModel,
} from '../clv';
import type { AppSettings } from '../settings';
import type { IsoDate, PotentialMethod } from '../types';
import { dayOf, isoOf } from './days';
import type { PackedDeals } from './pack';

export interface ClvPurchase {
  customerId: string;
  date: IsoDate;
  value: number;
}

/** Per-customer repeat-purchase summary: x repeat purchases, recency tx, age T, mean value zbar. */
export interface ClvSummary {
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

export interface ClvOptions {
  horizonYears: number;
  discountRate: number;
}

export interface ClvPotential {
  pAlive: number | null;
  expectedPurchases: number | null;
  expectedProfitPerPurchase: number | null;
  potentialValue: number | null;
  method: PotentialMethod;
}

/** The contract of src/domain/clv/index.ts. */
export interface ClvModule {
  summariseTransactions(
    purchases: readonly ClvPurchase[],
    calibrationEnd: IsoDate,
    unitDays?: number,
  ): ReadonlyMap<string, ClvSummary>;
  /**
   * Optional fast path, with the same result as summariseTransactions on the same purchases, by
   * customer slot: customer i's purchases are group i of `grouped` (days ascending), and its summary
   * is slot i of the result (undefined for a customer with no purchase). Without it, the engine lists
   * the purchases one object at a time for summariseTransactions.
   */
  summariseGrouped?(
    grouped: GroupedPurchases,
    calibrationEnd: IsoDate,
    unitDays?: number,
  ): readonly (ClvSummary | undefined)[];
  /** The model fitted on every customer's summary (customers with no purchase left out), in customer order. */
  fitPotentialModel(summaries: readonly ClvSummary[], opts: ClvOptions): unknown;
  potentialValueFor(model: unknown, summary: ClvSummary, opts: ClvOptions): ClvPotential;
  /**
   * Optional fast path: potentialValueFor with the model and options fixed, giving the same figures
   * for many customers with less work (it may share work between customers).
   */
  potentialValuer?(model: unknown, opts: ClvOptions): (summary: ClvSummary) => ClvPotential;
}

/** The real model behind the seam. */
export const clvModule: ClvModule = {
  summariseTransactions: (purchases, calibrationEnd, unitDays) =>
    new Map(
      summariseTransactions(purchases, calibrationEnd, unitDays).map(({ customerId, ...summary }) => [
        customerId,
        summary,
      ]),
    ),
  summariseGrouped: (grouped, calibrationEnd, unitDays) =>
    summariseGroupedPurchases(grouped, dayOf(calibrationEnd), unitDays),
  fitPotentialModel: (summaries) => fitPotentialModel(summaries),
  potentialValueFor: (model, summary, opts) => potentialValueFor(model as PotentialModel, summary, opts),
  potentialValuer: (model, opts) => potentialValuer(model as PotentialModel, opts),
};

/** Potential-value columns, one slot per customer; NaN = null, method 0 = none. */
export interface PotentialColumns {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  expectedProfitPerPurchase: Float64Array;
  potentialValue: Float64Array;
  method: (PotentialMethod | null)[];
}

const METHODS: readonly PotentialMethod[] = ['bgnbd-gg', 'bgnbd-fixed-p-gg', 'run-rate'];

/** Runs the potential-value model for every customer, or leaves every figure null without one. */
export function estimatePotential(
  clv: ClvModule | null,
  ids: readonly string[],
  packed: PackedDeals,
  today: IsoDate,
  settings: Pick<AppSettings, 'horizonYears' | 'discountRate' | 'handlingCostPerOrder'>,
): PotentialColumns {
  const n = ids.length;
  const out: PotentialColumns = {
    pAlive: new Float64Array(n).fill(Number.NaN),
    expectedPurchases: new Float64Array(n).fill(Number.NaN),
    expectedProfitPerPurchase: new Float64Array(n).fill(Number.NaN),
    potentialValue: new Float64Array(n).fill(Number.NaN),
    method: new Array<PotentialMethod | null>(n).fill(null),
  };
  if (clv === null) return out;

  const opts: ClvOptions = { horizonYears: settings.horizonYears, discountRate: settings.discountRate };
  const bySlot = summariesBySlot(clv, ids, packed, today, settings);
  const model = clv.fitPotentialModel(
    bySlot.filter((s) => s !== undefined),
    opts,
  );
  const valueOf = clv.potentialValuer
    ? clv.potentialValuer(model, opts)
    : (summary: ClvSummary) => clv.potentialValueFor(model, summary, opts);
  for (let i = 0; i < n; i++) {
    const summary = bySlot[i];
    if (summary === undefined) continue;
    const p = valueOf(summary);
    out.pAlive[i] = p.pAlive ?? Number.NaN;
    out.expectedPurchases[i] = p.expectedPurchases ?? Number.NaN;
    out.expectedProfitPerPurchase[i] =
      p.expectedProfitPerPurchase === null ? Number.NaN : Math.round(p.expectedProfitPerPurchase);
    out.potentialValue[i] = p.potentialValue === null ? Number.NaN : Math.round(p.potentialValue);
    out.method[i] = METHODS.includes(p.method) ? p.method : null;
  }
  return out;
}

/** Each customer's purchase summary (undefined for a customer with none), slot i being ids[i]. */
function summariesBySlot(
  clv: ClvModule,
  ids: readonly string[],
  packed: PackedDeals,
  today: IsoDate,
  settings: Pick<AppSettings, 'handlingCostPerOrder'>,
): readonly (ClvSummary | undefined)[] {
  if (clv.summariseGrouped) {
    const grouped = { offsets: packed.offsets, day: packed.day, value: purchaseValues(packed, settings) };
    return clv.summariseGrouped(grouped, today, 7);
  }
  const byId = clv.summariseTransactions(purchaseList(ids, packed, settings), today, 7);
  return ids.map((id) => byId.get(id));
}

/** Each packed deal's value as a purchase: its profit before financial costs (see the top of the file). */
function purchaseValues(
  packed: PackedDeals,
  settings: Pick<AppSettings, 'handlingCostPerOrder'>,
): Float64Array {
  const values = new Float64Array(packed.day.length);
  for (let j = 0; j < values.length; j++)
    values[j] =
      (packed.amount[j] as number) -
      (packed.cost[j] as number) -
      (packed.serviceCost[j] as number) -
      settings.handlingCostPerOrder;
  return values;
}

/** The packed deals as one purchase object each, customer after customer (for a module without summariseGrouped). */
function purchaseList(
  ids: readonly string[],
  packed: PackedDeals,
  settings: Pick<AppSettings, 'handlingCostPerOrder'>,
): ClvPurchase[] {
  const values = purchaseValues(packed, settings);
  const isoCache = new Map<number, IsoDate>();
  const purchases: ClvPurchase[] = [];
  for (let i = 0; i < ids.length; i++) {
    const customerId = ids[i] as string;
    for (let j = packed.offsets[i] as number; j < (packed.offsets[i + 1] as number); j++) {
      const day = packed.day[j] as number;
      let date = isoCache.get(day);
      if (date === undefined) {
        date = isoOf(day);
        isoCache.set(day, date);
      }
      purchases.push({ customerId, date, value: values[j] as number });
    }
  }
  return purchases;
}
