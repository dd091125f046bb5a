/**
 * The rules of the follow-up list, one function per kind of item. Each rule reads the current facts
 * only: an item is there while its rule holds, and marking it done writes the interaction (and, for a
 * next action, sets its `resolved`) that makes the rule stop holding. There is no hidden "done" flag.
 *
 * Intervals (days; "due" means the last contact of the relevant kind is at least this old, or never):
 * - care programme (DESIGN.md §2), for customers who have bought and are not lost (prospects are sales
 *   leads; lost customers get the win-back item instead):
 *   A — call or visit every A_CALL_VISIT_DAYS (any phone call, visit or meeting), business-analysis
 *       report every A_REPORT_DAYS (a care interaction by e-mail or meeting; it is also A's membership
 *       care);
 *   B — membership care every B_MEMBERSHIP_DAYS (any care interaction; it includes the news);
 *   C — news every C_NEWS_DAYS (any care interaction), and a phone call for the weekly sample
 *       (week.ts) unless they had a phone call since Monday;
 *   Z (below zero) — no care programme.
 * - lifecycle (LIFECYCLE_ACTIONS): new — no contact since the first purchase (welcome, quality check);
 *   declining — no contact for DECLINING_CONTACT_DAYS (find the cause); lost — none for
 *   LOST_CONTACT_DAYS (win back or let go). An at-risk customer gets the at-risk item instead.
 * - at risk (`atRiskReason`): no contact of any kind for AT_RISK_CONTACT_DAYS.
 * - receivables: won deals past their due date with an unpaid amount, one item per customer, unless a
 *   follow-up interaction (the payment reminder) was recorded within RECEIVABLE_REMINDER_DAYS.
 * - open complaints and service requests whose next action is past due and not resolved.
 * - any other next action not resolved and due by Sunday of this week (overdue ones of this week too).
 */
import { atRiskReason } from '../analytics/at-risk';
import { dayOf, NO_DAY } from '../analytics/days';
import type { IsoDate } from '../types';
import type {
  CareProgramme,
  ContactHistory,
  FollowUpCustomer,
  FollowUpInputs,
  FollowUpItem,
  FollowUpMetrics,
  OpenAction,
  Receivable,
} from './types';
import { emptyContactHistory } from './facts';
import { inCallSample, isoWeek } from './week';

/** Tier A: a phone call, visit or meeting at least every 30 days (the dedicated contact person). */
export const A_CALL_VISIT_DAYS = 30;
/** Tier A: a periodic business-analysis report, every 90 days (a quarter). */
export const A_REPORT_DAYS = 90;
/** Tier B: membership care, every 90 days. */
export const B_MEMBERSHIP_DAYS = 90;
/** Tier C: news of products, every 180 days. */
export const C_NEWS_DAYS = 180;
/** At-risk customers: contacted at least every 14 days until they are no longer at risk. */
export const AT_RISK_CONTACT_DAYS = 14;
/** Declining customers: find the cause, a contact at least every 30 days. */
export const DECLINING_CONTACT_DAYS = 30;
/** Lost customers: one win-back attempt every 90 days. */
export const LOST_CONTACT_DAYS = 90;
/** Overdue receivables: a payment reminder (a follow-up interaction) at least every 7 days. */
export const RECEIVABLE_REMINDER_DAYS = 7;

/** Big enough to rank "never contacted" above any real number of days. */
const NEVER = 100_000;

/** Days from `lastDay` to `today` (≥ 0), or null when `lastDay` is NO_DAY (never). */
export function daysSince(todayDay: number, lastDay: number): number | null {
  return lastDay === NO_DAY ? null : Math.max(0, todayDay - lastDay);
}

function isDue(days: number | null, interval: number): boolean {
  return days === null || days >= interval;
}

type Base = Pick<
  FollowUpItem,
  'customerId' | 'customerCode' | 'customerName' | 'owner' | 'tier' | 'doNotContact'
>;

function base(c: FollowUpCustomer, m: FollowUpMetrics | undefined): Base {
  return {
    customerId: c.id,
    customerCode: c.code,
    customerName: c.name,
    owner: c.owner,
    tier: m?.tier ?? null,
    doNotContact: c.doNotContact,
  };
}

/**
 * An open complaint or service request whose next action is past due (due before today, not resolved).
 * @example a complaint due 2025-06-25, today 2025-06-30 → daysOverdue 5, done by a visit
 */
export function serviceItem(
  a: OpenAction,
  c: FollowUpCustomer,
  m: FollowUpMetrics | undefined,
  today: IsoDate,
): FollowUpItem | null {
  if (a.type !== 'complaint' && a.type !== 'service-request') return null;
  if (!(a.due < today)) return null;
  const daysOverdue = dayOf(today) - dayOf(a.due);
  return {
    ...base(c, m),
    key: `service:${a.interactionId}`,
    kind: 'service',
    owner: a.owner || c.owner,
    reason: {
      kind: 'service',
      type: a.type,
      interactionId: a.interactionId,
      nextAction: a.nextAction,
      due: a.due,
      daysOverdue,
    },
    done: {
      type: 'follow-up',
      channel: a.type === 'complaint' ? 'visit' : 'phone',
      resolves: a.interactionId,
    },
    urgency: daysOverdue,
  };
}

