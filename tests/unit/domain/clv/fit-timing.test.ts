/**
 * How long the potential-value model takes for 100 000 customers (DESIGN.md §6: BG/NBD + Gamma-Gamma
 * fit ≤ 3 s). Skipped by default — it takes ~10 s with the simulation; run it with
 *
 *   KEHU_CLV_TIMING=1 npx vitest run tests/unit/domain/clv/fit-timing.test.ts
 *
 * Two synthetic data sets from the models themselves (simulate.ts), customers acquired over one year
 * and observed for two: CDNOW's parameters (~2.9 purchases a customer, half buy again), and frequent
 * buyers (~13 purchases a customer, like the 100 000-customer / 1 000 000-deal benchmark set, where
 * nearly every customer has a distinct (x, t_x, T) and aggregation saves little).
 */
import { describe, expect, it } from 'vitest';
import { fitPotentialModel, potentialValueFor, summariseTransactions } from '../../../../src/domain/clv';
import { simulatePurchases } from './simulate';

const CUSTOMERS = 100_000;
const PROFILES = [
  { name: 'CDNOW-like', bg: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } },
  { name: 'frequent buyers', bg: { r: 2, alpha: 8, a: 0.5, b: 6 } },
];

/** Wall-clock ms, and the process's CPU ms over the same call (a fairer figure on a busy machine). */
function time<T>(run: () => T): [T, number, number] {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const { user, system } = process.cpuUsage(cpu);
  return [result, performance.now() - started, (user + system) / 1000];
}

const ms = (wall: number, cpu: number): string => `${wall.toFixed(0)} ms (CPU ${cpu.toFixed(0)} ms)`;

describe.skipIf(!process.env.KEHU_CLV_TIMING)('potential-value model timing, 100 000 customers', () => {
  it.each(PROFILES)(
    '$name',
    ({ name, bg }) => {
      const sim = simulatePurchases(CUSTOMERS, bg, { p: 6.25, q: 3.74, v: 15.44 });
      const [summaries, summaryMs, summaryCpu] = time(() =>
        summariseTransactions(sim.purchases, sim.calibrationEnd),
      );
      // Warm-up run first (the JIT), then the measured one.
      fitPotentialModel(summaries);
      const [model, fitMs, fitCpu] = time(() => fitPotentialModel(summaries));
      const options = { horizonYears: 5, discountRate: 0.1 };
      const [, valueMs, valueCpu] = time(() => summaries.map((s) => potentialValueFor(model, s, options)));
      const rows = model.bgnbd?.distinctRows ?? 0;
      console.log(
        `${name}: ${sim.purchases.length} purchases; summary ${ms(summaryMs, summaryCpu)}; ` +
          `fit ${ms(fitMs, fitCpu)} (${model.method}, ${rows} distinct (x, t_x, T), ` +
          `BG/NBD ${model.bgnbd?.iterations} iterations, Gamma-Gamma ${model.gammaGamma?.iterations}); ` +
          `potentialValueFor × ${CUSTOMERS} ${ms(valueMs, valueCpu)}`,
      );
      expect(model.method).toBe('bgnbd-gg');
      expect(fitMs).toBeLessThan(3000);
    },
    60_000,
  );
});
