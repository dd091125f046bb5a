/**
 * At-risk customers: valuable customers who are slipping away.
 *
 * A customer is at risk when it was valuable over the analysis window — tier A or B, which ranks
 * the window's contemporary value — and it is falling: its lifecycle stage is declining or lost (value
 * trend down, a long silence, or P(alive) under the declining threshold), or P(alive) alone is under
 * `DECLINING_P_ALIVE` (0.5). Customers with no metrics yet are never at risk.
 *
 * Example: tier A, lifecycle mature, P(alive) 0.42 → at risk, reason `'p-alive'`;
 * tier B, lifecycle declining → at risk, reason `'lifecycle'`; tier C, lost → not at risk.
 */
import type { CustomerMetrics } from '../types';
import { DECLINING_P_ALIVE } from './lifecycle';

export type AtRiskReason = 'lifecycle' | 'p-alive';

export type AtRiskInput = Pick<CustomerMetrics, 'tier' | 'lifecycle' | 'pAlive'>;

/** Why a customer is at risk, or `null` when it is not. The lifecycle reason wins when both hold. */
export function atRiskReason(m: AtRiskInput): AtRiskReason | null {
  if (m.tier !== 'A' && m.tier !== 'B') return null;
  if (m.lifecycle === 'declining' || m.lifecycle === 'lost') return 'lifecycle';
  if (m.pAlive !== null && m.pAlive < DECLINING_P_ALIVE) return 'p-alive';
  return null;
}
