/**
 * Node measurement of the value engine on the reference data set L (DESIGN.md §6): 100 000 customers,
 * 1 000 000 deals, 200 000 interactions from the sample generator, held in memory, then
 * `computeRatedAnalytics` (metrics + ratings with the default rating settings, what the browser bench's
 * warm recompute times) timed (best and median of a few runs).
 *
 * `--form packed` (the default) feeds the deals as the analytics worker has them: the packed copy's
 * records (`packChunk`, as the storage layer keeps them) in the form `readAnalyticsInputs` hands them
 * on, with the generated rows dropped first, so the timed run is the browser bench's "warm recompute".
 * `--form objects` feeds the generated rows themselves, as the unit tests do.
 *
 *   npx rolldown tests/bench/analytics-node.ts --file tests/bench/.cache/analytics-node.mjs --platform node \
 *     && node tests/bench/.cache/analytics-node.mjs [--form packed|objects] [customers] [deals] [interactions]
 */
import type { AnalyticsInput } from '../../src/domain/analytics/compute';
import { computeRatedAnalytics } from '../../src/domain/analytics/rated';
import { defaultRatingSettings } from '../../src/domain/rating/settings';
import {
  planSampleData,
  sampleCustomers,
  sampleDeals,
  sampleInteractions,
} from '../../src/domain/sample-data';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { packedCopy } from './packed-copy';

const args = process.argv.slice(2);
const formAt = args.indexOf('--form');
const form = formAt >= 0 ? args.splice(formAt, 2)[1] : 'packed';
if (form !== 'packed' && form !== 'objects') throw new Error(`--form packed|objects, not ${form}`);
const [customers = 100_000, deals = 1_000_000, interactions = 200_000] = args.map(Number);
const today = '2025-06-30';

let t = performance.now();
const plan = planSampleData({ today, counts: { customers, deals, interactions } });
const generated = Array.from(sampleDeals(plan));
// The packed form is structured-cloned, as IndexedDB hands it to the worker: flat strings, one copy
// per row, where the generator's ids are concatenations shared between rows.
const read = <T>(value: T): T => (form === 'packed' ? structuredClone(value) : value);
const input: AnalyticsInput = {
  customers: read(Array.from(sampleCustomers(plan))),
  deals: form === 'objects' ? generated : { batches: read(packedCopy(generated)) },
  interactions: read(Array.from(sampleInteractions(plan))),
  settings: { ...DEFAULT_SETTINGS, handlingCostPerOrder: 5_000 },
  today,
};
if (form === 'packed') generated.length = 0;
console.log(
  `generated ${input.customers.length} customers, ${generated.length || deals} deals, ` +
    `${input.interactions.length} interactions in ${Math.round(performance.now() - t)} ms; deals as ${form}`,
);
const ratings = defaultRatingSettings();
const times: number[] = [];
const cpu: number[] = [];
let tiers = '';
for (let run = 0; run < 5; run++) {
  t = performance.now();
  const usage = process.cpuUsage();
  const { summary } = computeRatedAnalytics(input, ratings);
  times.push(performance.now() - t);
  // CPU time of the process (all threads, GC helpers included): less sensitive to a busy machine.
  const used = process.cpuUsage(usage);
  cpu.push((used.user + used.system) / 1_000);
  tiers = JSON.stringify(summary.tierCounts);
}
cpu.sort((a, b) => a - b);
times.sort((a, b) => a - b);
console.log(
  `computeRatedAnalytics: best ${Math.round(times[0] ?? 0)} ms, median ${Math.round(times[2] ?? 0)} ms ` +
    `(runs: ${times.map((x) => Math.round(x)).join(', ')}); CPU time best ${Math.round(cpu[0] ?? 0)} ms, ` +
    `median ${Math.round(cpu[2] ?? 0)} ms; tiers ${tiers}`,
);
