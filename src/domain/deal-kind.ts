/**
 * What a deal row is, from its amount (DESIGN.md §2): a return / credit note when the amount is below
 * zero, otherwise an ordinary deal (a sale, or an opportunity not yet won). The Deals sheet and
 * Customer 360 mark returns with it; the value engine reads the sign itself (deal-pass.ts).
 */
import type { Deal } from './types';

export type DealKind = 'sale' | 'return';

/**
 * @example dealKind({ amount: -20_000 }) // 'return' · dealKind({ amount: 0 }) // 'sale'
 */
export function dealKind(deal: Pick<Deal, 'amount'>): DealKind {
  return deal.amount < 0 ? 'return' : 'sale';
}
