/**
 * The plan of the sample business: who the customers are and how many deals and interactions each
 * one gets. Rows are made from the plan afterwards, table by table, so each table can be streamed.
 *
 * The model:
 * - Every customer has a hidden size z ~ N(0, 1). How often they buy grows as e^(σf·z) and how much
 *   per order as e^(σa·z), so yearly revenue is log-normal with σ = σf + σa = 1.4 and, with the
 *   differences in how long customers have been buying, about 20 % of customers bring ≈ 80 % of the
 *   revenue (Pareto): a few big accounts, many small ones.
 * - Each customer has a kind that fixes the span in which they buy: active (since some time in the last
 *   3 years, still buying), new (first purchase in the last 90 days), declining (stopped 3–10 months
 *   ago), churned (no purchase for more than 12 months) and prospect (never bought: only open or lost
 *   deals). A buyer's first deal is won on the day of the first purchase; a churned or declining
 *   customer's second deal is won on the day of the last purchase, so the kinds are exact.
 * - Receivables: each customer pays well, slowly or badly; the payer type sets the chance that a won
 *   deal past its due date is still (partly) unpaid, lower for older debts (most are collected in
 *   the end), which fills every overdue age band.
 * - Loss-makers: a few customers get heavy discounts or unusually high service/freight costs.
 * - Deal and interaction counts are shared out in proportion to how much and how long each customer
 *   buys, by cumulative rounding, so the totals are exact.
 */
import type { IsoDate, ProductLine } from '../types';
import { parseIsoDay } from './dates';
import { SALESPEOPLE } from './names';
import { buildProductLines, NO_LINE_WEIGHT, PRODUCT_LINE_SPECS } from './product-lines';
import { resolveCounts, SAMPLE_BATCH_ID, type SampleCounts, type SampleDataOptions } from './options';
import { createRng, pickWeighted, uuid, weighted } from './rng';

export const KIND = { active: 0, new: 1, declining: 2, churned: 3, prospect: 4 } as const;
export const TRAIT = {
  priceSensitive: 1,
  lossDiscount: 2,
  lossService: 4,
  doNotContact: 8,
  unhappy: 16,
} as const;
export const PAYER = { good: 0, slow: 1, bad: 2 } as const;

/** How far back the business's history goes. */
export const HISTORY_DAYS = 1_095;
/** Deals opened in the last OPEN_WINDOW_DAYS of a still-buying customer may still be open… */
export const OPEN_WINDOW_DAYS = 120;
/** …with P_OPEN_RECENT in the last OPEN_RECENT_DAYS and P_OPEN_OLDER before. */
export const OPEN_RECENT_DAYS = 30;
export const P_OPEN_RECENT = 0.6;
export const P_OPEN_OLDER = 0.25;
/** Chance a closed deal was lost (price-sensitive customers lose more). */
export const P_LOST = 0.12;
export const P_LOST_PRICE_SENSITIVE = 0.2;

const SIGMA_FREQUENCY = 0.7;
const SIGMA_AMOUNT = 0.7;
/** Median order of a typical customer: ¥6 000. */
const BASE_AMOUNT = 600_000;

/** Per-customer facts the row generators share, one typed-array slot per customer. */
export interface CustomerProfiles {
  readonly ids: readonly string[];
  readonly kind: Uint8Array;
  /** Hidden size z ~ N(0, 1). */
  readonly size: Float64Array;
  /** Day numbers: first contact, first purchase, last possible purchase (today if still buying). */
  readonly firstContact: Int32Array;
  readonly firstPurchase: Int32Array;
  readonly lastPurchase: Int32Array;
  /** Mean order amount, cents. */
  readonly meanAmount: Float64Array;
  readonly payer: Uint8Array;
  /** Bit set of TRAIT. */
  readonly traits: Uint8Array;
  /** Index into SALESPEOPLE. */
  readonly owner: Uint8Array;
  /** Usual payment term in days (30, 60 or 90). */
  readonly paymentTerm: Uint8Array;
  readonly dealCount: Int32Array;
  readonly interactionCount: Int32Array;
}

/**
 * Everything the row generators need: plain data (structured-cloneable, so it can be posted to a
 * worker), cheap to hold even for 100 000 customers.
 */