/**
 * Any other open next action due by `sunday` (the end of this week): all types when due this week or
 * today, and the past-due ones that are not complaints or service requests (those are service items).
 * @example a follow-up due 2025-07-03, today 2025-06-30 → daysUntilDue 3
 */
export function nextActionItem(
  a: OpenAction,
  c: FollowUpCustomer,
  m: FollowUpMetrics | undefined,
  today: IsoDate,
  monday: IsoDate,
  sunday: IsoDate,
): FollowUpItem | null {
  if (a.due > sunday || a.due < monday) return null;
  if ((a.type === 'complaint' || a.type === 'service-request') && a.due < today) return null;
  const daysUntilDue = dayOf(a.due) - dayOf(today);
  return {
    ...base(c, m),
    key: `next-action:${a.interactionId}`,
    kind: 'next-action',
    owner: a.owner || c.owner,
    reason: {
      kind: 'next-action',
      type: a.type,
      interactionId: a.interactionId,
      nextAction: a.nextAction,
      due: a.due,
      daysUntilDue,
    },
    done: { type: 'follow-up', channel: a.channel, resolves: a.interactionId },
    urgency: -daysUntilDue,
  };
}

/**
 * A customer's overdue receivables, unless reminded within RECEIVABLE_REMINDER_DAYS.
 * @example ¥12,340.00 unpaid, oldest due 35 days ago, no follow-up → one item, daysOverdue 35
 */
export function receivableItem(
  r: Receivable | undefined,
  c: FollowUpCustomer,
  m: FollowUpMetrics | undefined,
  h: ContactHistory,
  todayDay: number,
): FollowUpItem | null {
  if (!r || r.overdue <= 0) return null;
  const daysSinceReminder = daysSince(todayDay, h.followUp);
  if (!isDue(daysSinceReminder, RECEIVABLE_REMINDER_DAYS)) return null;
  return {
    ...base(c, m),
    key: `receivable:${c.id}`,
    kind: 'receivable',
    reason: {
      kind: 'receivable',
      overdue: r.overdue,
      daysOverdue: todayDay - dayOf(r.oldestDue),
      deals: r.deals,
      daysSinceReminder,
    },
    done: { type: 'follow-up', channel: 'phone', resolves: null },
    urgency: r.overdue,
  };
}

/**
 * An at-risk customer (`atRiskReason`, tier A or B slipping away) not contacted for AT_RISK_CONTACT_DAYS.
 * Outreach: never for a do-not-contact customer.
 */
export function atRiskItem(
  c: FollowUpCustomer,
  m: FollowUpMetrics | undefined,
  h: ContactHistory,
  todayDay: number,
): FollowUpItem | null {
  if (c.doNotContact || !m) return null;
  const why = atRiskReason(m);
  if (why === null || (m.tier !== 'A' && m.tier !== 'B')) return null;
  const daysSinceContact = daysSince(todayDay, h.any);
  if (!isDue(daysSinceContact, AT_RISK_CONTACT_DAYS)) return null;
  return {
    ...base(c, m),
    key: `at-risk:${c.id}`,
    kind: 'at-risk',
    reason: {
      kind: 'at-risk',
      tier: m.tier,
      why,
      lifecycle: m.lifecycle,
      pAlive: m.pAlive,
      daysSinceContact,
    },
    done: { type: 'follow-up', channel: m.tier === 'A' ? 'visit' : 'phone', resolves: null },
    urgency: (m.tier === 'A' ? 1_000_000 : 0) + (daysSinceContact ?? NEVER),
  };
}

/**
 * The lifecycle item of a new, declining or lost customer (see the module comment for when).
 * Outreach: never for a do-not-contact customer; not when the customer is at risk (that item says more).
 */
export function lifecycleItem(
  c: FollowUpCustomer,
  m: FollowUpMetrics | undefined,
  h: ContactHistory,
  todayDay: number,
): FollowUpItem | null {
  if (c.doNotContact || !m || atRiskReason(m) !== null) return null;
  const daysSinceContact = daysSince(todayDay, h.any);
  let due: boolean;
  if (m.lifecycle === 'new') {
    const firstPurchase = m.tenureDays === null ? NO_DAY : todayDay - m.tenureDays;
    due = h.any === NO_DAY || h.any < firstPurchase;
  } else if (m.lifecycle === 'declining') due = isDue(daysSinceContact, DECLINING_CONTACT_DAYS);
  else if (m.lifecycle === 'lost') due = isDue(daysSinceContact, LOST_CONTACT_DAYS);
  else return null;
  if (!due) return null;
  const stage = m.lifecycle;
  return {
    ...base(c, m),
    key: `lifecycle:${c.id}`,
    kind: 'lifecycle',
    reason: { kind: 'lifecycle', stage, daysSinceContact, tenureDays: m.tenureDays },
    done: {
      type: stage === 'new' ? 'care' : 'follow-up',
      channel: stage === 'declining' ? 'visit' : 'phone',
      resolves: null,
    },
    urgency: daysSinceContact ?? NEVER,
  };
}

