/**
 * The follow-up list ("who to contact this week", DESIGN.md §2): what each rule reads and what an
 * item says. Items carry their figures as data, never as text: the UI words them in the owner's
 * language ("tier A, last visit 47 days ago", "¥12,340.00 overdue 35 days").
 */
import type { AtRiskReason } from '../analytics/at-risk';
import type { AbcTier, InteractionChannel, InteractionType, IsoDate, LifecycleStage, Money } from '../types';

/** The kinds of item, in priority order: the list is sorted by this order first. */
export const FOLLOW_UP_KINDS = [
  'service',
  'at-risk',
  'receivable',
  'next-action',
  'lifecycle',
  'care',
] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/**
 * Outreach: the business reaches out on its own initiative. A customer marked `doNotContact` never
 * gets these. Receivables, the customer's own open complaints and service requests, and next actions
 * the owner already agreed with the customer are commitments, not outreach: they stay on the list
 * (flagged "do not contact", so whoever calls knows to keep to the matter).
 */
export const OUTREACH_KINDS: ReadonlySet<FollowUpKind> = new Set<FollowUpKind>([
  'at-risk',
  'lifecycle',
  'care',
]);

/** The care programme of each tier (DESIGN.md §2), one entry per kind of regular contact. */
export const CARE_PROGRAMMES = ['call-visit', 'report', 'membership', 'news', 'sample-call'] as const;
export type CareProgramme = (typeof CARE_PROGRAMMES)[number];

/** The customer facts the rules read. */
export interface FollowUpCustomer {
  id: string;
  code: string;
  name: string;
  owner: string;
  doNotContact: boolean;
}

/** The derived metrics the rules read (null fields: not computable for this customer). */
export interface FollowUpMetrics {
  tier: AbcTier;
  lifecycle: LifecycleStage;
  pAlive: number | null;
  /** Days since the first purchase. */
  tenureDays: number | null;
}

/**
 * The last day (day number, see analytics/days.ts; NO_DAY when never) of each kind of contact the
 * rules look at, per customer: folded from the interaction log by `foldContact`.
 */
export interface ContactHistory {
  /** Any interaction. */
  any: number;
  /** A phone call, visit or meeting (any type). */
  callVisit: number;
  /** A care interaction (any channel). */
  care: number;
  /** A care interaction by e-mail or meeting: the periodic business-analysis report. */
  report: number;
  /** A phone call (any type). */
  phone: number;
  /** A follow-up interaction (any channel): counts as a payment reminder. */
  followUp: number;
}

/** An interaction with a next action not yet done (`resolved` false) and a due date. */
export interface OpenAction {
  interactionId: string;
  customerId: string;
  type: InteractionType;
  channel: InteractionChannel;
  nextAction: string;
  due: IsoDate;
  owner: string;
}

/** A customer's overdue receivables: won deals past their due date with an unpaid amount. */
export interface Receivable {
  /** Sum of amount − paid over those deals, minor units, > 0. */
  overdue: Money;
  /** The earliest due date among them (the oldest debt). */
  oldestDue: IsoDate;
  deals: number;
}

export type FollowUpReason =
  | {
      kind: 'service';
      type: 'complaint' | 'service-request';
      interactionId: string;
      nextAction: string;
      due: IsoDate;
      daysOverdue: number;
    }
  | {
      kind: 'at-risk';
      tier: 'A' | 'B';
      why: AtRiskReason;
      lifecycle: LifecycleStage;
      pAlive: number | null;
      /** Days since the last contact of any kind, null when never. */
      daysSinceContact: number | null;
    }
  | {
      kind: 'receivable';
      overdue: Money;
      daysOverdue: number;
      deals: number;
      daysSinceReminder: number | null;
    }
  | {
      kind: 'next-action';
      type: InteractionType;
      interactionId: string;
      nextAction: string;
      due: IsoDate;
      /** Negative when the due date has passed. */
      daysUntilDue: number;
    }
  | {
      kind: 'lifecycle';
      stage: 'new' | 'declining' | 'lost';
      daysSinceContact: number | null;
      /** Days since the first purchase (for a new customer). */
      tenureDays: number | null;
    }
  | {
      kind: 'care';
      programme: CareProgramme;
      tier: 'A' | 'B' | 'C';
      /** Days since the last contact of the programme's kind, null when never. */
      daysSince: number | null;
      intervalDays: number;
    };

/** What marking the item done writes: a new interaction, and for a next action, its `resolved`. */
export interface DoneRecord {
  type: InteractionType;
  channel: InteractionChannel;
  /** The interaction whose next action this completes (set `resolved`), or null. */
  resolves: string | null;
}

export interface FollowUpItem {
  /** Stable while the rule holds: kind, customer and what the item is about. */
  key: string;
  kind: FollowUpKind;
  customerId: string;
  customerCode: string;
  customerName: string;
  /** Who should act: the interaction's owner for next actions, else the customer's owner. */
  owner: string;
  tier: AbcTier | null;
  doNotContact: boolean;
  reason: FollowUpReason;
  /** Suggested channel, also the channel of the interaction written when done. */
  done: DoneRecord;
  /** Within a kind, higher is more urgent. */
  urgency: number;
}

export interface FollowUpInputs {
  today: IsoDate;
  customers: readonly FollowUpCustomer[];
  metrics: ReadonlyMap<string, FollowUpMetrics>;
  contacts: ReadonlyMap<string, ContactHistory>;
  receivables: ReadonlyMap<string, Receivable>;
  openActions: readonly OpenAction[];
}
