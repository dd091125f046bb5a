/**
 * The seam to the potential-value model (BG/NBD + Gamma-Gamma, src/domain/clv/).
 *
 * The value engine talks to that model only through `ClvModule`, so tests can drive the wiring with a
 * stand-in; `clvModule` adapts the real model to it. Passing `null` leaves every potential-value figure
 * (P(alive), expected purchases, expected profit per purchase, potential value, method) null.
 *
 * What is fed to the model: one purchase per won deal with a positive amount (returns / credit notes
 * are left out: they are not purchases, and Gamma-Gamma needs positive spends), dated by its order
 * date, valued at its profit before financial costs = amount − cost of goods (estimated from the
 * default cost ratio when the deal has none) − service cost − handling cost per order, with calibration
 * ending today and weeks as the time unit. The model merges same-day purchases: BG/NBD's own
 * convention counts distinct purchase days, where the loyalty figures count orders (loyalty.ts).
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
import { costOfGoodsOf } from './contemporary-value';
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
  const bySlot = summariesBySlot(clv, ids, purchasesOf(packed, settings), today);
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

/** The purchases of the packed deals, grouped as they are (customer i = rows offsets[i] … offsets[i + 1] − 1). */
interface Purchases {
  offsets: Int32Array;
  day: Int32Array;
  /** Profit before financial costs (see the top of the file). */
  value: Float64Array;
}

/**
 * The purchases among the packed deals (amount > 0), each valued at its profit before financial costs;
 * the packed columns are shared as they are when every deal is a purchase.
 *
 * @example deals of one customer: +¥100 (cost 60), −¥30 (a return) → one purchase, value ¥40 − handling
 */
export function purchasesOf(
  packed: PackedDeals,
  settings: Pick<AppSettings, 'handlingCostPerOrder'>,
): Purchases {
  const { amount, cost, serviceCost, costRatio, offsets, day } = packed;
  let kept = 0;
  for (let j = 0; j < amount.length; j++) if ((amount[j] as number) > 0) kept++;
  const all = kept === amount.length;
  const out: Purchases = all
    ? { offsets, day, value: new Float64Array(kept) }
    : { offsets: new Int32Array(offsets.length), day: new Int32Array(kept), value: new Float64Array(kept) };
  let k = 0;
  for (let i = 0; i + 1 < offsets.length; i++) {
    for (let j = offsets[i] as number; j < (offsets[i + 1] as number); j++) {
      const a = amount[j] as number;
      if (!(a > 0)) continue;
      out.day[k] = day[j] as number;
      out.value[k] =
        a -
        costOfGoodsOf(a, cost[j] as number, costRatio[j] as number) -
        (serviceCost[j] as number) -
        settings.handlingCostPerOrder;
      k++;
    }
    out.offsets[i + 1] = k;
  }
  return out;
}

/** Each customer's purchase summary (undefined for a customer with none), slot i being ids[i]. */
function summariesBySlot(
  clv: ClvModule,
  ids: readonly string[],
  purchases: Purchases,
  today: IsoDate,
): readonly (ClvSummary | undefined)[] {
  if (clv.summariseGrouped) return clv.summariseGrouped(purchases, today, 7);
  const byId = clv.summariseTransactions(purchaseList(ids, purchases), today, 7);
  return ids.map((id) => byId.get(id));
}

/** The purchases as one object each, customer after customer (for a module without summariseGrouped). */
function purchaseList(ids: readonly string[], purchases: Purchases): ClvPurchase[] {
  const isoCache = new Map<number, IsoDate>();
  const list: ClvPurchase[] = [];
  for (let i = 0; i < ids.length; i++) {
    const customerId = ids[i] as string;
    for (let j = purchases.offsets[i] as number; j < (purchases.offsets[i + 1] as number); j++) {
      const day = purchases.day[j] as number;
      let date = isoCache.get(day);
      if (date === undefined) {
        date = isoOf(day);
        isoCache.set(day, date);
      }
      list.push({ customerId, date, value: purchases.value[j] as number });
    }
  }
  return list;
}
