/**
 * Won and lost deals by month of their close date, for the selected customers and period: the number
 * and amount of each, and the win rate = won ÷ (won + lost) by count. A return / credit note (a won
 * deal with a negative amount) is not an opportunity won: it is left out here (value trend nets it).
 *
 * Example: 2025-01 won ¥100, won ¥40, lost ¥300 → 2 won (¥140), 1 lost (¥300), win rate 2 ÷ 3.
 */
import { inPeriod, type Period } from './filters';
import { monthLabel, STAGE_INDEX, type DealColumns, type Members } from './inputs';
import { monthRange } from './months';

export interface WonLostMonth {
  month: string;
  won: number;
  wonAmount: number;
  lost: number;
  lostAmount: number;
  winRate: number | null;
  wonMembers: Members;
  lostMembers: Members;
}

export function wonLostByMonth(deals: DealColumns, mask: Uint8Array, period: Period): WonLostMonth[] {
  const won = STAGE_INDEX.won;
  const lost = STAGE_INDEX.lost;
  type Acc = {
    won: number;
    wonAmount: number;
    lost: number;
    lostAmount: number;
    w: Set<number>;
    l: Set<number>;
  };
  const byMonth = new Map<number, Acc>();
  for (let i = 0; i < deals.count; i++) {
    const s = deals.stage[i]!;
    const c = deals.customer[i]!;
    if ((s !== won && s !== lost) || c < 0 || !mask[c] || !inPeriod(deals.closeDay[i]!, period)) continue;
    if (s === won && deals.amount[i]! < 0) continue;
    const m = deals.closeMonth[i]!;
    let a = byMonth.get(m);
    if (!a)
      byMonth.set(m, (a = { won: 0, wonAmount: 0, lost: 0, lostAmount: 0, w: new Set(), l: new Set() }));
    if (s === won) {
      a.won += 1;
      a.wonAmount += deals.amount[i]!;
      a.w.add(c);
    } else {
      a.lost += 1;
      a.lostAmount += deals.amount[i]!;
      a.l.add(c);
    }
  }
  return monthRange(byMonth.keys()).map((m) => {
    const month = monthLabel(m);
    const a = byMonth.get(m);
    const w = a?.won ?? 0;
    const l = a?.lost ?? 0;
    return {
      month,
      won: w,
      wonAmount: a?.wonAmount ?? 0,
      lost: l,
      lostAmount: a?.lostAmount ?? 0,
      winRate: w + l > 0 ? w / (w + l) : null,
      wonMembers: { drill: `won:${month}`, members: a ? [...a.w] : [] },
      lostMembers: { drill: `lost:${month}`, members: a ? [...a.l] : [] },
    };
  });
}
