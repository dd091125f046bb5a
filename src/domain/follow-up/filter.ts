/**
 * Filtering the follow-up list by owner, tier, customer and kind of reason, and counting the items of
 * each reason. Counts follow the other filters but not the reason filter, so the reason buttons always
 * say how many items each would show.
 */
import type { AbcTier } from '../types';
import { FOLLOW_UP_KINDS, type FollowUpItem, type FollowUpKind } from './types';
import { compareText } from '../text/order';

export interface FollowUpFilter {
  /** `''` = every owner. */
  owner: string;
  /** `''` = every tier; `'none'` = customers without a tier yet. */
  tier: AbcTier | 'none' | '';
  /** `''` = every reason. */
  kind: FollowUpKind | '';
  /** Part of the customer's name or code, any case; `''` = every customer. */
  query: string;
}

export const NO_FILTER: FollowUpFilter = { owner: '', tier: '', kind: '', query: '' };

export interface FollowUpView {
  /** The first `limit` matching items, in priority order. */
  items: FollowUpItem[];
  /** How many items match the whole filter. */
  matching: number;
  /** Items per reason under the owner and tier filters. */
  counts: Record<FollowUpKind, number>;
  /** Every owner named on an item, sorted (for the owner filter). */
  owners: string[];
  /** Items on the whole list. */
  total: number;
}

/**
 * The view of `items` (already sorted) under `filter`, keeping the first `limit` matches.
 * @example followUpView(items, { owner: '王芳', tier: 'A', kind: '', query: '' }, 50)
 */
export function followUpView(
  items: readonly FollowUpItem[],
  filter: FollowUpFilter,
  limit: number,
): FollowUpView {
  const counts = Object.fromEntries(FOLLOW_UP_KINDS.map((k) => [k, 0])) as Record<FollowUpKind, number>;
  const owners = new Set<string>();
  const shown: FollowUpItem[] = [];
  let matching = 0;
  const query = filter.query.trim().toLowerCase();
  for (const item of items) {
    if (item.owner) owners.add(item.owner);
    if (filter.owner && item.owner !== filter.owner) continue;
    if (query && !`${item.customerName}\n${item.customerCode}`.toLowerCase().includes(query)) continue;
    if (filter.tier && (item.tier ?? 'none') !== filter.tier) continue;
    counts[item.kind] += 1;
    if (filter.kind && item.kind !== filter.kind) continue;
    matching += 1;
    if (shown.length < limit) shown.push(item);
  }
  return { items: shown, matching, counts, owners: [...owners].sort(compareText), total: items.length };
}
