/** Loads Chart.js on first use (a separate chunk), once for the whole app. */
import type { Chart } from 'chart.js';

let loading: Promise<typeof Chart> | null = null;

export function loadChartJs(): Promise<typeof Chart> {
  loading ??= import('./chart-registry').then((m) => m.Chart);
  // A failed load (offline before the chunk was cached) may be retried on the next chart.
  loading.catch(() => (loading = null));
  return loading;
}
