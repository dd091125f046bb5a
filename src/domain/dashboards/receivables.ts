/**
 * Receivables ageing of the Sales & money dashboard: the unpaid part of won deals (unpaid = amount −
 * paid, when > 0) of the selected customers whose order date is in the period, by how many days the
 * payment is overdue today:
 *
 *   days overdue = today − due date;  current: ≤ 0 (or no due date), then 1–30, 31–90, 91–180, > 180
 *
 * Each band has its unpaid total, the number of deals and the customers behind it.
 *
 * Example (today 2025-06-30): ¥100 unpaid due 2025-07-10 → current; ¥50 due 2025-06-01 (29 days) →
 * 1–30; ¥80 due 2024-12-01 (211 days) → > 180; a deal paid in full is left out.
 */
import { dayOf, NO_DAY } from '../analytics/days';
import type { IsoDate } from '../types';
import { inPeriod, type Period } from './filters';
import { STAGE_INDEX, type DealColumns, type Members } from './inputs';

export const AGEING_BANDS = ['current', '1-30', '31-90', '91-180', '180+'] as const;
export type AgeingBand = (typeof AGEING_BANDS)[number];

/** The band of a number of days overdue. @example ageingBand(31) // '31-90' */
export function ageingBand(daysOverdue: number): AgeingBand {
  if (daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return '1-30';
  if (daysOverdue <= 90) return '31-90';
  if (daysOverdue <= 180) return '91-180';
  return '180+';
}

export interface AgeingRow extends Members {
  band: AgeingBand;
  deals: number;
  unpaid: number;
}

export function receivablesAgeing(
  deals: DealColumns,
  mask: Uint8Array,
  period: Period,
  today: IsoDate,
): AgeingRow[] {
  const won = STAGE_INDEX.won;
  const todayDay = dayOf(today);
  const rows = AGEING_BANDS.map((band) => ({
    band,
    drill: `ageing:${band}`,
    deals: 0,
    unpaid: 0,
    seen: new Set<number>(),
  }));
  const at = new Map(rows.map((r) => [r.band, r]));
  for (let i = 0; i < deals.count; i++) {
    const c = deals.customer[i]!;
    const unpaid = deals.amount[i]! - deals.paid[i]!;
    if (deals.stage[i] !== won || unpaid <= 0 || c < 0 || !mask[c] || !inPeriod(deals.closeDay[i]!, period))
      continue;
    const due = deals.dueDay[i]!;
    const row = at.get(due === NO_DAY ? 'current' : ageingBand(todayDay - due))!;
    row.deals += 1;
    row.unpaid += unpaid;
    row.seen.add(c);
  }
  return rows.map(({ seen, ...r }) => ({ ...r, members: [...seen] }));
}
