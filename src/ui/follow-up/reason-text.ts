/**
 * An item's reason and suggested action in words, with its figures formatted in the UI language.
 * The figures themselves come from the rules (src/domain/follow-up/rules.ts); this only words them.
 */
import { LIFECYCLE_ACTIONS } from '../../domain/analytics/lifecycle';
import type { FollowUpItem } from '../../domain/follow-up/types';
import type { Currency } from '../../domain/settings';
import type { MessageKey } from '../../i18n/dictionaries';
import { i18n } from '../../i18n/i18n.svelte';

function since(days: number | null): string {
  return days === null ? i18n.t('followUp.never') : i18n.t('followUp.daysAgo', { days: i18n.number(days) });
}

/** e.g. "Tier A, last call or visit: 47 days ago (every 30 days)", "¥12,340.00 overdue 35 days (2 deals); …". */
export function reasonText(item: FollowUpItem, currency: Currency): string {
  const r = item.reason;
  switch (r.kind) {
    case 'service':
      return i18n.t('followUp.reason.service', {
        type: i18n.t(`itype.${r.type}`),
        action: r.nextAction,
        due: i18n.date(r.due),
        days: i18n.number(r.daysOverdue),
      });
    case 'at-risk':
      return r.why === 'lifecycle'
        ? i18n.t('followUp.reason.at-risk.lifecycle', {
            tier: r.tier,
            stage: i18n.t(`lifecycle.${r.lifecycle}`),
            since: since(r.daysSinceContact),
          })
        : i18n.t('followUp.reason.at-risk.p-alive', {
            tier: r.tier,
            pAlive: r.pAlive === null ? '' : r.pAlive.toFixed(2),
            since: since(r.daysSinceContact),
          });
    case 'receivable':
      return i18n.t('followUp.reason.receivable', {
        amount: i18n.money(r.overdue, currency),
        days: i18n.number(r.daysOverdue),
        deals: i18n.number(r.deals),
        since: since(r.daysSinceReminder),
      });
    case 'next-action': {
      const params = {
        type: i18n.t(`itype.${r.type}`),
        action: r.nextAction,
        due: i18n.date(r.due),
        days: i18n.number(Math.abs(r.daysUntilDue)),
      };
      if (r.daysUntilDue < 0) return i18n.t('followUp.reason.next-action.overdue', params);
      if (r.daysUntilDue === 0) return i18n.t('followUp.reason.next-action.today', params);
      return i18n.t('followUp.reason.next-action.soon', params);
    }
    case 'lifecycle':
      return i18n.t(`followUp.reason.lifecycle.${r.stage}`, {
        days: i18n.number(r.tenureDays ?? 0),
        since: since(r.daysSinceContact),
      });
    case 'care':
      return i18n.t(`followUp.reason.care.${r.programme}`, {
        tier: r.tier,
        since: since(r.daysSince),
        interval: i18n.number(r.intervalDays),
      });
  }
}

/** What to do: the care programme's or lifecycle stage's suggestion, or the planned next action. */
export function suggestedText(item: FollowUpItem): string {
  const r = item.reason;
  switch (r.kind) {
    case 'service':
      return i18n.t('followUp.action.service', { action: r.nextAction || i18n.t(`itype.${r.type}`) });
    case 'next-action':
      return r.nextAction || i18n.t(`itype.${r.type}`);
    case 'lifecycle':
      return i18n.t(`value.action.${LIFECYCLE_ACTIONS[r.stage]}` as MessageKey);
    case 'care':
      return i18n.t(`followUp.action.care.${r.programme}`);
    default:
      return i18n.t(`followUp.action.${r.kind}`);
  }
}

export function channelText(item: FollowUpItem): string {
  return i18n.t('followUp.by', { channel: i18n.t(`channel.${item.done.channel}`) });
}
