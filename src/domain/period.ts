/**
 * The analysis period W (DESIGN.md §2): one period the owner chooses — the last N months (12 by
 * default), this year, last year, the whole history or a custom range — all "as of" an end date that is
 * today, the date of the latest deal (for an old history) or a date the owner picks. Every figure of the
 * app (value engine, dashboards, follow-up, rating, portfolio) is computed over the one period that
 * `resolvePeriod` makes of this choice; the base period (growth figures, the BCG matrix) is the period
 * of the same length just before it.
 */
import { dayOf, isoOf, NO_DAY } from './analytics/days';
import { analysisWindows, type DateWindow } from './portfolio/windows';
import type { IsoDate } from './types';

export const PERIOD_RANGES = ['months', 'this-year', 'last-year', 'all', 'custom'] as const;
export type PeriodRange = (typeof PERIOD_RANGES)[number];

/** The end of the period: today, the latest deal's date, or a fixed ISO date. */
export type PeriodEnd = 'today' | 'latest-deal' | IsoDate;

export interface AnalysisPeriod {
  range: PeriodRange;
  /** The length of a `months` period (1 … 1 200). */
  months: number;
  /** The first day of a `custom` period ('' for the others). */
  start: IsoDate;
  /** The period's last day: the "as of" date. */
  end: PeriodEnd;
}

export const DEFAULT_PERIOD: AnalysisPeriod = { range: 'months', months: 12, start: '', end: 'today' };

/** The most months a `months` period may span (100 years): no practical limit on an old history. */
export const MAX_PERIOD_MONTHS = 1_200;

/** The first and last order dates of the live deals ('' when there is none). */
export interface DealBounds {
  first: IsoDate;
  latest: IsoDate;
}

export const NO_DEAL_BOUNDS: DealBounds = { first: '', latest: '' };

/** The analysis period and its base period, as inclusive ISO dates. */
export interface ResolvedPeriod {
  current: DateWindow;
  base: DateWindow;
}

function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && dayOf(value) !== NO_DAY && isoOf(dayOf(value)) === value;
}

function isPeriodRange(value: unknown): value is PeriodRange {
  return typeof value === 'string' && (PERIOD_RANGES as readonly string[]).includes(value);
}

/**
 * Turns a stored period into a valid one; settings written before periods existed carry
 * `analysisWindowMonths: N`, which reads as "the last N months up to today". Never throws.
 *
 * @example normalisePeriod(undefined, 24) // { range: 'months', months: 24, start: '', end: 'today' }
 */
export function normalisePeriod(stored: unknown, legacyMonths?: unknown): AnalysisPeriod {
  const months = (value: unknown): number | null =>
    typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_PERIOD_MONTHS
      ? value
      : null;
  if (typeof stored !== 'object' || stored === null) {
    return { ...DEFAULT_PERIOD, months: months(legacyMonths) ?? DEFAULT_PERIOD.months };
  }
  const p = stored as Record<string, unknown>;
  const range = isPeriodRange(p.range) ? p.range : DEFAULT_PERIOD.range;
  const start = isIsoDate(p.start) ? p.start : '';
  const end: PeriodEnd = p.end === 'today' || p.end === 'latest-deal' || isIsoDate(p.end) ? p.end : 'today';
  if (range === 'custom' && start === '') return { ...DEFAULT_PERIOD, end };
  return {
    range,
    months: months(p.months) ?? DEFAULT_PERIOD.months,
    start: range === 'custom' ? start : '',
    end,
  };
}

/** The period's last day: `today`, the latest deal's date (today when there is no deal), or the fixed date. */
export function periodEndDate(end: PeriodEnd, today: IsoDate, bounds: DealBounds): IsoDate {
  if (end === 'today') return today;
  if (end === 'latest-deal') return bounds.latest || today;
  return end;
}

/** The window of the same number of days just before `window`. */
function dayBaseOf(window: DateWindow): DateWindow {
  const start = dayOf(window.start);
  const length = dayOf(window.end) - start + 1;
  return { start: isoOf(start - length), end: isoOf(start - 1) };
}

