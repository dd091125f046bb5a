import { describe, expect, it } from 'vitest';
import { dealBounds, dealsInWindow } from '../../../src/domain/analytics/deal-bounds';
import { computeAnalytics } from '../../../src/domain/analytics/compute';
import type { DealFact } from '../../../src/domain/analytics/contemporary-value';
import {
  accountantPackPeriod,
  DEFAULT_PERIOD,
  noDealInPeriod,
  normalisePeriod,
  periodMonths,
  resolvePeriod,
  type AnalysisPeriod,
} from '../../../src/domain/period';
import { DEFAULT_SETTINGS, normaliseSettings } from '../../../src/domain/settings';

const TODAY = '2026-12-08';
const OLD_BOOK = { first: '2010-12-01', latest: '2011-12-09' };
const p = (patch: Partial<AnalysisPeriod>): AnalysisPeriod => ({ ...DEFAULT_PERIOD, ...patch });

describe('resolvePeriod', () => {
  it.each([
    [
      'last 12 months to today',
      p({}),
      { start: '2025-12-09', end: TODAY },
      { start: '2024-12-09', end: '2025-12-08' },
    ],
    [
      'last 12 months up to the latest deal',
      p({ end: 'latest-deal' }),
      { start: '2010-12-10', end: '2011-12-09' },
      { start: '2009-12-10', end: '2010-12-09' },
    ],
    [
      'this year',
      p({ range: 'this-year' }),
      { start: '2026-01-01', end: TODAY },
      { start: '2025-01-24', end: '2025-12-31' },
    ],
    [
      'last year as of the latest deal',
      p({ range: 'last-year', end: 'latest-deal' }),
      { start: '2010-01-01', end: '2010-12-31' },
      { start: '2009-01-01', end: '2009-12-31' },
    ],
    [
      'the whole history (more than 120 months is fine)',
      p({ range: 'all', end: 'latest-deal' }),
      { start: '2010-12-01', end: '2011-12-09' },
      { start: '2009-11-22', end: '2010-11-30' },
    ],
    [
      'a custom range as of a fixed date',
      p({ range: 'custom', start: '2011-03-01', end: '2011-05-31' }),
      { start: '2011-03-01', end: '2011-05-31' },
      { start: '2010-11-29', end: '2011-02-28' },
    ],
  ])('%s', (_name, period, current, base) => {
    expect(resolvePeriod(period, TODAY, OLD_BOOK)).toEqual({ current, base });
  });

  it('ends today when "up to the latest deal" is asked of an empty book', () => {
    expect(resolvePeriod(p({ end: 'latest-deal' }), TODAY, { first: '', latest: '' }).current.end).toBe(
      TODAY,
    );
  });

  it('a 240-month period is allowed (no 120-month limit)', () => {
    expect(resolvePeriod(p({ months: 240 }), TODAY, OLD_BOOK).current.start).toBe('2006-12-09');
  });

  it('gives the length in months', () => {
    expect(periodMonths({ start: '2025-01-01', end: '2025-12-31' })).toBe(12);
    expect(periodMonths({ start: '2025-01-01', end: '2025-01-31' })).toBe(1);
  });
});

describe('normalisePeriod', () => {
  it.each([
    ['old settings: analysisWindowMonths 24', undefined, 24, p({ months: 24 })],
    ['old settings: garbage months', undefined, '24', DEFAULT_PERIOD],
    [
      'a stored period',
      p({ range: 'all', end: 'latest-deal' }),
      undefined,
      p({ range: 'all', end: 'latest-deal' }),
    ],
    [
      'a custom range without a start',
      { range: 'custom', end: '2011-12-09' },
      undefined,
      p({ end: '2011-12-09' }),
    ],
    ['a bad end date', { range: 'this-year', end: '2011-02-30' }, undefined, p({ range: 'this-year' })],
    ['an unknown range', { range: 'decade', months: 3 }, undefined, p({ months: 3 })],
  ])('%s', (_name, stored, legacy, expected) => {
    expect(normalisePeriod(stored, legacy)).toEqual(expected);
  });

  it('reads the settings of an older version', () => {
    expect(normaliseSettings({ analysisWindowMonths: 36 }).analysisPeriod).toEqual(p({ months: 36 }));
  });
});

