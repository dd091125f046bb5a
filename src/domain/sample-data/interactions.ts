/**
 * Interaction rows of the sample data set: the contact log, streamed customer by customer.
 *
 * A customer's contacts fall between the first contact and half a year after the last purchase (a
 * prospect's within a year of the first contact). Follow-ups and inquiries are the most common; unhappy
 * customers complain more and score lower; nobody who asked not to be contacted gets a care call.
 * Satisfaction is 1–5, mostly 4, sometimes not asked (null). About a third of the contacts plan a next
 * action due 1–21 days later: recent ones are often still open, some past their due date (overdue),
 * older ones were mostly done. Complaints and service requests are resolved after a while.
 */
import type { Interaction, InteractionChannel, InteractionType } from '../types';
import { dayFormatter, officeTime } from './dates';
import { SALESPEOPLE } from './names';
import { HISTORY_DAYS, KIND, TRAIT, type SamplePlan } from './plan';
import { createRng, pickWeighted, uuid, weighted, type Rng } from './rng';

const CHANNELS = weighted<InteractionChannel>([
  ['wechat', 0.35],
  ['phone', 0.3],
  ['visit', 0.15],
  ['email', 0.1],
  ['meeting', 0.1],
]);
const TYPES = weighted<InteractionType>([
  ['follow-up', 0.35],
  ['inquiry', 0.2],
  ['care', 0.2],
  ['service-request', 0.13],
  ['complaint', 0.12],
]);
const UNHAPPY_TYPES = weighted<InteractionType>([
  ['follow-up', 0.3],
  ['inquiry', 0.15],
  ['care', 0.15],
  ['service-request', 0.15],
  ['complaint', 0.25],
]);
const PROSPECT_TYPES = weighted<InteractionType>([
  ['follow-up', 0.5],
  ['inquiry', 0.4],
  ['care', 0.1],
]);
const SATISFACTION = weighted([
  [1, 0.02],
  [2, 0.05],
  [3, 0.2],
  [4, 0.43],
  [5, 0.3],
]);
const UNHAPPY_SATISFACTION = weighted([
  [1, 0.12],
  [2, 0.23],
  [3, 0.35],
  [4, 0.22],
  [5, 0.08],
]);
const COMPLAINT_SATISFACTION = weighted([
  [1, 0.35],
  [2, 0.4],
  [3, 0.2],
  [4, 0.05],
]);

/** Summary templates by type; `#` is replaced by a product line name. */
const SUMMARIES: Record<InteractionType, readonly string[]> = {
  inquiry: ['咨询#价格与交期', '询问#新品规格', '索要#样品', '询问批量采购折扣'],
  'follow-up': ['跟进#报价反馈', '确认订单交付进度', '回访#样品试用情况', '沟通年度采购计划'],
  complaint: ['投诉#到货延迟', '反馈#部分批次质量问题', '对账金额有异议', '包装破损投诉'],
  'service-request': ['申请#退换货', '要求补开发票', '需要技术支持安装调试', '申请延长账期'],
  care: ['节日问候', '生日祝福', '客户满意度回访', '新品推荐与行业资讯'],
};
const NEXT_ACTIONS: Record<InteractionType, readonly string[]> = {
  inquiry: ['发送报价单', '安排送样', '寄送产品目录'],
  'follow-up': ['上门拜访', '确认发货时间', '催收货款', '电话回访'],
  complaint: ['提交处理方案', '安排退换货', '上门致歉并核实问题'],
  'service-request': ['补开发票', '安排技术人员上门', '确认退换货进度'],
  care: ['寄送新品样品', '约见面交流'],
};

function satisfaction(rng: Rng, type: InteractionType, unhappy: boolean): number | null {
  if (rng.chance(0.18)) return null;
  if (type === 'complaint') return pickWeighted(rng, COMPLAINT_SATISFACTION);
  return pickWeighted(rng, unhappy ? UNHAPPY_SATISFACTION : SATISFACTION);
}

/** Yields the planned interactions, customer by customer in plan order. */
export function* sampleInteractions(plan: SamplePlan): Generator<Interaction, void, undefined> {
  const rng = createRng(plan.seed, 'interactions');
  const p = plan.customers;
  const today = plan.todayDay;
  const iso = dayFormatter(today - HISTORY_DAYS - 200, today + 200);
  const lineNames = plan.productLines.map((l) => l.name);

  for (let i = 0; i < p.ids.length; i++) {
    const n = p.interactionCount[i] ?? 0;
    if (n === 0) continue;
    const customerId = p.ids[i] ?? '';
    const traits = p.traits[i] ?? 0;
    const unhappy = (traits & TRAIT.unhappy) !== 0;
    const doNotContact = (traits & TRAIT.doNotContact) !== 0;
    const prospect = p.kind[i] === KIND.prospect;
    const owner = SALESPEOPLE[p.owner[i] ?? 0]?.[0] ?? '';
    const from = p.firstContact[i] ?? today;
    const to = prospect ? Math.min(today, from + 365) : Math.min(today, (p.lastPurchase[i] ?? today) + 180);
    const span = to - from + 1;

    for (let k = 0; k < n; k++) {
      const day = from + rng.int(span);
      let type = pickWeighted(rng, prospect ? PROSPECT_TYPES : unhappy ? UNHAPPY_TYPES : TYPES);
      if (type === 'care' && doNotContact) type = 'inquiry';
      const channel = pickWeighted(rng, CHANNELS);
      const summary = rng.pick(SUMMARIES[type]).replace('#', rng.pick(lineNames));
      const score = satisfaction(rng, type, unhappy);

      let nextAction = '';
      let dueDay = 0;
      let resolved = true;
      let doneDay = day;
      if (rng.chance(type === 'care' ? 0.15 : 0.4)) {
        nextAction = rng.pick(NEXT_ACTIONS[type]);
        dueDay = day + rng.between(1, 21);
        if (dueDay >= today) resolved = rng.chance(0.1);
        else resolved = rng.chance(today - dueDay <= 30 ? 0.6 : 0.95);
        if (resolved) doneDay = Math.min(today, dueDay - rng.int(3));
      } else if (type === 'complaint' || type === 'service-request') {
        resolved = rng.chance(today - day > 30 ? 0.97 : 0.5);
        if (resolved) doneDay = Math.min(today, day + rng.between(1, 20));
      }
      const createdAt = officeTime(rng, day);
      const interaction: Interaction = {
        id: uuid(rng),
        createdAt,
        updatedAt: Math.max(createdAt, officeTime(rng, Math.max(day, doneDay))),
        deletedAt: null,
        batchId: plan.batchId,
        customerId,
        date: iso(day),
        channel,
        type,
        satisfaction: score,
        summary,
        nextAction,
        nextActionDue: nextAction ? iso(dueDay) : '',
        resolved,
        owner: rng.chance(0.9) ? owner : (SALESPEOPLE[rng.int(SALESPEOPLE.length)]?.[0] ?? owner),
      };
      yield interaction;
    }
  }
}
