/**
 * The app's own sample data (seed 1, today 2025-06-30) show no spread in dropout between customers:
 * the BG/NBD maximum is its fixed-p limit, and potential value must use it rather than fall back to
 * the run rate (issue 6).
 */
import { describe, expect, it } from 'vitest';
import { computeAnalytics } from '../../../../src/domain/analytics/compute';
import { explainCustomer } from '../../../../src/domain/analytics/explain';
import { clvModule, type ClvSummary } from '../../../../src/domain/analytics/potential';
import {
  bgnbdLimitExpectedIfAlive,
  bgnbdLimitPAlive,
  DAYS_PER_YEAR,
  fitPotentialModel,
  isBgNbdLimit,
} from '../../../../src/domain/clv';
import { generateSampleData } from '../../../../src/domain/sample-data';
import { DEFAULT_SETTINGS } from '../../../../src/domain/settings';

const TODAY = '2025-06-30';
const data = generateSampleData({ today: TODAY, seed: 1 });
let fitted: readonly ClvSummary[] = [];
const { metrics, summary } = computeAnalytics({
  ...data,
  settings: DEFAULT_SETTINGS,
  today: TODAY,
  // The real model, with the summaries it is fitted on kept for the checks below.
  potential: {
    ...clvModule,
    fitPotentialModel: (s, opts) => {
      fitted = s;
      return clvModule.fitPotentialModel(s, opts);
    },
  },
});

const summaries = (): ClvSummary[] => [...fitted];

describe('potential value on the sample data (seed 1, 2025-06-30)', () => {
  it('fits BG/NBD at its fixed-p limit, converged, instead of falling back to the run rate', () => {
    const model = fitPotentialModel(summaries());
    expect(model.method).toBe('bgnbd-fixed-p-gg');
    if (model.method === 'run-rate') throw new Error('unreachable');
    expect(model.bgnbd).toMatchObject({ boundary: true, converged: true });
    expect(isBgNbdLimit(model.bgnbd.model)).toBe(true);
    const { r, alpha, p } = model.bgnbd.limit!.params;
    expect(r).toBeGreaterThan(0);
    expect(alpha).toBeGreaterThan(0);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    // Where the interior optimiser stopped: a and b far out on the ridge with the same a/(a+b).
    const { a, b } = model.bgnbd.params;
    expect(a + b).toBeGreaterThan(1e6);
    expect(a / (a + b)).toBeCloseTo(p, 6);
  });

  it('every buyer’s potential value comes from that model, with its P(alive), and says so', () => {
    const buyers = metrics.filter((m) => m.potentialMethod !== null);
    expect(buyers.length).toBe(fitted.length);
    expect(buyers.every((m) => m.potentialMethod === 'bgnbd-fixed-p-gg')).toBe(true);
    expect(summary.potentialMethods).toEqual({ 'bgnbd-fixed-p-gg': buyers.length });
    expect(buyers.every((m) => m.pAlive !== null && m.pAlive >= 0 && m.pAlive <= 1)).toBe(true);
    const row = buyers.find((m) => m.tier === 'A')!;
    const customer = data.customers.find((c) => c.id === row.customerId)!;
    const deals = data.deals.filter((d) => d.customerId === row.customerId);
    const potential = explainCustomer(row, summary, customer.walletEstimate, deals, DEFAULT_SETTINGS)[6]!;
    expect(potential.reason).toBe('potential.bgnbd-fixed-p-gg');
  });

  it('the stored P(alive) and expected purchases are the fixed-p formulas’, customer by customer', () => {
    const model = fitPotentialModel(summaries());
    if (model.method === 'run-rate') throw new Error('expected the BG/NBD model');
    const limit = model.bgnbd.limit!.params;
    const horizonWeeks = (DEFAULT_SETTINGS.horizonYears * DAYS_PER_YEAR) / 7;
    // The model is fitted on the buyers' summaries in customer order, and only buyers get figures.
    const buyers = metrics.filter((m) => m.potentialMethod !== null);
    expect(buyers).toHaveLength(fitted.length);
    let checked = 0;
    for (const [k, row] of buyers.entries()) {
      const s = fitted[k]!;
      const pAlive = bgnbdLimitPAlive(limit, s);
      expect(row.pAlive).toBeCloseTo(pAlive, 12);
      expect(row.expectedPurchases).toBeCloseTo(
        pAlive * bgnbdLimitExpectedIfAlive(limit, horizonWeeks, s.x, s.T),
        9,
      );
      checked++;
    }
    expect(checked).toBe(fitted.length);
  });
});