function deal(customerId: string, closeDate: string, amount: number): DealFact {
  return {
    customerId,
    stage: 'won',
    closeDate,
    dueDate: '',
    amount,
    cost: 0,
    serviceCost: 0,
    discount: 0,
    paidAmount: amount,
    deletedAt: null,
  } as DealFact;
}

describe('a period with no deals', () => {
  const customers = [
    { id: 'a', walletEstimate: null },
    { id: 'b', walletEstimate: null },
  ];
  const deals = [deal('a', '2010-12-01', 10_000), deal('b', '2011-12-09', 5_000)];

  it('finds the book’s first and latest deal and counts none in the last 12 months', () => {
    const bounds = dealBounds(deals);
    expect(bounds).toEqual(OLD_BOOK);
    const period = resolvePeriod(DEFAULT_PERIOD, TODAY, bounds).current;
    expect(dealsInWindow(deals, period)).toBe(0);
    const { summary } = computeAnalytics({
      customers,
      deals,
      interactions: [],
      settings: DEFAULT_SETTINGS,
      today: TODAY,
      period,
      dealBounds: bounds,
      dealsInPeriod: dealsInWindow(deals, period),
    });
    // The empty state: the book has deals (latestDealDate) but none in W, and no one bought in W.
    expect(noDealInPeriod(summary, period)).toBe(true);
    expect(summary).toMatchObject({
      latestDealDate: '2011-12-09',
      dealsInWindow: 0,
      buyersInWindow: 0,
      totalValue: 0,
      windowStart: '2025-12-09',
      windowEnd: TODAY,
    });
  });

  it('up to the latest deal, both deals count', () => {
    const bounds = dealBounds(deals);
    const period = resolvePeriod(p({ end: 'latest-deal' }), TODAY, bounds).current;
    expect(dealsInWindow(deals, period)).toBe(1);
    const { summary } = computeAnalytics({
      customers,
      deals,
      interactions: [],
      settings: DEFAULT_SETTINGS,
      today: TODAY,
      period,
      dealBounds: bounds,
      dealsInPeriod: 1,
    });
    expect(noDealInPeriod(summary, period)).toBe(false);
    expect(summary.buyersInWindow).toBe(1);
    const all = resolvePeriod(p({ range: 'all', end: 'latest-deal' }), TODAY, bounds).current;
    expect(dealsInWindow(deals, all)).toBe(2);
  });
});

describe('accountantPackPeriod', () => {
  const W = { start: '2025-12-09', end: TODAY };
  it.each([
    ['the analysis period when it has deals', false, OLD_BOOK, W],
    [
      'the last complete year with deals when it has none',
      true,
      OLD_BOOK,
      { start: '2011-01-01', end: '2011-12-31' },
    ],
    [
      'last year when the latest deal is this year',
      true,
      { first: '2024-03-01', latest: '2026-02-01' },
      { start: '2025-01-01', end: '2025-12-31' },
    ],
    [
      'the analysis period when no complete year has deals',
      true,
      { first: '2026-01-05', latest: '2026-02-01' },
      W,
    ],
    ['the analysis period for an empty book', true, { first: '', latest: '' }, W],
  ])('%s', (_name, empty, bounds, expected) => {
    expect(accountantPackPeriod(W, empty, bounds, TODAY)).toEqual(expected);
  });
});

describe('noDealInPeriod', () => {
  const W = { start: '2025-12-09', end: TODAY };
  const facts = { windowStart: W.start, windowEnd: W.end, latestDealDate: '2011-12-09', dealsInWindow: 0 };
  it.each([
    ['deals in the book, none in W', facts, true],
    ['deals in W', { ...facts, dealsInWindow: 3 }, false],
    ['an empty book', { ...facts, latestDealDate: '' }, false],
    ['figures of another period (being recomputed)', { ...facts, windowStart: '2010-12-10' }, false],
    ['a summary from before periods', { windowStart: W.start, windowEnd: W.end }, false],
    ['no summary yet', null, false],
  ])('%s', (_name, given, expected) => {
    expect(noDealInPeriod(given, W)).toBe(expected);
  });
});
