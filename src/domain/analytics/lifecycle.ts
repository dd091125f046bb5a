/**
 * Lifecycle stage with its suggested action, and the suggested relationship type (DESIGN.md §2).
 *
 * Stage rules, checked in this order (the first that holds wins):
 * 1. prospect  — no won deal yet.
 * 2. lost      — P(alive) < 0.1 (when the model gives one), or silence: days since the last purchase
 *                > max(365, 3 × mean inter-purchase time).
 * 3. new       — first purchase within the last 90 days.
 * 4. declining — P(alive) < 0.5, or days since the last purchase > max(90, 2 × mean inter-purchase
 *                time; 180 when unknown), or value trend < −20 %.
 * 5. growing   — value trend > +20 %.
 * 6. mature    — otherwise.
 * Value trend = (revenue in the second half of the window − revenue in the first half) ÷ the larger of
 * the two (−1…+1; null when both are 0); revenue is net of returns. "First purchase" and every
 * silence count purchases only (a return is never one).
 *
 * Relationship type (Kotler), from how many buyers the business has (few ≤ 50 < moderate ≤ 500 < many)
 * and the customer's margin (value ÷ revenue: low < 10 % ≤ medium < 25 % ≤ high):
 *
 *               low margin    medium margin   high margin
 *   many        basic         passive         responsible
 *   moderate    passive       responsible     proactive
 *   few         responsible   proactive       partner
 */
import type { LifecycleStage, RelationshipType } from '../types';

export const LOST_P_ALIVE = 0.1;
export const DECLINING_P_ALIVE = 0.5;
export const NEW_DAYS = 90;
export const TREND_THRESHOLD = 0.2;

export interface LifecycleInput {
  hasPurchase: boolean;
  tenureDays: number | null;
  recencyDays: number | null;
  interPurchaseMeanDays: number | null;
  pAlive: number | null;
  trend: number | null;
}

/** Why the stage was chosen: the rule that fired (for explanations). */
export type LifecycleRule =
  | 'no-purchase'
  | 'p-alive-very-low'
  | 'long-silence'
  | 'first-purchase-recent'
  | 'p-alive-falling'
  | 'silence'
  | 'trend-down'
  | 'trend-up'
  | 'stable';

/** Silence (days) after which a customer counts as lost. @example lostSilenceDays(200) // 600 */
export function lostSilenceDays(meanGap: number | null): number {
  return Math.max(365, 3 * (meanGap ?? 0));
}

/** Silence (days) after which a customer counts as declining. @example decliningSilenceDays(null) // 180 */
export function decliningSilenceDays(meanGap: number | null): number {
  return meanGap === null ? 180 : Math.max(90, 2 * meanGap);
}

/**
 * Value trend between the two halves of the window, scaled by the larger size of the two so that it
 * stays in −1…+1 when a half is net negative (returns above sales): (second − first) ÷ max(|first|,
 * |second|).
 *
 * @example valueTrend(100, 150) // 0.333… · valueTrend(100, -50) // −1 · valueTrend(-100, -50) // +0.5
 */
export function valueTrend(firstHalf: number, secondHalf: number): number | null {
  const larger = Math.max(Math.abs(firstHalf), Math.abs(secondHalf));
  if (!(larger > 0)) return null;
  return Math.max(-1, Math.min(1, (secondHalf - firstHalf) / larger));
}

/**
 * The lifecycle stage and the rule that chose it (see the module comment).
 *
 * @example
 * lifecycleStage({ hasPurchase: true, tenureDays: 800, recencyDays: 20, interPurchaseMeanDays: 30,
 *   pAlive: null, trend: 0.5 }) // { stage: 'growing', rule: 'trend-up' }
 */
export function lifecycleStage(x: LifecycleInput): { stage: LifecycleStage; rule: LifecycleRule } {
  if (!x.hasPurchase || x.recencyDays === null) return { stage: 'prospect', rule: 'no-purchase' };
  if (x.pAlive !== null && x.pAlive < LOST_P_ALIVE) return { stage: 'lost', rule: 'p-alive-very-low' };
  if (x.recencyDays > lostSilenceDays(x.interPurchaseMeanDays))
    return { stage: 'lost', rule: 'long-silence' };
  if (x.tenureDays !== null && x.tenureDays <= NEW_DAYS)
    return { stage: 'new', rule: 'first-purchase-recent' };
  if (x.pAlive !== null && x.pAlive < DECLINING_P_ALIVE)
    return { stage: 'declining', rule: 'p-alive-falling' };
  if (x.recencyDays > decliningSilenceDays(x.interPurchaseMeanDays))
    return { stage: 'declining', rule: 'silence' };
  if (x.trend !== null && x.trend < -TREND_THRESHOLD) return { stage: 'declining', rule: 'trend-down' };
  if (x.trend !== null && x.trend > TREND_THRESHOLD) return { stage: 'growing', rule: 'trend-up' };
  return { stage: 'mature', rule: 'stable' };
}

/** The suggested action of each stage (an i18n key suffix). */
export const LIFECYCLE_ACTIONS = {
  prospect: 'convert',
  new: 'quality-service',
  growing: 'satisfaction-retention',
  mature: 'satisfaction-retention',
  declining: 'find-cause',
  lost: 'win-back-or-let-go',
} as const satisfies Record<LifecycleStage, string>;

export type CustomerCountBand = 'few' | 'moderate' | 'many';
export type MarginLevel = 'low' | 'medium' | 'high';

export function customerCountBand(buyers: number): CustomerCountBand {
  return buyers <= 50 ? 'few' : buyers <= 500 ? 'moderate' : 'many';
}

/** Margin level of value ÷ revenue; null without revenue. @example marginLevel(150, 1_000) // 'medium' */
export function marginLevel(value: number, revenue: number): MarginLevel | null {
  if (!(revenue > 0)) return null;
  const margin = value / revenue;
  return margin < 0.1 ? 'low' : margin < 0.25 ? 'medium' : 'high';
}

const KOTLER: Record<CustomerCountBand, Record<MarginLevel, RelationshipType>> = {
  many: { low: 'basic', medium: 'passive', high: 'responsible' },
  moderate: { low: 'passive', medium: 'responsible', high: 'proactive' },
  few: { low: 'responsible', medium: 'proactive', high: 'partner' },
};

/**
 * Kotler's suggested relationship type; '' when the customer had no revenue in the window.
 * @example suggestedRelationship('few', 'high') // 'partner'
 */
export function suggestedRelationship(
  band: CustomerCountBand,
  margin: MarginLevel | null,
): RelationshipType | '' {
  return margin === null ? '' : KOTLER[band][margin];
}
