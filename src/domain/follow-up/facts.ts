/**
 * Folding the base tables into what the follow-up rules read, one row at a time, so the storage layer
 * can read a table page by page and keep only a few numbers per customer: the last day of each kind
 * of contact, the overdue receivables, and the open next actions due by the end of this week.
 */
import { dayOf, NO_DAY } from '../analytics/days';
import type { Deal, Interaction, IsoDate } from '../types';
import type { ContactHistory, OpenAction, Receivable } from './types';

/** A history with no contact of any kind. */
export function emptyContactHistory(): ContactHistory {
  return { any: NO_DAY, callVisit: NO_DAY, care: NO_DAY, report: NO_DAY, phone: NO_DAY, followUp: NO_DAY };
}

export type ContactFact = Pick<Interaction, 'customerId' | 'date' | 'channel' | 'type'>;

/**
 * Adds one interaction to its customer's history (each field keeps the latest day of its kind).
 * An interaction without a valid date is ignored.
 *
 * @example foldContact(map, { customerId: 'c', date: '2025-06-30', channel: 'visit', type: 'care' })
 * // map.get('c'): any, callVisit and care = 20269; report, phone, followUp = NO_DAY
 */
export function foldContact(into: Map<string, ContactHistory>, fact: ContactFact): void {
  const day = dayOf(fact.date);
  if (day === NO_DAY) return;
  let h = into.get(fact.customerId);
  if (!h) {
    h = emptyContactHistory();
    into.set(fact.customerId, h);
  }
  h.any = Math.max(h.any, day);
  const callVisit = fact.channel === 'phone' || fact.channel === 'visit' || fact.channel === 'meeting';
  if (callVisit) h.callVisit = Math.max(h.callVisit, day);
  if (fact.channel === 'phone') h.phone = Math.max(h.phone, day);
  if (fact.type === 'care') {
    h.care = Math.max(h.care, day);
    if (fact.channel === 'email' || fact.channel === 'meeting') h.report = Math.max(h.report, day);
  }
  if (fact.type === 'follow-up') h.followUp = Math.max(h.followUp, day);
}

/**
 * The open next action of an interaction that the list may show, or null: a next action not done
 * (`resolved` false) with a valid due date on or before `lastDay` (the end of this week).
 */
export function openActionOf(
  i: Pick<
    Interaction,
    'id' | 'customerId' | 'type' | 'channel' | 'nextAction' | 'nextActionDue' | 'resolved' | 'owner'
  >,
  lastDay: IsoDate,
): OpenAction | null {
  if (i.resolved || dayOf(i.nextActionDue) === NO_DAY || i.nextActionDue > lastDay) return null;
  return {
    interactionId: i.id,
    customerId: i.customerId,
    type: i.type,
    channel: i.channel,
    nextAction: i.nextAction,
    due: i.nextActionDue,
    owner: i.owner,
  };
}

export type ReceivableFact = Pick<Deal, 'customerId' | 'stage' | 'amount' | 'paidAmount' | 'dueDate'>;

/**
 * Adds a deal to its customer's overdue receivables when it is won, its due date is before `today`
 * and part of it is unpaid (amount − paid > 0).
 *
 * @example a won deal of ¥1,000.00 with ¥400.00 paid, due 2025-05-26, today 2025-06-30
 * // → overdue 60000, oldestDue '2025-05-26', deals 1 (35 days overdue)
 */
export function foldReceivable(into: Map<string, Receivable>, d: ReceivableFact, today: IsoDate): void {
  const unpaid = d.amount - d.paidAmount;
  if (d.stage !== 'won' || unpaid <= 0 || dayOf(d.dueDate) === NO_DAY || d.dueDate >= today) return;
  const r = into.get(d.customerId);
  if (!r) {
    into.set(d.customerId, { overdue: unpaid, oldestDue: d.dueDate, deals: 1 });
    return;
  }
  r.overdue += unpaid;
  r.deals += 1;
  if (d.dueDate < r.oldestDue) r.oldestDue = d.dueDate;
}
