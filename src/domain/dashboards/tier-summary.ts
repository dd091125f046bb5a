/**
 * Counts and value per ABC tier (A, B, C, N = no purchase in the period, Z = below zero), over the
 * selected customers that have metrics. value = Σ contemporary value of the tier's customers; share =
 * the tier's customers ÷ all selected customers with a tier.
 *
 * Example: tiers A (¥500), A (¥300), B (¥80), Z (−¥20) → A: 2 customers, ¥800, 50 %; B: 1, ¥80, 25 %;
 * C: 0; N: 0; Z: 1, −¥20, 25 %.
 */
import { ABC_TIERS } from '../analytics/tiers';
import type { AbcTier } from '../types';
import type { DashCustomer, Members } from './inputs';

/** The tiers listed (the value engine's list, tiers.ts), so cards, filters and bands agree. */
export const TIERS = ABC_TIERS;

export interface TierRow extends Members {
  tier: AbcTier;
  customers: number;
  value: number;
  share: number;
}

export function tierSummary(customers: readonly DashCustomer[], mask: Uint8Array): TierRow[] {
  const rows = TIERS.map((tier): TierRow => ({
    tier,
    drill: `tier:${tier}`,
    members: [],
    customers: 0,
    value: 0,
    share: 0,
  }));
  const at: Record<string, TierRow> = Object.fromEntries(rows.map((r) => [r.tier, r]));
  let all = 0;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i]!;
    if (!mask[i] || c.tier === '') continue;
    const row = at[c.tier]!;
    row.members.push(i);
    row.customers += 1;
    row.value += c.contemporaryValue;
    all += 1;
  }
  for (const r of rows) r.share = all > 0 ? r.customers / all : 0;
  return rows;
}