/**
 * The analysis period W and its base period for the owner's choice, `today` and the deals' dates.
 * - months N: the N calendar months up to the end date (portfolio/windows.ts `analysisWindows`);
 * - this year: 1 January of the end date's year … the end date;
 * - last year: the calendar year before the end date's year;
 * - all: the first deal's date … the end date (no limit on length);
 * - custom: the chosen first day … the end date (swapped if given the wrong way round).
 * The base period is the same number of months (months) or days (the others) just before W.
 *
 * @example resolvePeriod({ range: 'this-year', months: 12, start: '', end: 'latest-deal' },
 *   '2026-12-08', { first: '2010-12-01', latest: '2011-12-09' })
 * // { current: { start: '2011-01-01', end: '2011-12-09' }, base: { start: '2010-01-22', end: '2010-12-31' } }
 */
export function resolvePeriod(period: AnalysisPeriod, today: IsoDate, bounds: DealBounds): ResolvedPeriod {
  const end = periodEndDate(period.end, today, bounds);
  let current: DateWindow;
  switch (period.range) {
    case 'months':
      return analysisWindows(end, period.months);
    case 'this-year':
      current = { start: `${end.slice(0, 4)}-01-01`, end };
      break;
    case 'last-year': {
      const year = String(Number(end.slice(0, 4)) - 1).padStart(4, '0');
      current = { start: `${year}-01-01`, end: `${year}-12-31` };
      break;
    }
    case 'all':
      current = { start: bounds.first !== '' && bounds.first < end ? bounds.first : end, end };
      break;
    case 'custom':
      current = period.start <= end ? { start: period.start, end } : { start: end, end: period.start };
      break;
  }
  return { current, base: dayBaseOf(current) };
}

/**
 * The length of a window in months (days × 12 ÷ 365.25, to one decimal), for figures stated per year
 * such as share of wallet. @example periodMonths({ start: '2025-01-01', end: '2025-12-31' }) // 12
 */
export function periodMonths(window: DateWindow): number {
  const days = dayOf(window.end) - dayOf(window.start) + 1;
  return Math.max(0.1, Math.round((days * 120) / 365.25) / 10);
}

/**
 * The accountant pack's default dates: the analysis period, or — when it holds no deal — the last
 * complete calendar year that has deals (judged from the first and latest deal dates: the latest deal's
 * year if it is over, else the year before it if the book reaches back that far).
 *
 * @example accountantPackPeriod({ start: '2025-12-09', end: '2026-12-08' }, true,
 *   { first: '2010-12-01', latest: '2011-12-09' }, '2026-12-08') // { start: '2011-01-01', end: '2011-12-31' }
 */
export function accountantPackPeriod(
  period: DateWindow,
  periodEmpty: boolean,
  bounds: DealBounds,
  today: IsoDate,
): DateWindow {
  if (!periodEmpty || bounds.latest === '') return period;
  const thisYear = Number(today.slice(0, 4));
  const latestYear = Number(bounds.latest.slice(0, 4));
  const year = latestYear < thisYear ? latestYear : thisYear - 1;
  const y = String(year).padStart(4, '0');
  if (bounds.first > `${y}-12-31`) return period;
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** What the value engine stored about the period it last computed (analytics/summary.ts). */
export interface PeriodFacts {
  windowStart: IsoDate;
  windowEnd: IsoDate;
  latestDealDate?: IsoDate;
  dealsInWindow?: number | null;
}

/**
 * The Analysis page's empty state: the book has deals, but the value engine found none in `window`
 * (and its figures are those of this very window, not of one being replaced).
 *
 * @example noDealInPeriod({ windowStart: '2025-12-09', windowEnd: '2026-12-08', latestDealDate: '2011-12-09',
 *   dealsInWindow: 0 }, { start: '2025-12-09', end: '2026-12-08' }) // true
 */
export function noDealInPeriod(facts: PeriodFacts | null, window: DateWindow): boolean {
  return (
    facts !== null &&
    (facts.latestDealDate ?? '') !== '' &&
    facts.dealsInWindow === 0 &&
    facts.windowStart === window.start &&
    facts.windowEnd === window.end
  );
}