export interface SamplePlan {
  readonly seed: number;
  readonly today: IsoDate;
  readonly todayDay: number;
  readonly batchId: string;
  readonly counts: Readonly<Required<SampleCounts>>;
  readonly customers: CustomerProfiles;
  readonly productLines: readonly ProductLine[];
}

const KINDS = weighted([
  [KIND.active, 0.62],
  [KIND.new, 0.07],
  [KIND.declining, 0.08],
  [KIND.churned, 0.15],
  [KIND.prospect, 0.08],
]);
const OWNERS = weighted(SALESPEOPLE.map(([, w], i) => [i, w] as const));
const TERMS = weighted([
  [30, 0.5],
  [60, 0.35],
  [90, 0.15],
]);

/**
 * Shares `total` out in proportion to `weights` by cumulative rounding (the shares add up to `total`
 * exactly), after giving `floor[i]` to each slot first when the total allows it.
 */
export function allocate(total: number, weights: Float64Array, floor: Uint8Array): Int32Array {
  const n = weights.length;
  const out = new Int32Array(n);
  let base = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    base += floor[i] ?? 0;
    sum += weights[i] ?? 0;
  }
  const useFloor = base <= total;
  const rest = total - (useFloor ? base : 0);
  let run = 0;
  let given = 0;
  for (let i = 0; i < n; i++) {
    run += weights[i] ?? 0;
    const upTo = i === n - 1 ? rest : Math.round((rest * run) / sum);
    out[i] = upTo - given + (useFloor ? (floor[i] ?? 0) : 0);
    given = upTo;
  }
  return out;
}

/** Days of [a, b] that fall in [c, d] (all inclusive day numbers). */
function overlap(a: number, b: number, c: number, d: number): number {
  return Math.max(0, Math.min(b, d) - Math.max(a, c) + 1);
}

/** Expected won revenue (cents) of customer i in the 12 months up to today, mirroring deals.ts. */
function expectedRecentRevenue(p: CustomerProfiles, i: number, today: number): number {
  const kind = p.kind[i] ?? KIND.prospect;
  if (kind === KIND.prospect) return 0;
  const a = p.firstPurchase[i] ?? today;
  const b = p.lastPurchase[i] ?? today;
  const won = 1 - ((p.traits[i] ?? 0) & TRAIT.priceSensitive ? P_LOST_PRICE_SENSITIVE : P_LOST);
  const stillBuying = b === today;
  const days =
    overlap(a, b, today - 364, today - OPEN_WINDOW_DAYS - 1) +
    overlap(a, b, today - OPEN_WINDOW_DAYS, today - OPEN_RECENT_DAYS - 1) *
      (stillBuying ? 1 - P_OPEN_OLDER : 1) +
    overlap(a, b, today - OPEN_RECENT_DAYS, today) * (stillBuying ? 1 - P_OPEN_RECENT : 1);
  return ((p.dealCount[i] ?? 0) * (p.meanAmount[i] ?? 0) * won * days) / (b - a + 1);
}