interface CareRule {
  programme: CareProgramme;
  intervalDays: number;
  last: (h: ContactHistory) => number;
  channel: FollowUpItem['done']['channel'];
}

const CARE: Record<'A' | 'B' | 'C', readonly CareRule[]> = {
  A: [
    { programme: 'call-visit', intervalDays: A_CALL_VISIT_DAYS, last: (h) => h.callVisit, channel: 'visit' },
    { programme: 'report', intervalDays: A_REPORT_DAYS, last: (h) => h.report, channel: 'email' },
  ],
  B: [{ programme: 'membership', intervalDays: B_MEMBERSHIP_DAYS, last: (h) => h.care, channel: 'wechat' }],
  C: [{ programme: 'news', intervalDays: C_NEWS_DAYS, last: (h) => h.care, channel: 'email' }],
};
const TIER_WEIGHT = { A: 2_000_000, B: 1_000_000, C: 0 } as const;

/**
 * The care-programme items of a customer that are due (one per programme). Outreach: never for a
 * do-not-contact customer.
 * @example tier A, last call or visit 47 days ago → 'call-visit', daysSince 47, intervalDays 30
 */
export function careItems(
  c: FollowUpCustomer,
  m: FollowUpMetrics | undefined,
  h: ContactHistory,
  todayDay: number,
  monday: IsoDate,
): FollowUpItem[] {
  if (c.doNotContact || !m || m.lifecycle === 'prospect' || m.lifecycle === 'lost') return [];
  const tier = m.tier;
  // Care programmes are per tier of the customers who bought in the period (A, B, C): none for N (no
  // purchase in the period: the at-risk and lifecycle rules speak for them) or Z (below zero).
  if (tier === 'Z' || tier === 'N') return [];
  const items: FollowUpItem[] = [];
  const add = (
    programme: CareProgramme,
    daysSinceLast: number | null,
    intervalDays: number,
    channel: CareRule['channel'],
  ) =>
    items.push({
      ...base(c, m),
      key: `care:${programme}:${c.id}`,
      kind: 'care',
      reason: { kind: 'care', programme, tier, daysSince: daysSinceLast, intervalDays },
      done: { type: 'care', channel, resolves: null },
      urgency: TIER_WEIGHT[tier] + (daysSinceLast ?? NEVER) - intervalDays,
    });
  for (const rule of CARE[tier]) {
    const days = daysSince(todayDay, rule.last(h));
    if (isDue(days, rule.intervalDays)) add(rule.programme, days, rule.intervalDays, rule.channel);
  }
  if (tier === 'C' && inCallSample(c.id, monday)) {
    const days = daysSince(todayDay, h.phone);
    const sinceMonday = todayDay - dayOf(monday);
    if (days === null || days > sinceMonday) add('sample-call', days, 7, 'phone');
  }
  return items;
}

/** Every item of the list, for every customer, sorted (see `compareItems`). */
export function followUpList(inputs: FollowUpInputs): FollowUpItem[] {
  const { today } = inputs;
  const todayDay = dayOf(today);
  const { monday, sunday } = isoWeek(today);
  const none = emptyContactHistory();
  const items: FollowUpItem[] = [];
  const byId = new Map<string, FollowUpCustomer>();
  for (const c of inputs.customers) {
    byId.set(c.id, c);
    const m = inputs.metrics.get(c.id);
    const h = inputs.contacts.get(c.id) ?? none;
    const candidates = [
      atRiskItem(c, m, h, todayDay),
      receivableItem(inputs.receivables.get(c.id), c, m, h, todayDay),
      lifecycleItem(c, m, h, todayDay),
    ];
    for (const item of candidates) if (item) items.push(item);
    items.push(...careItems(c, m, h, todayDay, monday));
  }
  for (const a of inputs.openActions) {
    const c = byId.get(a.customerId);
    if (!c) continue;
    const m = inputs.metrics.get(c.id);
    const item = serviceItem(a, c, m, today) ?? nextActionItem(a, c, m, today, monday, sunday);
    if (item) items.push(item);
  }
  return items.sort(compareItems);
}

const KIND_ORDER = {
  service: 0,
  'at-risk': 1,
  receivable: 2,
  'next-action': 3,
  lifecycle: 4,
  care: 5,
} as const;

/** Priority order: kind (FOLLOW_UP_KINDS), then urgency (highest first), then customer name, then key. */
export function compareItems(a: FollowUpItem, b: FollowUpItem): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    b.urgency - a.urgency ||
    (a.customerName < b.customerName ? -1 : a.customerName > b.customerName ? 1 : 0) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}
