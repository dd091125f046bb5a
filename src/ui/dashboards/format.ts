/** Display helpers of the dashboards: money in the owner's currency, shares as percentages. */
import { i18n } from '../../i18n/i18n.svelte';
import { settingsState } from '../../state/settings.svelte';
import { dashboardsState } from '../../state/dashboards.svelte';

export function money(minor: number): string {
  return i18n.money(minor, settingsState.settings.currency);
}

/** 0.4123 → "41.2 %" in the UI language. */
export function percent(share: number): string {
  return i18n.numberFormat({ style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Opens the list of the customers behind a bucket. */
export function drill(key: string, title: string): void {
  dashboardsState.openDrill(key, title);
}
