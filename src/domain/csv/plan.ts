/**
 * Match-on-key planning: each converted row becomes a create, an update (with its changed fields,
 * old → new), unchanged, or rejected.
 *
 * - The match key is chosen by the user: code, tax ID, e-mail or name. Keys are compared normalised
 *   (NFKC, trimmed, inner spaces collapsed, lower case), so `ＡＢＣ 有限公司 ` matches `abc 有限公司`;
 *   a customer's name as the duplicate finder's normalised name (`matchNormaliser`).
 * - A row whose key is empty is always created (there is nothing to match on).
 * - The same key twice in one file: the second row is rejected ('duplicate-key'), never applied twice.
 * - An update writes only the mapped columns; unmapped fields keep their stored values.
 * - Deals and interactions link to their customer by code, else by exact normalised name; an unknown
 *   customer is rejected, or created (code and name from the row) when the user asked for it.
 */
import { nameKey, taxIdKey } from '../duplicates/normalise';
import type { BaseTableName } from '../types';

export const MATCH_KEYS = ['code', 'taxId', 'email', 'name'] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];

/** The match keys that make sense for a table (the fields it has). */
export function matchKeysOf(table: BaseTableName): MatchKey[] {
  if (table === 'customers') return ['code', 'taxId', 'email', 'name'];
  if (table === 'productLines') return ['code', 'name'];
  if (table === 'deals') return ['code'];
  return [];
}

/**
 * How a match key is compared: a customer's name as the duplicate finder's normalised name (legal form
 * and city set aside: 深圳华成电子有限公司 matches 华成电子（深圳）), a tax ID without spaces or dashes,
 * everything else with `normaliseKey`.
 */
export function matchNormaliser(table: BaseTableName, key: MatchKey): (value: string) => string {
  if (table === 'customers' && key === 'name') return nameKey;
  if (key === 'taxId') return (value) => taxIdKey(value) || normaliseKey(value);
  return normaliseKey;
}

/** The comparable form of a key or a name. Example: `' ＡＢＣ  有限公司'` → `'abc 有限公司'`. */
export function normaliseKey(value: string): string {
  if (isPrintableAscii(value)) return value.toLowerCase();
  return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * True when every character is printable ASCII without space (`!` … `~`): NFKC, trim and the space
 * squeeze leave such a value as it is, so normaliseKey only lower-cases it (codes like `SO-2024-001`,
 * a million of them in a big import).
 */
function isPrintableAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

export interface FieldChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/** Structural equality of stored values (strings, numbers, booleans, null, lists, plain objects). */
export function sameStoredValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameStoredValue(item, b[i]))
    );
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!sameStoredValue(ra[key], rb[key])) return false;
  return true;
}

/** The fields of `incoming` whose value differs from `stored`, old → new, in the order given. */
export function diffFields(
  stored: Readonly<Record<string, unknown>>,
  incoming: Readonly<Record<string, unknown>>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, newValue] of Object.entries(incoming)) {
    if (newValue === undefined) continue;
    if (!sameStoredValue(stored[field], newValue)) changes.push({ field, oldValue: stored[field], newValue });
  }
  return changes;
}

/** Key → id lookups of stored rows (customers for links, the target table for matching). */
export interface KeyIndex {
  byKey: Map<string, string>;
}

export function emptyKeyIndex(): KeyIndex {
  return { byKey: new Map() };
}

/** Adds a stored row's key to an index; the first row with a key wins (like the sheet's search). */
export function indexKey(
  index: KeyIndex,
  key: unknown,
  id: string,
  norm: (value: string) => string = normaliseKey,
): void {
  if (typeof key !== 'string') return;
  const k = norm(key);
  if (k !== '' && !index.byKey.has(k)) index.byKey.set(k, id);
}

export interface CustomerLinkIndex {
  byCode: KeyIndex;
  byName: KeyIndex;
}

/** The customer a linked row names: by code first, else by name; null when neither is known. */
export function resolveCustomer(
  index: CustomerLinkIndex,
  links: { customerCode?: string; customerName?: string },
): string | null {
  if (links.customerCode !== undefined) {
    const id = index.byCode.byKey.get(normaliseKey(links.customerCode));
    if (id !== undefined) return id;
  }
  if (links.customerName !== undefined) {
    const id = index.byName.byKey.get(normaliseKey(links.customerName));
    if (id !== undefined) return id;
  }
  return null;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Customers created for deals or interactions that named an unknown customer. */
  customersCreated: number;
}

export function emptyCounts(): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0, rejected: 0, customersCreated: 0 };
}
