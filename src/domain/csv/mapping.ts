/**
 * Header → field mapping. Headers are compared after normalising (NFKC, so full-width letters match;
 * lower case; spaces, `_ - . : * # （ ）( )` dropped), against each target's headers in the three
 * languages, its field key and its aliases; failing that, without a remark in brackets. Each target is taken by at most one column (the first);
 * a column that matches nothing stays unmapped ('') and is ignored on import.
 *
 * A mapping is saved as a preset for the next import of the same layout: the layout key is the list
 * of normalised headers, so a file with the same columns in the same order finds its preset again.
 */
import type { BaseTableName } from '../types';
import { TARGET_FIELDS } from './fields';

/** One entry per CSV column: the target key, or '' for "do not import". */
export type ColumnMapping = string[];

/** The comparable form of a header. Example: `' 客户名称（必填）'` → `'客户名称必填'`; `'E-Mail'` → `'email'`. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:*#()（）【】[\]]/g, '');
}

function lookup(table: BaseTableName): Map<string, string> {
  const map = new Map<string, string>();
  // Own keys and headers first, then aliases, so an alias never shadows another field's own name.
  for (const field of TARGET_FIELDS[table]) {
    for (const name of [field.key, ...field.headers]) {
      const k = normaliseHeader(name);
      if (!map.has(k)) map.set(k, field.key);
    }
  }
  for (const field of TARGET_FIELDS[table]) {
    for (const name of field.aliases) {
      const k = normaliseHeader(name);
      if (!map.has(k)) map.set(k, field.key);
    }
  }
  return map;
}

/**
 * The automatic mapping of `headers` for `table`.
 * Example: `autoMap('deals', ['订单号', '客户名称', '金额', '下单日期', '???'])` →
 * `['code', 'customerName', 'amount', 'closeDate', '']`.
 */
export function autoMap(table: BaseTableName, headers: readonly string[]): ColumnMapping {
  const names = lookup(table);
  const taken = new Set<string>();
  return headers.map((header) => {
    // A remark in brackets (`客户名称（必填）`, `Amount (CNY)`) is ignored when the full header is unknown.
    const bare = header.normalize('NFKC').replace(/\([^)]*\)|【[^】]*】|\[[^\]]*\]/g, '');
    const key = names.get(normaliseHeader(header)) ?? names.get(normaliseHeader(bare)) ?? '';
    if (key === '' || taken.has(key)) return '';
    taken.add(key);
    return key;
  });
}

/** The key under which a mapping preset is saved: table and normalised headers. */
export function layoutKey(table: BaseTableName, headers: readonly string[]): string {
  return `${table}|${headers.map(normaliseHeader).join('\u241f')}`;
}

/** Keys mapped by more than one column (the user must fix these before importing). */
export function duplicateTargets(mapping: ColumnMapping): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const key of mapping) {
    if (key === '') continue;
    if (seen.has(key)) dup.add(key);
    seen.add(key);
  }
  return [...dup];
}
