/**
 * Synthetic purchases drawn from the BG/NBD and Gamma-Gamma processes themselves (seeded), for the
 * speed measurement and the parameter-recovery test: the fit must find the parameters the data were
 * made with.
 */
import type { BgNbdParams, GammaGammaParams, Purchase } from '../../../../src/domain/clv';
import { createRng, type Rng } from '../../../../src/domain/sample-data/rng';

/** Gamma(shape, rate 1) deviate (Marsaglia & Tsang 2000; shape < 1 by the u^(1/shape) boost). */
function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.normal();
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

const isoDate = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

export interface Simulation {
  purchases: Purchase[];
  calibrationEnd: string;
}

/**
 * `customers` customers acquired uniformly over the year 2023, observed until 2024-12-31; purchase
 * times in weeks, rounded down to days; values Gamma(p, ν) with ν ~ Gamma(q, v), in whole cents.
 */
export function simulatePurchases(
  customers: number,
  bg: BgNbdParams,
  gg: GammaGammaParams,
  seed = 1,
): Simulation {
  const rng = createRng(seed, 'clv-simulation');
  const start = Date.UTC(2023, 0, 1) / 86_400_000;
  const end = Date.UTC(2024, 11, 31) / 86_400_000;
  const purchases: Purchase[] = [];
  for (let i = 0; i < customers; i++) {
    const customerId = `c${i}`;
    const first = start + rng.int(365);
    const ageWeeks = (end - first) / 7;
    const lambda = gamma(rng, bg.r) / bg.alpha;
    const ga = gamma(rng, bg.a);
    const p = ga / (ga + gamma(rng, bg.b));
    const nu = gamma(rng, gg.q) / gg.v;
    const value = (): number => Math.max(1, Math.round((100 * gamma(rng, gg.p)) / nu));
    purchases.push({ customerId, date: isoDate(first), value: value() });
    let t = 0;
    for (;;) {
      t += -Math.log(1 - rng.next()) / lambda;
      if (t > ageWeeks) break;
      purchases.push({ customerId, date: isoDate(first + Math.floor(t * 7)), value: value() });
      if (rng.next() < p) break;
    }
  }
  return { purchases, calibrationEnd: isoDate(end) };
}
