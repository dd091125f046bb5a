/**
 * The filters shared by every dashboard. Owner, region, industry and tier select customers; the period
 * (inclusive ISO dates, `''` = open) selects deals by their order / close date — an open deal, which has
 * none yet, by the date it was opened. A deal counts only when its customer is selected too.
 *
 * Example: `{ tier: 'A', from: '2025-01-01', to: '' }` → the A customers, and their deals closed on or
 * after 1 January 2025.
 */
import { dayOf, NO_DAY } from '../analytics/days';
import type { AbcTier, IsoDate } from '../types';
import type { DashCustomer } from './inputs';
import { compareText } from '../text/order';

export interface DashboardFilters {
  from: IsoDate;
  to: IsoDate;
  owner: string;
  region: string;
  industry: string;
  tier: AbcTier | '';
}

export const NO_FILTERS: DashboardFilters = {
  from: '',
  to: '',
  owner: '',
  region: '',
  industry: '',
  tier: '',
};

export interface Period {
  fromDay: number;
  toDay: number;
}

/** The period as inclusive day numbers; an open end is ±∞. */
export function periodOf(f: Pick<DashboardFilters, 'from' | 'to'>): Period {
  const from = dayOf(f.from);
  const to = dayOf(f.to);
  return {
    fromDay: from === NO_DAY ? -Infinity : from,
    toDay: to === NO_DAY ? Infinity : to,
  };
}

/** True when the day is set and inside the period. */
export function inPeriod(day: number, p: Period): boolean {
  return day !== NO_DAY && day >= p.fromDay && day <= p.toDay;
}

/** One byte per customer: 1 when the customer passes the owner / region / industry / tier filters. */
export function customerMask(customers: readonly DashCustomer[], f: DashboardFilters): Uint8Array {
  const mask = new Uint8Array(customers.length);
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i]!;
    mask[i] =
      (f.owner === '' || c.owner === f.owner) &&
      (f.region === '' || c.region === f.region) &&
      (f.industry === '' || c.industry === f.industry) &&
      (f.tier === '' || c.tier === f.tier)
        ? 1
        : 0;
  }
  return mask;
}

export interface FilterOptions {
  owners: string[];
  regions: string[];
  industries: string[];
}

/** The distinct non-empty owners, regions and industries, sorted, for the filter menus. */
export function filterOptions(customers: readonly DashCustomer[]): FilterOptions {
  const owners = new Set<string>();
  const regions = new Set<string>();
  const industries = new Set<string>();
  for (const c of customers) {
    if (c.owner) owners.add(c.owner);
    if (c.region) regions.add(c.region);
    if (c.industry) industries.add(c.industry);
  }
  const sorted = (s: Set<string>) => [...s].sort(compareText);
  return { owners: sorted(owners), regions: sorted(regions), industries: sorted(industries) };
}
