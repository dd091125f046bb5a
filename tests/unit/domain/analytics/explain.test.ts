import { describe, expect, it } from 'vitest';
import { computeAnalytics } from '../../../../src/domain/analytics/compute';
import {
  EXPLAINED_FIGURES,
  explainCustomer,
  type FigureExplanation,
} from '../../../../src/domain/analytics/explain';
import { generateSampleData } from '../../../../src/domain/sample-data';
import { DEFAULT_SETTINGS } from '../../../../src/domain/settings';

const TODAY = '2025-06-30';
const settings = { ...DEFAULT_SETTINGS, handlingCostPerOrder: 5_000 };
const data = generateSampleData({ today: TODAY, seed: 3 });
const { metrics, summary } = computeAnalytics({ ...data, settings, today: TODAY });

function explain(customerId: string): FigureExplanation[] {
  const row = metrics.find((m) => m.customerId === customerId)!;
  const customer = data.customers.find((c) => c.id === customerId)!;
  const deals = data.deals.filter((d) => d.customerId === customerId);
  return explainCustomer(row, summary, customer.walletEstimate, deals, settings);
}

const inputOf = (e: FigureExplanation, key: string) => e.inputs.find((i) => i.key === key)?.value;

describe('explainCustomer', () => {
  it('explains every figure of every customer with numbers that match the stored row', () => {
    for (const row of metrics) {
      const all = explain(row.customerId);
      expect(all.map((e) => e.figure)).toEqual([...EXPLAINED_FIGURES]);
      const value = all[0]!;
      expect(inputOf(value, 'contemporaryValue')).toBe(row.contemporaryValue);
      expect(inputOf(value, 'financialCost')).toBe(row.financialCost);
      const tier = all[1]!;
      expect(tier.reason).toMatch(
        row.contemporaryValue === 0 ? /^tier\.N$/ : new RegExp(`^tier\\.${row.tier}$`),
      );
      const lifecycle = all[7]!;
      expect(lifecycle.reason).toMatch(/^lifecycle\./);
      expect(inputOf(lifecycle, 'action')).toBeTruthy();
    }
  });

  it('says why a C customer is C: its value is below the lowest B value', () => {
    const c = metrics.find((m) => m.tier === 'C' && m.contemporaryValue > 0)!;
    const tier = explain(c.customerId)[1]!;
    expect(tier.reason).toBe('tier.C');
    expect(c.contemporaryValue).toBeLessThan(inputOf(tier, 'minValueB') as number);
  });

  it('says how potential value was projected, or that there is nothing to project from', () => {
    for (const row of metrics) {
      const reason = explain(row.customerId)[6]!.reason;
      expect(reason).toBe(
        row.potentialMethod === null ? 'potential.none' : `potential.${row.potentialMethod}`,
      );
    }
    const prospect = metrics.find((m) => m.frequency === 0 && m.recencyDays === null)!;
    expect(explain(prospect.customerId)[6]!.reason).toBe('potential.none');
    expect(metrics.some((m) => m.potentialMethod === 'bgnbd-gg')).toBe(true);
  });
});
