/** How the merge screen names a customer field and shows its value, in the UI language. */
import type { MergeField } from '../../domain/duplicates/merge-picks';
import type { Currency } from '../../domain/settings';
import type { MessageKey } from '../../i18n/dictionaries';
import { i18n } from '../../i18n/i18n.svelte';

export function fieldLabel(field: MergeField): string {
  return i18n.t(`field.${field}` as MessageKey);
}

export function valueText(field: MergeField, value: unknown, currency: Currency): string {
  if (value === null || value === undefined || value === '') return '';
  if (field === 'walletEstimate' && typeof value === 'number') return i18n.money(value, currency);
  if (field === 'relationshipType' && typeof value === 'string') return i18n.t(`rel.${value}` as MessageKey);
  if (field === 'loyaltyTypes' && Array.isArray(value))
    return value.map((v) => i18n.t(`loyalty.${String(v)}` as MessageKey)).join('、');
  if (typeof value === 'boolean') return value ? i18n.t('common.yes') : '';
  return String(value);
}
