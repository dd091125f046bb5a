/**
 * Calendar arithmetic for the generator. Dates are handled as day numbers (whole days since
 * 1970-01-01, UTC) so that "30 days later" is plain addition; they become ISO strings only when a row
 * is written, through a per-run cache (a million deals reuse a few thousand distinct dates).
 */
import type { IsoDate, Timestamp } from '../types';
import type { Rng } from './rng';

export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO `YYYY-MM-DD` date; throws a RangeError for anything else. */
export function parseIsoDay(iso: IsoDate): number {
  const m = ISO_DATE.exec(iso);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return ms / DAY_MS;
    }
  }
  throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
}

/** The ISO `YYYY-MM-DD` string of a day number. */
export function isoOfDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `isoOfDay` with a cache for days in [from, to]; days outside are computed each time. */
export function dayFormatter(from: number, to: number): (day: number) => IsoDate {
  const cache: (IsoDate | undefined)[] = new Array<IsoDate | undefined>(Math.max(0, to - from + 1));
  return (day) => {
    const k = day - from;
    if (k < 0 || k >= cache.length) return isoOfDay(day);
    let iso = cache[k];
    if (iso === undefined) {
      iso = isoOfDay(day);
      cache[k] = iso;
    }
    return iso;
  };
}

/**
 * A timestamp during office hours in China (09:00–18:00 at UTC+8, i.e. 01:00–10:00 UTC) of `day`.
 */
export function officeTime(rng: Rng, day: number): Timestamp {
  return day * DAY_MS + 3_600_000 + rng.int(9 * 3_600_000);
}
