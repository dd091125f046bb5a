/**
 * The at-risk list of the Loyalty dashboard: the selected customers that `atRiskReason`
 * (src/domain/analytics/at-risk.ts — the one rule) marks, with the reason, highest contemporary
 * value first (the most to lose on top).
 *
 * Example: (A, declining, ¥900), (B, mature, P(alive) 0.3, ¥400), (C, lost) → [¥900 'lifecycle',
 * ¥400 'p-alive'].
 */
import { atRiskReason, type AtRiskReason } from '../analytics/at-risk';
import type { DashCustomer, Members } from './inputs';

export interface AtRiskList extends Members {
  /** The reason of each member, in the same order. */
  reasons: AtRiskReason[];
  value: number;
}

export function atRiskList(customers: readonly DashCustomer[], mask: Uint8Array): AtRiskList {
  const found: { i: number; reason: AtRiskReason }[] = [];
  let value = 0;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i]!;
    if (!mask[i] || c.tier === '' || c.lifecycle === '') continue;
    const reason = atRiskReason({ tier: c.tier, lifecycle: c.lifecycle, pAlive: c.pAlive });
    if (reason === null) continue;
    found.push({ i, reason });
    value += c.contemporaryValue;
  }
  found.sort((a, b) => customers[b.i]!.contemporaryValue - customers[a.i]!.contemporaryValue);
  return { drill: 'at-risk', members: found.map((f) => f.i), reasons: found.map((f) => f.reason), value };
}
