/**
 * Calendar arithmetic of the value engine. Dates are handled as day numbers (whole days since
 * 1970-01-01, UTC), so "days between" is a subtraction. Parsing is done with character codes and no
 * allocation because it runs once per deal (a million times on the reference data set).
 */
import type { IsoDate } from '../types';

/** The day number that stands for "no date" (an empty or malformed ISO string). */
export const NO_DAY = -2_147_483_648;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/**
 * The day number of an ISO `YYYY-MM-DD` date, or NO_DAY for `''` or anything malformed.
 * Uses Howard Hinnant's days-from-civil formula (proleptic Gregorian calendar).
 *
 * @example dayOf('1970-01-02') // 1
 * @example dayOf('2025-06-30') // 20269
 */
export function dayOf(iso: IsoDate): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return NO_DAY;
  const y0 = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const m = digit(iso, 5) * 10 + digit(iso, 6);
  const d = digit(iso, 8) * 10 + digit(iso, 9);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return NO_DAY;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The ISO date of a day number. @example isoOf(20269) // '2025-06-30' */
export function isoOf(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The ISO date of a day number, or `''` for NO_DAY: the inverse of dayOf on what the app stores (`''`
 * or a real calendar date, years 100–9999, as validation.ts admits), so a date kept as its day number
 * reads back as the same string.
 *
 * @example isoOrEmpty(dayOf('2025-06-30')) // '2025-06-30'
 * @example isoOrEmpty(dayOf(''))           // ''
 */
export function isoOrEmpty(day: number): IsoDate {
  return day === NO_DAY ? '' : isoOf(day);
}

/** The analysis window: inclusive first and last day. */
export interface AnalysisWindow {
  startDay: number;
  endDay: number;
  start: IsoDate;
  end: IsoDate;
}

/**
 * The analysis window W of `months` months ending today (inclusive): it starts the day after the
 * same calendar day `months` months earlier (clamped to the end of a shorter month).
 *
 * @example analysisWindow('2025-06-30', 12) // { start: '2024-07-01', end: '2025-06-30', … }
 * @example analysisWindow('2024-02-29', 12) // starts '2023-03-01' (2023-02-28 + 1 day)
 */
export function analysisWindow(today: IsoDate, months: number): AnalysisWindow {
  const endDay = dayOf(today);
  if (endDay === NO_DAY) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(today)}`);
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1 - months;
  const d = Number(today.slice(8, 10));
  const lastOfMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const back = Date.UTC(y, m, Math.min(d, lastOfMonth)) / 86_400_000;
  const startDay = back + 1;
  return { startDay, endDay, start: isoOf(startDay), end: today };
}

/** The analysis window of inclusive ISO dates (period.ts `resolvePeriod`) as day numbers. */
export function windowOfDates(window: { start: IsoDate; end: IsoDate }): AnalysisWindow {
  const startDay = dayOf(window.start);
  const endDay = dayOf(window.end);
  if (startDay === NO_DAY || endDay === NO_DAY || startDay > endDay) {
    throw new RangeError(`not a window of ISO dates: ${JSON.stringify(window)}`);
  }
  return { startDay, endDay, start: window.start, end: window.end };
}
