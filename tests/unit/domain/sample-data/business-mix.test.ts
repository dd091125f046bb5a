import { describe, expect, it } from 'vitest';
import { generateSampleData } from '../../../../src/domain/sample-data';
import { DEAL_STAGES } from '../../../../src/domain/types';
import { isValidUscc } from '../../../../src/domain/sample-data/credit-code';
import { daysFromToday, TODAY, topFifthShare, wonRevenue } from './helpers';

/** BCG quadrant with the default splits: relative share 1.0×, market growth 10 %. */
function quadrant(relativeShare: number, growth: number): string {
  if (growth >= 0.1) return relativeShare >= 1 ? 'star' : 'question mark';
  return relativeShare >= 1 ? 'cash cow' : 'dog';
}

describe.each([1, 2, 3])('sample business at scale 1, seed %i', (seed) => {
  const data = generateSampleData({ seed, today: TODAY });
  const revenue = wonRevenue(data.deals);
  const won = data.deals.filter((d) => d.stage === 'won');

  it('has the stated row counts', () => {
    expect(data.customers).toHaveLength(300);
    expect(data.deals).toHaveLength(4_000);
    expect(data.interactions).toHaveLength(1_500);
    expect(data.productLines).toHaveLength(6);
  });

  it('has deals in every stage, mostly won, open ones recent', () => {
    const byStage = new Map(DEAL_STAGES.map((s) => [s, data.deals.filter((d) => d.stage === s).length]));
    for (const stage of DEAL_STAGES) expect(byStage.get(stage)).toBeGreaterThanOrEqual(10);
    expect(won.length / data.deals.length).toBeGreaterThan(0.7);
    const open = data.deals.filter((d) => d.closeDate === '');
    expect(open.every((d) => daysFromToday(d.openDate) >= -120)).toBe(true);
  });

  it('has customer histories of every kind: churned, new, prospects, do-not-contact', () => {
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    for (const d of won) {
      const day = daysFromToday(d.closeDate);
      first.set(d.customerId, Math.min(first.get(d.customerId) ?? 0, day));
      last.set(d.customerId, Math.max(last.get(d.customerId) ?? -Infinity, day));
    }
    const ids = data.customers.map((c) => c.id);
    const churned = ids.filter((id) => (last.get(id) ?? 0) <= -365).length;
    const fresh = ids.filter((id) => (first.get(id) ?? -Infinity) > -90).length;
    const prospects = ids.filter((id) => !revenue.has(id)).length;
    expect(churned).toBeGreaterThanOrEqual(20);
    expect(fresh).toBeGreaterThanOrEqual(8);
    expect(prospects).toBeGreaterThanOrEqual(8);
    expect(data.customers.filter((c) => c.doNotContact).length).toBeGreaterThanOrEqual(2);
    const created = data.customers.map((c) => (c.createdAt - Date.parse(TODAY)) / 86_400_000);
    expect(Math.min(...created)).toBeGreaterThan(-3 * 365 - 61);
  });

  it('has customers that lose money', () => {
    const costs = new Map<string, number>();
    for (const d of won) costs.set(d.customerId, (costs.get(d.customerId) ?? 0) + d.cost + d.serviceCost);
    const losing = [...revenue].filter(([id, r]) => (costs.get(id) ?? 0) >= r);
    expect(losing.length).toBeGreaterThanOrEqual(5);
    expect(losing.length).toBeLessThan(data.customers.length * 0.2);
  });

  it('has overdue receivables in every age band', () => {
    const bands: [number, number, number, number] = [0, 0, 0, 0];
    for (const d of won) {
      const overdue = -daysFromToday(d.dueDate);
      if (overdue >= 1 && d.paidAmount < d.amount) {
        bands[overdue <= 90 ? 0 : overdue <= 180 ? 1 : overdue <= 365 ? 2 : 3] += 1;
      }
    }
    for (const n of bands) expect(n).toBeGreaterThanOrEqual(2);
    expect(won.filter((d) => d.paidAmount === d.amount).length / won.length).toBeGreaterThan(0.8);
  });

  it('concentrates revenue: the top 20 % of customers bring 65–90 %', () => {
    const all = data.customers.map((c) => revenue.get(c.id) ?? 0);
    expect(topFifthShare(all)).toBeGreaterThanOrEqual(0.65);
    expect(topFifthShare(all)).toBeLessThanOrEqual(0.9);
    const recent = wonRevenue(data.deals, -365);
    const lastYear = data.customers.map((c) => recent.get(c.id) ?? 0);
    expect(topFifthShare(lastYear)).toBeGreaterThanOrEqual(0.65);
    expect(topFifthShare(lastYear)).toBeLessThanOrEqual(0.9);
  });

  it('has deal amounts mostly between ¥500 and ¥200 000', () => {
    const typical = data.deals.filter((d) => d.amount >= 50_000 && d.amount <= 20_000_000).length;
    expect(typical / data.deals.length).toBeGreaterThan(0.95);
  });

  it('has contacts with overdue, unresolved next actions', () => {
    const overdue = data.interactions.filter(
      (i) => i.nextActionDue !== '' && i.nextActionDue < TODAY && !i.resolved,
    );
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    expect(data.interactions.filter((i) => i.satisfaction === null).length).toBeGreaterThan(0);
    for (const type of ['inquiry', 'follow-up', 'complaint', 'service-request', 'care']) {
      expect(data.interactions.some((i) => i.type === type)).toBe(true);
    }
  });

  it('has 6 product lines covering every BCG quadrant, one without market figures', () => {
    const recent = won.filter((d) => daysFromToday(d.closeDate) > -365);
    const quadrants = new Set<string>();
    const withoutFigures = data.productLines.filter((p) => p.marketSize === null);
    expect(withoutFigures).toHaveLength(1);
    expect(withoutFigures[0]?.marketSizeBase).toBeNull();
    expect(withoutFigures[0]?.largestCompetitorSales).toBeNull();
    for (const p of data.productLines) {
      if (p.marketSize === null || p.marketSizeBase === null || p.largestCompetitorSales === null) continue;
      const ours = recent.filter((d) => d.productLineId === p.id).reduce((s, d) => s + d.amount, 0);
      quadrants.add(
        quadrant(ours / p.largestCompetitorSales, (p.marketSize - p.marketSizeBase) / p.marketSizeBase),
      );
    }
    expect([...quadrants].sort()).toEqual(['cash cow', 'dog', 'question mark', 'star']);
  });

  it('gives most customers a tax ID with a correct check character', () => {
    const valid = data.customers.filter((c) => isValidUscc(c.taxId)).length;
    expect(valid / data.customers.length).toBeGreaterThanOrEqual(0.9);
    expect(valid).toBeLessThan(data.customers.length);
  });

  it('fills the owner-entered ratings for some customers', () => {
    const some = (pred: (c: (typeof data.customers)[number]) => boolean) => data.customers.some(pred);
    expect(some((c) => c.walletEstimate !== null)).toBe(true);
    expect(some((c) => c.walletEstimate === null)).toBe(true);
    expect(some((c) => c.strategicImportance !== null)).toBe(true);
    expect(some((c) => c.relationshipType === 'partner')).toBe(true);
    expect(some((c) => c.loyaltyTypes.length > 0)).toBe(true);
    expect(new Set(data.customers.map((c) => c.owner)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(data.customers.map((c) => c.region)).size).toBeGreaterThanOrEqual(6);
  });
});
