/**
 * Fingerprints of the value engine's results, to show that a speed change leaves every figure as it
 * was: SHA-256 of JSON.stringify(metrics) and of the summary (with a fixed `computedAt`), on the
 * sample data (default seed) and on the reference data set L, each through
 * - `objects`: `computeAnalytics` fed the generated rows, as the tests and the Node bench do;
 * - `packed`: the deals turned into the packed copy's records (`packChunk`, bucket by bucket in id
 *   order, as the storage layer keeps them), in the form the analytics worker hands them on;
 * - `worker` (sample data only): the worker's whole path on fake-indexeddb, ratings included;
 * - `packed rated`: `computeRatedAnalytics` (metrics with grades, default rating settings) on the
 *   packed form, what the worker and the browser bench's warm recompute run.
 * Run it before and after a change; every line must print the same hashes.
 *
 *   npx rolldown tests/bench/analytics-hash.ts --file /tmp/analytics-hash.mjs --platform node \
 *     && node /tmp/analytics-hash.mjs [--no-l]
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { computeAnalytics, type AnalyticsInput } from '../../src/domain/analytics/compute';
import { computeRatedAnalytics } from '../../src/domain/analytics/rated';
import { generateSampleData } from '../../src/domain/sample-data';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { openKehuDb } from '../../src/storage/db';
import { readAnalyticsInputs } from '../../src/storage/metrics-store';
import { defaultRatingSettings } from '../../src/domain/rating/settings';
import { loadRatingSettings } from '../../src/storage/rating-settings';
import { loadSampleData } from '../../src/storage/sample-data-store';
import { packedCopy } from './packed-copy';

const TODAY = '2025-06-30';
const COMPUTED_AT = 1_750_000_000_000;

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

function report(label: string, input: AnalyticsInput) {
  const { metrics, summary } = computeAnalytics({ ...input, computedAt: COMPUTED_AT });
  console.log(`${label.padEnd(22)} metrics ${sha(metrics)} summary ${sha(summary)} (${metrics.length} rows)`);
}

function both(label: string, data: ReturnType<typeof generateSampleData>, settings = DEFAULT_SETTINGS) {
  const base = { customers: data.customers, interactions: data.interactions, settings, today: TODAY };
  report(`${label} objects`, { ...base, deals: data.deals });
  const packed = { ...base, deals: { batches: packedCopy(data.deals) }, computedAt: COMPUTED_AT };
  report(`${label} packed`, packed);
  const { metrics, summary } = computeRatedAnalytics(packed, defaultRatingSettings());
  console.log(
    `${`${label} packed rated`.padEnd(22)} metrics ${sha(metrics)} summary ${sha(summary)} (${metrics.length} rows)`,
  );
}

async function worker() {
  const db = openKehuDb(`analytics-hash-${Date.now()}`);
  await loadSampleData(db, generateSampleData({ today: TODAY }));
  const inputs = await readAnalyticsInputs(db);
  const { metrics, summary } = computeRatedAnalytics(
    { ...inputs, today: TODAY, computedAt: COMPUTED_AT },
    await loadRatingSettings(db),
  );
  console.log(
    `${'sample worker'.padEnd(22)} metrics ${sha(metrics)} summary ${sha(summary)} (${metrics.length} rows)`,
  );
  await db.delete();
}

both('sample', generateSampleData({ today: TODAY }));
both('sample handling', generateSampleData({ today: TODAY }), {
  ...DEFAULT_SETTINGS,
  handlingCostPerOrder: 5_000,
});
await worker();
if (!process.argv.includes('--no-l')) {
  const l = generateSampleData({
    today: TODAY,
    counts: { customers: 100_000, deals: 1_000_000, interactions: 200_000 },
  });
  both('L', l, { ...DEFAULT_SETTINGS, handlingCostPerOrder: 5_000 });
}
