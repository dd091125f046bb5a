/**
 * Deal rows of the sample data set, streamed customer by customer.
 *
 * A buyer's deals fall uniformly between the first and the last purchase day of their profile; the
 * first is always won on the first-purchase day (and a churned or declining customer's second on the
 * last-purchase day). A deal of a still-buying customer dated in the last 120 days may still be open
 * (the younger, the likelier, and at an earlier stage); other deals are won or, less often, lost.
 * A prospect's deals are open when recent and lost otherwise.
 *
 * Money: the order amount is the customer's mean amount × a log-normal factor; the list price is the
 * amount plus the discount; the cost of goods is the product line's cost ratio × the list price, so a
 * heavy discount eats the margin. Won deals get a due date (closeDate + the payment term) and a
 * delivery date; whether a due deal is still unpaid depends on the customer's payer type and on how
 * long ago it fell due. Open and lost deals carry the quoted amount, cost and discount, no service
 * cost and no payment.
 *
 * Deal codes are SO-<year>-<number>, numbered per year of the order (close) date — or the open date of
 * an open deal — in generation order (customer by customer), not in date order.
 */
import type { Deal, DealStage, IsoDate } from '../types';
import { dayFormatter, officeTime } from './dates';
import {
  HISTORY_DAYS,
  KIND,
  OPEN_RECENT_DAYS,
  OPEN_WINDOW_DAYS,
  P_LOST,
  P_LOST_PRICE_SENSITIVE,
  P_OPEN_OLDER,
  P_OPEN_RECENT,
  PAYER,
  TRAIT,
  type SamplePlan,
} from './plan';
import { NO_LINE_COST_RATIO, NO_LINE_WEIGHT, PRODUCT_LINE_SPECS } from './product-lines';
import { SALESPEOPLE } from './names';
import { createRng, pickWeighted, uuid, weighted } from './rng';

/** Product line index, -1 for none. */
const LINE_TABLE = weighted([
  ...PRODUCT_LINE_SPECS.map((l, i) => [i, l.dealWeight] as const),
  [-1, NO_LINE_WEIGHT] as const,
]);
/** The line sold instead of one not yet sold on a deal's date (the cash cow). */
const FALLBACK_LINE = 2;
const YOUNG_OPEN = weighted<DealStage>([
  ['need', 0.4],
  ['contacted', 0.3],
  ['intent', 0.2],
  ['negotiation', 0.1],
]);
const OLDER_OPEN = weighted<DealStage>([
  ['need', 0.15],
  ['contacted', 0.25],
  ['intent', 0.3],
  ['negotiation', 0.3],
]);
const WON_TITLES = ['采购订单', '补货订单', '批量采购', '年度框架订单', '项目采购', '试单', '加急订单'];
const OPEN_TITLES = ['采购询价', '采购意向', '项目报价', '年度采购洽谈', '样品试用'];
const WON_NOTES = ['加急发货', '分批发货', '需开专票', '客户自提', '含运费', '按合同价执行'];
const LOST_NOTES = ['价格没谈拢', '客户选择了竞争对手', '项目取消', '交期不满足'];
/**
 * Chance that a won deal past its due date is still (partly) unpaid, by payer type (good, slow, bad)
 * and days overdue (1–90, 91–180, 181–365, > 365): old debts are mostly collected in the end.
 */
const P_OVERDUE = [
  [0.02, 0.005, 0.002, 0.001],
  [0.15, 0.08, 0.03, 0.012],
  [0.5, 0.35, 0.2, 0.1],
] as const;

function overdueBand(daysOverdue: number): 0 | 1 | 2 | 3 {
  return daysOverdue <= 90 ? 0 : daysOverdue <= 180 ? 1 : daysOverdue <= 365 ? 2 : 3;
}

/**
 * Yields the planned deals, customer by customer in plan order. Memory use does not grow with the
 * number of deals (only one counter per year is kept), so a million deals can be streamed to a file.
 */
