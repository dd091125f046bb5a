/**
 * The analysis window W (DESIGN.md §2: the last `months` months up to today, inclusive) and the base
 * window of the same length just before it, used for growth figures.
 */
import type { IsoDate } from '../types';

export interface DateWindow {
  /** Inclusive ISO dates. */
  start: IsoDate;
  end: IsoDate;
}

function iso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

function parse(day: IsoDate): Date {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** `day` moved back by `months` calendar months (the day of month clamped to the month's length). */
function monthsBefore(day: IsoDate, months: number): Date {
  const date = parse(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

function nextDay(date: Date): Date {
  return new Date(date.getTime() + 86_400_000);
}

/**
 * The analysis window ending `today` and the base window before it, each `months` long.
 *
 * Example: today 2025-06-15, 12 months → current 2024-06-16 … 2025-06-15, base 2023-06-16 … 2024-06-15.
 */
export function analysisWindows(today: IsoDate, months: number): { current: DateWindow; base: DateWindow } {
  const currentStartMinus1 = monthsBefore(today, months);
  const baseStartMinus1 = monthsBefore(iso(currentStartMinus1), months);
  return {
    current: { start: iso(nextDay(currentStartMinus1)), end: today },
    base: { start: iso(nextDay(baseStartMinus1)), end: iso(currentStartMinus1) },
  };
}

/** Whether an ISO date lies in the window (ISO dates compare as strings). `''` is in no window. */
export function inWindow(day: IsoDate, window: DateWindow): boolean {
  return day !== '' && day >= window.start && day <= window.end;
}
