/**
 * The Pareto curve of the Value dashboard: customers with a positive contemporary value ranked from the
 * highest down; x = share of those customers, y = cumulative share of their positive value.
 *
 *   point k (k of n customers): customerShare = k ÷ n, valueShare = (v₁ + … + v_k) ÷ P, P = Σ positive v
 *
 * The curve is sampled at `steps` equal steps of customers (k = round(n × i ÷ steps)). The A / B / C bands
 * are the stored tiers (set by the value engine with the settings' cut points), so the bands here and
 * the tier counts agree; `crossing` is the customer share at which the value share first reaches the
 * A cut point (the "80 % line").
 *
 * Example: values 50, 30, 10, 6, 4 (P = 100), 5 steps → valueShare 0, 0.5, 0.8, 0.9, 0.96, 1 at
 * customerShare 0, 0.2, 0.4, 0.6, 0.8, 1; crossing at 0.8 = 0.4 (two customers of five).
 */
import type { DashCustomer, Members } from './inputs';

export interface ParetoPoint {
  customers: number;
  customerShare: number;
  valueShare: number;
}

export interface ParetoBand extends Members {
  tier: 'A' | 'B' | 'C';
  /** Customer shares where the band starts and ends. */
  from: number;
  to: number;
  value: number;
}

export interface ParetoCurve {
  positiveCustomers: number;
  totalPositive: number;
  points: ParetoPoint[];
  bands: ParetoBand[];
  /** Customer share at which the value share first reaches `cutA`, or null with no positive value. */
  crossing: number | null;
}

export function paretoCurve(
  customers: readonly DashCustomer[],
  mask: Uint8Array,
  cutA: number,
  steps = 20,
): ParetoCurve {
  const ranked: number[] = [];
  let total = 0;
  for (let i = 0; i < customers.length; i++) {
    const v = customers[i]!.contemporaryValue;
    if (mask[i] && v > 0) {
      ranked.push(i);
      total += v;
    }
  }
  ranked.sort((a, b) => {
    const d = customers[b]!.contemporaryValue - customers[a]!.contemporaryValue;
    return d !== 0 ? d : customers[a]!.id < customers[b]!.id ? -1 : 1;
  });
  const n = ranked.length;
  const cumulative = new Float64Array(n + 1);
  let crossing: number | null = null;
  for (let k = 1; k <= n; k++) {
    cumulative[k] = cumulative[k - 1]! + customers[ranked[k - 1]!]!.contemporaryValue;
    if (crossing === null && cumulative[k]! >= cutA * total) crossing = k / n;
  }
  const points: ParetoPoint[] = [];
  if (n > 0) {
    for (let s = 0; s <= steps; s++) {
      const k = Math.round((n * s) / steps);
      points.push({ customers: k, customerShare: k / n, valueShare: cumulative[k]! / total });
    }
  }
  const bands: ParetoBand[] = [];
  for (const tier of ['A', 'B', 'C'] as const) {
    const members = ranked.filter((i) => customers[i]!.tier === tier);
    if (members.length === 0) continue;
    const first = ranked.indexOf(members[0]!);
    const value = members.reduce((sum, i) => sum + customers[i]!.contemporaryValue, 0);
    bands.push({
      tier,
      drill: `pareto:${tier}`,
      members,
      from: first / n,
      to: (first + members.length) / n,
      value,
    });
  }
  return { positiveCustomers: n, totalPositive: total, points, bands, crossing };
}