export function* sampleDeals(plan: SamplePlan): Generator<Deal, void, undefined> {
  const rng = createRng(plan.seed, 'deals');
  const p = plan.customers;
  const today = plan.todayDay;
  const iso = dayFormatter(today - HISTORY_DAYS - 200, today + 200);
  const lineIds = plan.productLines.map((l) => l.id);
  const lineNames = plan.productLines.map((l) => l.name);
  const seqByYear = new Map<string, number>();

  for (let i = 0; i < p.ids.length; i++) {
    const n = p.dealCount[i] ?? 0;
    if (n === 0) continue;
    const customerId = p.ids[i] ?? '';
    const kind = p.kind[i] ?? KIND.active;
    const traits = p.traits[i] ?? 0;
    const payer = p.payer[i] ?? PAYER.good;
    const term = p.paymentTerm[i] ?? 30;
    const mean = p.meanAmount[i] ?? 0;
    const owner = SALESPEOPLE[p.owner[i] ?? 0]?.[0] ?? '';
    const firstContact = p.firstContact[i] ?? today;
    const start = p.firstPurchase[i] ?? today;
    const end = p.lastPurchase[i] ?? today;
    const buyer = kind !== KIND.prospect;
    const stillBuying = buyer && end === today;
    const endsOnLast = kind === KIND.churned || kind === KIND.declining;
    const span = buyer ? end - start + 1 : Math.min(today, firstContact + 365) - firstContact + 1;
    const pLost = traits & TRAIT.priceSensitive ? P_LOST_PRICE_SENSITIVE : P_LOST;

    for (let k = 0; k < n; k++) {
      const forced = buyer && (k === 0 || (k === 1 && endsOnLast));
      const day = forced ? (k === 0 ? start : end) : (buyer ? start : firstContact) + rng.int(span);
      let stage: DealStage;
      const mayBeOpen = !forced && (stillBuying || !buyer) && day >= today - OPEN_WINDOW_DAYS;
      const young = day >= today - OPEN_RECENT_DAYS;
      if (mayBeOpen && rng.chance(!buyer ? 0.8 : young ? P_OPEN_RECENT : P_OPEN_OLDER)) {
        stage = pickWeighted(rng, young ? YOUNG_OPEN : OLDER_OPEN);
      } else if (!buyer) {
        stage = 'lost';
      } else {
        stage = forced || !rng.chance(pLost) ? 'won' : 'lost';
      }
      const open = stage !== 'won' && stage !== 'lost';
      const won = stage === 'won';

      let line = pickWeighted(rng, LINE_TABLE);
      const soldFor = line >= 0 ? PRODUCT_LINE_SPECS[line]?.soldForDays : undefined;
      if (soldFor !== undefined && day < today - soldFor) line = FALLBACK_LINE;
      const costRatio = line >= 0 ? (PRODUCT_LINE_SPECS[line]?.costRatio ?? 0.75) : NO_LINE_COST_RATIO;

      const raw = mean * Math.exp(0.6 * rng.normal() - 0.18);
      const amount = Math.max(10_000, rng.chance(0.8) ? Math.round(raw / 100) * 100 : Math.round(raw));
      const discountRate =
        traits & TRAIT.lossDiscount
          ? rng.uniform(0.3, 0.42)
          : traits & TRAIT.priceSensitive
            ? rng.uniform(0.05, 0.18)
            : rng.chance(0.6)
              ? 0
              : rng.uniform(0.01, 0.08);
      const discount = Math.round(amount / (1 - discountRate) - amount);
      const cost = Math.round((amount + discount) * costRatio * rng.uniform(0.94, 1.06));
      let serviceCost = 0;
      let paidAmount = 0;
      let dueDay = 0;
      let deliveryDay = 0;
      if (won) {
        serviceCost =
          traits & TRAIT.lossService
            ? Math.round(amount * rng.uniform(0.3, 0.45))
            : Math.round(amount * rng.uniform(0.005, 0.03)) + rng.between(20, 200) * 100;
        deliveryDay = day + rng.between(1, 10);
        dueDay = day + (rng.chance(0.85) ? term : rng.pick([30, 60, 90]));
        if (dueDay >= today) {
          const r = rng.next();
          paidAmount = r < 0.35 ? amount : r < 0.45 ? Math.floor(amount * rng.uniform(0.2, 0.8)) : 0;
        } else if (rng.chance(P_OVERDUE[payer as 0 | 1 | 2][overdueBand(today - dueDay)])) {
          paidAmount = rng.chance(0.45) ? 0 : Math.floor(amount * rng.uniform(0.1, 0.9));
        } else {
          paidAmount = amount;
        }
      }

      const openDay = open ? day : Math.max(firstContact, day - rng.int(46));
      const closeDate: IsoDate = open ? '' : iso(day);
      const codeDate = open ? iso(openDay) : closeDate;
      const year = codeDate.slice(0, 4);
      const seq = (seqByYear.get(year) ?? 0) + 1;
      seqByYear.set(year, seq);
      const createdAt = officeTime(rng, openDay);
      const lastDay = won
        ? Math.min(today, paidAmount > 0 ? Math.max(deliveryDay, dueDay - rng.int(20)) : deliveryDay)
        : open
          ? Math.min(today, openDay + rng.int(15))
          : day;
      const lineName = line >= 0 ? (lineNames[line] ?? '') : '其他商品';
      const deal: Deal = {
        id: uuid(rng),
        createdAt,
        updatedAt: Math.max(createdAt, officeTime(rng, lastDay)),
        deletedAt: null,
        batchId: plan.batchId,
        code: `SO-${year}-${String(seq).padStart(5, '0')}`,
        customerId,
        productLineId: line >= 0 ? (lineIds[line] ?? '') : '',
        title: lineName + rng.pick(won ? WON_TITLES : OPEN_TITLES),
        stage,
        openDate: iso(openDay),
        closeDate,
        amount,
        cost,
        serviceCost,
        discount,
        paidAmount,
        dueDate: won ? iso(dueDay) : '',
        deliveryDate: won ? iso(deliveryDay) : '',
        owner: rng.chance(0.92) ? owner : (SALESPEOPLE[rng.int(SALESPEOPLE.length)]?.[0] ?? owner),
        notes:
          stage === 'lost' && rng.chance(0.5)
            ? rng.pick(LOST_NOTES)
            : won && rng.chance(0.08)
              ? rng.pick(WON_NOTES)
              : '',
      };
      yield deal;
    }
  }
}
