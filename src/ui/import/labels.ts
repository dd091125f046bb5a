/** Labels of import targets and reasons in the UI language (field headers come from the CSV catalogue). */
import type { ProblemReason } from '../../domain/csv/convert';
import type { ImportCounts } from '../../domain/csv/plan';
import { headerLabel, targetField } from '../../domain/csv/fields';
import { formatMinorUnits } from '../../domain/money';
import type { BaseTableName } from '../../domain/types';
import { i18n } from '../../i18n/i18n.svelte';

export function targetLabel(table: BaseTableName, key: string): string {
  if (key === 'customerCode') return i18n.t('imp.link.customerCode');
  if (key === 'customerName') return i18n.t('imp.link.customerName');
  if (key === 'productLine') return i18n.t('imp.link.productLine');
  const field = targetField(table, key);
  return field ? headerLabel(field, i18n.language) : key;
}

/** The reason in words, followed by the row it names when there is one ("…: C0001 · 华成电子"). */
export function reasonLabel(reason: ProblemReason, other?: string): string {
  const text = i18n.t(`imp.reason.${reason}`);
  return other ? `${text}: ${other}` : text;
}

/** A stored value as the preview shows it: money with two decimals, lists joined, booleans ✓. */
export function storedText(value: unknown, kind: string | undefined): string {
  if (value === null || value === undefined) return '';
  if ((kind === 'money' || kind === 'moneyOrNull') && typeof value === 'number') {
    return formatMinorUnits(value);
  }
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Import counts with numbers formatted for the UI language (`1,203` / `1,203`). */
export function formattedCounts(counts: ImportCounts): Record<keyof ImportCounts, string> {
  return {
    created: i18n.number(counts.created),
    updated: i18n.number(counts.updated),
    unchanged: i18n.number(counts.unchanged),
    rejected: i18n.number(counts.rejected),
    customersCreated: i18n.number(counts.customersCreated),
  };
}
