import { describe, expect, it } from 'vitest';
import {
  customerCountBand,
  LIFECYCLE_ACTIONS,
  lifecycleStage,
  marginLevel,
  suggestedRelationship,
  valueTrend,
  type LifecycleInput,
} from '../../../../src/domain/analytics/lifecycle';
import { LIFECYCLE_STAGES } from '../../../../src/domain/types';

const steady: LifecycleInput = {
  hasPurchase: true,
  tenureDays: 800,
  recencyDays: 20,
  interPurchaseMeanDays: 30,
  pAlive: null,
  trend: 0,
};

describe('lifecycleStage', () => {
  it.each<[string, Partial<LifecycleInput>, string, string]>([
    [
      'no purchase yet',
      { hasPurchase: false, recencyDays: null, tenureDays: null },
      'prospect',
      'no-purchase',
    ],
    ['P(alive) below 0.1', { pAlive: 0.05 }, 'lost', 'p-alive-very-low'],
    ['silent for more than a year (short gaps)', { recencyDays: 366 }, 'lost', 'long-silence'],
    ['silent 365 days is not yet lost', { recencyDays: 365 }, 'declining', 'silence'],
    [
      'a slow buyer: lost after 3 × mean gap',
      { recencyDays: 601, interPurchaseMeanDays: 200 },
      'lost',
      'long-silence',
    ],
    [
      'first purchase 90 days ago',
      { tenureDays: 90, recencyDays: 90, interPurchaseMeanDays: null },
      'new',
      'first-purchase-recent',
    ],
    [
      'first purchase 91 days ago, silent since',
      { tenureDays: 91, recencyDays: 91, interPurchaseMeanDays: null },
      'mature',
      'stable',
    ],
    ['P(alive) falling below 0.5', { pAlive: 0.4 }, 'declining', 'p-alive-falling'],
    [
      'silent more than twice the mean gap (and > 90 days)',
      { recencyDays: 91, interPurchaseMeanDays: 30 },
      'declining',
      'silence',
    ],
    [
      'silent 181 days, one purchase only',
      { recencyDays: 181, interPurchaseMeanDays: null },
      'declining',
      'silence',
    ],
    ['revenue down by more than 20 %', { trend: -0.21 }, 'declining', 'trend-down'],
    ['revenue up by more than 20 %', { trend: 0.5 }, 'growing', 'trend-up'],
    ['revenue up by exactly 20 %', { trend: 0.2 }, 'mature', 'stable'],
    ['no revenue in the window but recent enough', { trend: null }, 'mature', 'stable'],
    ['P(alive) high and growing', { pAlive: 0.95, trend: 0.3 }, 'growing', 'trend-up'],
  ])('%s → %s', (_name, patch, stage, rule) => {
    expect(lifecycleStage({ ...steady, ...patch })).toEqual({ stage, rule });
  });

  it('has a suggested action for every stage', () => {
    for (const stage of LIFECYCLE_STAGES) expect(LIFECYCLE_ACTIONS[stage]).toBeTruthy();
  });
});

describe('valueTrend', () => {
  it.each([
    [100, 150, 1 / 3],
    [150, 100, -1 / 3],
    [0, 100, 1],
    [100, 0, -1],
    [0, 0, null],
    // Halves net of returns can be below zero: the trend stays in −1…+1 and keeps its direction.
    [100, -50, -1],
    [-100, -50, 0.5],
    [-50, 100, 1],
  ])('%i → %i: %s', (a, b, trend) => {
    const t = valueTrend(a, b);
    if (trend === null) expect(t).toBeNull();
    else expect(t).toBeCloseTo(trend, 12);
  });
});

describe('Kotler relationship type', () => {
  it.each([
    [10, 300, 1_000, 'partner'],
    [10, 150, 1_000, 'proactive'],
    [10, 50, 1_000, 'responsible'],
    [300, 300, 1_000, 'proactive'],
    [300, 150, 1_000, 'responsible'],
    [300, 50, 1_000, 'passive'],
    [5_000, 300, 1_000, 'responsible'],
    [5_000, 150, 1_000, 'passive'],
    [5_000, -50, 1_000, 'basic'],
    [300, 0, 0, ''],
  ])('%i buyers, value %i of revenue %i → %s', (buyers, value, revenue, type) => {
    expect(suggestedRelationship(customerCountBand(buyers), marginLevel(value, revenue))).toBe(type);
  });

  it.each([
    [50, 'few'],
    [51, 'moderate'],
    [500, 'moderate'],
    [501, 'many'],
  ])('%i buyers is %s', (n, band) => expect(customerCountBand(n)).toBe(band));
});
