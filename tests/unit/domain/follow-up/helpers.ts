import { dayOf, isoOf } from '../../../../src/domain/analytics/days';
import { emptyContactHistory } from '../../../../src/domain/follow-up/facts';
import type {
  ContactHistory,
  FollowUpCustomer,
  FollowUpInputs,
  FollowUpMetrics,
  OpenAction,
  Receivable,
} from '../../../../src/domain/follow-up/types';

/** A Monday, so "this week" is easy to reason about: 2025-06-30 … 2025-07-06. */
export const TODAY = '2025-06-30';
export const TODAY_DAY = dayOf(TODAY);

/** The ISO date `n` days before TODAY (negative: after). */
export function daysAgo(n: number): string {
  return isoOf(TODAY_DAY - n);
}

export function customer(id: string, patch: Partial<FollowUpCustomer> = {}): FollowUpCustomer {
  return { id, code: `C-${id}`, name: `Customer ${id}`, owner: '王芳', doNotContact: false, ...patch };
}

export function metrics(patch: Partial<FollowUpMetrics> = {}): FollowUpMetrics {
  return { tier: 'C', lifecycle: 'mature', pAlive: 0.9, tenureDays: 400, ...patch };
}

/** A contact history whose fields are "n days ago" (omitted: never). */
export function contacts(days: Partial<Record<keyof ContactHistory, number>>): ContactHistory {
  const h = emptyContactHistory();
  for (const [key, n] of Object.entries(days)) h[key as keyof ContactHistory] = TODAY_DAY - n;
  return h;
}

export function openAction(patch: Partial<OpenAction> = {}): OpenAction {
  return {
    interactionId: 'i1',
    customerId: 'c1',
    type: 'follow-up',
    channel: 'wechat',
    nextAction: '发送报价单',
    due: TODAY,
    owner: '李强',
    ...patch,
  };
}

export function inputs(patch: Partial<FollowUpInputs> = {}): FollowUpInputs {
  return {
    today: TODAY,
    customers: [],
    metrics: new Map<string, FollowUpMetrics>(),
    contacts: new Map<string, ContactHistory>(),
    receivables: new Map<string, Receivable>(),
    openActions: [],
    ...patch,
  };
}
