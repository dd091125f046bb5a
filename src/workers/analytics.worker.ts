/**
 * The analytics worker: reads the value engine's inputs from IndexedDB (the same Dexie schema code as
 * the UI thread), resolves the analysis period from the settings and the deals' own dates, runs the pure `computeRatedAnalytics` and writes `customerMetrics` in one transaction,
 * posting progress on the way. Requests are handled one at a time, in order.
 */
import { dealBounds, dealsInWindow } from '../domain/analytics/deal-bounds';
import { computeRatedAnalytics } from '../domain/analytics/rated';
import { resolvePeriod } from '../domain/period';
import { getDb } from '../storage/db';
import { loadRatingSettings } from '../storage/rating-settings';
import { toAppStorageError } from '../storage/errors';
import { readAnalyticsInputs, writeCustomerMetrics } from '../storage/metrics-store';
import type { AnalyticsWorkerMessage, RecomputeRequest } from './analytics-protocol';

const post = (message: AnalyticsWorkerMessage) => self.postMessage(message);

async function recompute({ requestId, today }: RecomputeRequest): Promise<void> {
  try {
    const db = getDb();
    let t = performance.now();
    const inputs = await readAnalyticsInputs(db, {
      onProgress: (done, total) => post({ type: 'progress', requestId, phase: 'reading', done, total }),
    });
    const read = performance.now() - t;
    post({ type: 'progress', requestId, phase: 'computing', done: 0, total: 1 });
    t = performance.now();
    const bounds = dealBounds(inputs.deals);
    const period = resolvePeriod(inputs.settings.analysisPeriod, today, bounds).current;
    const { metrics, summary } = computeRatedAnalytics(
      { ...inputs, today, period, dealBounds: bounds, dealsInPeriod: dealsInWindow(inputs.deals, period) },
      await loadRatingSettings(db),
    );
    const compute = performance.now() - t;
    post({ type: 'progress', requestId, phase: 'writing', done: 0, total: metrics.length });
    t = performance.now();
    await writeCustomerMetrics(db, metrics, summary);
    post({
      type: 'done',
      requestId,
      computedAt: summary.computedAt,
      customers: metrics.length,
      potentialMethods: summary.potentialMethods,
      timings: { reading: read, computing: compute, writing: performance.now() - t },
    });
  } catch (error) {
    const e = toAppStorageError(error);
    post({ type: 'error', requestId, kind: e.kind, message: e.message });
  }
}

let queue: Promise<void> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<RecomputeRequest>) => {
  if (event.data?.type !== 'recompute') return;
  queue = queue.then(() => recompute(event.data));
});
