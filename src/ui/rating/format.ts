/** Display helpers shared by the rating components. */
import type { CriterionSetting } from '../../domain/rating/settings';
import { i18n } from '../../i18n/i18n.svelte';

/** The owner's name for a criterion, or the built-in one. */
export function criterionName(setting: Pick<CriterionSetting, 'key' | 'name'>): string {
  return setting.name.trim() || i18n.t(`rating.criterion.${setting.key}`);
}

/** A Saaty judgement as written: 3, 1, 1/5. */
export function saatyLabel(value: number): string {
  if (value >= 1 - 1e-9) return String(Math.round(value));
  return `1/${Math.round(1 / value)}`;
}

/** 0.4123 → "41.2 %" in the UI language. */
export function percent(share: number, digits = 1): string {
  return new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}

export function fixed(value: number, digits: number): string {
  return new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}
