import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAnalytics, type AnalyticsInput } from '../../../../src/domain/analytics/compute';
import type { DealFact } from '../../../../src/domain/analytics/contemporary-value';
import {
  customerIdAt,
  dealBatchesOf,
  wonDealFacts,
  WON_STAGE_CODE,
  type DealBatches,
} from '../../../../src/domain/analytics/deal-columns';
import { dayOf } from '../../../../src/domain/analytics/days';
import { generateSampleData } from '../../../../src/domain/sample-data';
import { DEFAULT_SETTINGS } from '../../../../src/domain/settings';
import { DEAL_STAGES, type Deal } from '../../../../src/domain/types';

const TODAY = '2025-06-30';
const settings = { ...DEFAULT_SETTINGS, handlingCostPerOrder: 5_000 };
const sample = generateSampleData({ today: TODAY, seed: 3 });

/** The live deals cut into batches of `size` rows, as the packed copy's records hold them. */
function batchesOf(deals: readonly Deal[], size: number): DealBatches {
  const live = deals.filter((d) => d.deletedAt === null);
  const batches = [];
  for (let from = 0; from < live.length; from += size) {
    batches.push(...dealBatchesOf(live.slice(from, from + size)).batches);
  }
  return { batches };
}

describe('deal columns', () => {
  it('turns objects into one batch of the live deals, stages as codes', () => {
    const deals: DealFact[] = [
      { ...sample.deals[0]!, stage: 'won', deletedAt: null },
      { ...sample.deals[1]!, stage: 'lost', deletedAt: 7 },
      { ...sample.deals[2]!, stage: 'need' },
    ];
    const { batches } = dealBatchesOf(deals);
    expect(batches).toHaveLength(1);
    const [batch] = batches;
    expect([0, 1].map((k) => customerIdAt(batch!, k))).toEqual([deals[0]!.customerId, deals[2]!.customerId]);
    expect([...batch!.stage]).toEqual([WON_STAGE_CODE, DEAL_STAGES.indexOf('need')]);
    expect([...batch!.amount]).toEqual([deals[0]!.amount, deals[2]!.amount]);
    expect([...batch!.dueDay]).toEqual([dayOf(deals[0]!.dueDate), dayOf(deals[2]!.dueDate)]);
    expect([...batch!.closeDay]).toEqual([dayOf(deals[0]!.closeDate), dayOf(deals[2]!.closeDate)]);
  });

  it('gives batches back as they are', () => {
    const batches = batchesOf(sample.deals, 100);
    expect(dealBatchesOf(batches)).toBe(batches);
  });

  it('lists the won deals of either form as the same facts, in order', () => {
    const fromObjects = [...wonDealFacts(sample.deals)];
    const fromBatches = [...wonDealFacts(batchesOf(sample.deals, 333))];
    expect(fromObjects.length).toBe(sample.deals.filter((d) => d.stage === 'won').length);
    expect(fromBatches).toEqual(
      fromObjects.map((d) => ({
        customerId: d.customerId,
        stage: d.stage,
        closeDate: d.closeDate,
        amount: d.amount,
        cost: d.cost,
        serviceCost: d.serviceCost,
        discount: d.discount,
        paidAmount: d.paidAmount,
        dueDate: d.dueDate,
        productLineId: d.productLineId,
      })),
    );
  });

  it('gives the value engine the same results from batches as from objects, whatever the batch size', () => {
    const input: AnalyticsInput = { ...sample, settings, today: TODAY, computedAt: 1 };
    const expected = computeAnalytics(input);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), (size) => {
        expect(computeAnalytics({ ...input, deals: batchesOf(sample.deals, size) })).toEqual(expected);
      }),
      { numRuns: 8 },
    );
  });

  it('skips trashed object rows, as it always has', () => {
    const input: AnalyticsInput = { ...sample, settings, today: TODAY, computedAt: 1 };
    const trashed = sample.deals.map((d, k) => (k % 3 === 0 ? { ...d, deletedAt: 1 } : d));
    expect(computeAnalytics({ ...input, deals: trashed })).toEqual(
      computeAnalytics({ ...input, deals: batchesOf(trashed, 512) }),
    );
    expect(computeAnalytics({ ...input, deals: trashed })).not.toEqual(computeAnalytics(input));
  });
});
