/**
 * MVC / MGC / BZ value classes (DESIGN.md §2).
 *
 * - MVC (most valuable): the customers of tier A.
 * - BZ (below zero): a negative contemporary value (tier Z).
 * - MGC (most growable): a tier B, C or N customer (N: no purchase in the period yet) whose growth room could make it an A customer and at
 *   least double what it brings today:  growth room ≥ max(lowest A value − value, value), growth room > 0.
 *   growth room (cents per year) = the larger of
 *     - yearly potential − value, with yearly potential = potential value ÷ horizon years
 *       (when the potential-value model has run), and
 *     - wallet headroom × company margin, with company margin = Σ value ÷ Σ revenue, clamped to 0…1
 *       (what the untapped part of the wallet would bring at our usual margin).
 *   A customer with neither figure cannot be MGC.
 */
import type { AbcTier, ValueClass } from '../types';

export interface GrowthInput {
  tier: AbcTier;
  contemporaryValue: number;
  potentialValue: number | null;
  headroom: number | null;
}

export interface GrowthContext {
  horizonYears: number;
  companyMargin: number;
  /** The lowest value of an A customer (null when nobody is A). */
  minValueA: number | null;
}

/** Company margin = Σ value ÷ Σ revenue, clamped to 0…1 (0 when there is no revenue). */
export function companyMargin(totalValue: number, totalRevenue: number): number {
  if (!(totalRevenue > 0)) return 0;
  return Math.min(1, Math.max(0, totalValue / totalRevenue));
}

/**
 * Growth room in cents per year, or null when neither potential value nor headroom is known.
 *
 * @example
 * // value ¥1 000, potential ¥25 000 over 5 years, headroom ¥40 000, margin 20 %:
 * // max(5 000 − 1 000, 40 000 × 0.2) = ¥8 000 → 800 000 cents
 */
export function growthRoom(input: GrowthInput, ctx: GrowthContext): number | null {
  let room: number | null = null;
  if (input.potentialValue !== null) {
    room = input.potentialValue / ctx.horizonYears - input.contemporaryValue;
  }
  if (input.headroom !== null) {
    const fromWallet = input.headroom * ctx.companyMargin;
    room = room === null ? fromWallet : Math.max(room, fromWallet);
  }
  return room === null ? null : Math.round(room);
}

/**
 * The value class of a customer (see the module comment).
 *
 * @example
 * // lowest A value ¥10 000; a C customer worth ¥2 000 with ¥9 000 of growth room:
 * // 9 000 ≥ max(10 000 − 2 000, 2 000) → 'MGC'
 */
export function valueClass(input: GrowthInput, ctx: GrowthContext): ValueClass {
  if (input.tier === 'A') return 'MVC';
  if (input.tier === 'Z') return 'BZ';
  if (ctx.minValueA === null) return '';
  const room = growthRoom(input, ctx);
  if (room === null || room <= 0) return '';
  const v = input.contemporaryValue;
  return room >= Math.max(ctx.minValueA - v, v) ? 'MGC' : '';
}
