/** Loads Chart.js on first use (a separate chunk), once for the whole app. */
import type { Chart } from 'chart.js';

let loading: Promise<typeof Chart> | null = null;
let loaded: typeof Chart | null = null;

/** Chart.js if it has already loaded, so a chart can be drawn in the same task as its component. */
export function loadedChartJs(): typeof Chart | null {
  return loaded;
}

export function loadChartJs(): Promise<typeof Chart> {
  loading ??= import('./chart-registry').then((m) => (loaded = m.Chart));
  // A failed load (offline before the chunk was cached) may be retried on the next chart.
  loading.catch(() => (loading = null));
  return loading;
}