function buildProfiles(seed: number, n: number, today: number): CustomerProfiles {
  const rng = createRng(seed, 'plan');
  const p = {
    ids: new Array<string>(n),
    kind: new Uint8Array(n),
    size: new Float64Array(n),
    firstContact: new Int32Array(n),
    firstPurchase: new Int32Array(n),
    lastPurchase: new Int32Array(n),
    meanAmount: new Float64Array(n),
    payer: new Uint8Array(n),
    traits: new Uint8Array(n),
    owner: new Uint8Array(n),
    paymentTerm: new Uint8Array(n),
    dealCount: new Int32Array(0),
    interactionCount: new Int32Array(0),
  };
  const historyStart = today - HISTORY_DAYS;
  for (let i = 0; i < n; i++) {
    p.ids[i] = uuid(rng);
    const kind = pickWeighted(rng, KINDS);
    const z = rng.normal();
    let start: number;
    let end = today;
    if (kind === KIND.new) {
      start = today - rng.between(3, 85);
    } else if (kind === KIND.declining) {
      end = today - rng.between(95, 300);
      start = Math.min(today - rng.between(300, HISTORY_DAYS), end - 60);
    } else if (kind === KIND.churned) {
      end = today - rng.between(370, 900);
      start = Math.max(historyStart, end - rng.between(30, 700));
    } else if (kind === KIND.prospect) {
      start = today - (rng.chance(0.6) ? rng.between(0, 200) : rng.between(200, HISTORY_DAYS));
      end = start;
    } else {
      start = today - rng.between(91, HISTORY_DAYS);
    }
    p.kind[i] = kind;
    p.size[i] = z;
    p.firstPurchase[i] = start;
    p.lastPurchase[i] = end;
    p.firstContact[i] = kind === KIND.prospect ? start : start - rng.between(0, 60);
    p.meanAmount[i] = Math.max(30_000, BASE_AMOUNT * Math.exp(SIGMA_AMOUNT * z + 0.3 * rng.normal()));
    const r = rng.next();
    const badShare = kind === KIND.churned ? 0.15 : 0.07;
    p.payer[i] = r < badShare ? PAYER.bad : r < badShare + 0.17 ? PAYER.slow : PAYER.good;
    let traits = 0;
    if (rng.chance(0.15)) traits |= TRAIT.priceSensitive;
    if (kind !== KIND.prospect) {
      const loss = rng.next();
      if (loss < 0.035) traits |= TRAIT.lossDiscount | TRAIT.priceSensitive;
      else if (loss < 0.07) traits |= TRAIT.lossService;
    }
    if (rng.chance(0.03)) traits |= TRAIT.doNotContact;
    if (rng.chance(kind === KIND.declining || kind === KIND.churned ? 0.5 : 0.08)) traits |= TRAIT.unhappy;
    p.traits[i] = traits;
    p.owner[i] = pickWeighted(rng, OWNERS);
    p.paymentTerm[i] = z > 1.2 && rng.chance(0.6) ? rng.pick([60, 90]) : pickWeighted(rng, TERMS);
  }
  return p;
}

function allocateRows(p: CustomerProfiles, deals: number, interactions: number, today: number) {
  const n = p.ids.length;
  const dealWeight = new Float64Array(n);
  const dealFloor = new Uint8Array(n);
  const contactWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = p.size[i] ?? 0;
    const start = p.firstPurchase[i] ?? today;
    const end = p.lastPurchase[i] ?? today;
    const buyer = p.kind[i] !== KIND.prospect;
    const years = Math.max(30, end - start + 1) / 365;
    dealWeight[i] = buyer ? Math.exp(SIGMA_FREQUENCY * z) * years : 0.25;
    dealFloor[i] = buyer ? 1 : 0;
    const contactEnd = buyer ? Math.min(today, end + 180) : Math.min(today, start + 365);
    const contactYears = Math.max(30, contactEnd - (p.firstContact[i] ?? today) + 1) / 365;
    contactWeight[i] = 0.3 + Math.min(4, Math.exp(0.5 * z)) * contactYears;
  }
  return {
    dealCount: allocate(deals, dealWeight, dealFloor),
    interactionCount: allocate(interactions, contactWeight, new Uint8Array(n)),
  };
}

/**
 * Plans a sample data set: resolves the options, draws the customer profiles, shares the deals and
 * interactions out and builds the product lines. Throws a RangeError for an invalid `today`, a negative
 * or fractional count, or deals/interactions without customers.
 */
export function planSampleData(opts: SampleDataOptions): SamplePlan {
  const todayDay = parseIsoDay(opts.today);
  const seed = opts.seed ?? 1;
  const counts = resolveCounts(opts);
  const drawn = buildProfiles(seed, counts.customers, todayDay);
  const customers: CustomerProfiles = {
    ...drawn,
    ...allocateRows(drawn, counts.deals, counts.interactions, todayDay),
  };
  let expected = 0;
  for (let i = 0; i < counts.customers; i++) expected += expectedRecentRevenue(customers, i, todayDay);
  const lineTotal = PRODUCT_LINE_SPECS.reduce((s, l) => s + l.dealWeight, NO_LINE_WEIGHT);
  const batchId = opts.batchId ?? SAMPLE_BATCH_ID;
  const productLines = buildProductLines(
    createRng(seed, 'productLines'),
    PRODUCT_LINE_SPECS.map((l) => (expected * l.dealWeight) / lineTotal),
    todayDay - HISTORY_DAYS - 90,
    todayDay - 30,
    batchId,
  );
  return {
    seed,
    today: opts.today,
    todayDay,
    batchId,
    counts,
    customers,
    productLines,
  };
}
