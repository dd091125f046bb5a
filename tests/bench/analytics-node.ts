/**
 * Node measurement of the value engine on the reference data set L (DESIGN.md §6): 100 000 customers,
 * 1 000 000 deals, 200 000 interactions from the sample generator, held in memory, then
 * `computeAnalytics` timed (best and median of a few runs).
 *
 *   npx rolldown tests/bench/analytics-node.ts --file tests/bench/.cache/analytics-node.mjs --platform node \
 *     && node tests/bench/.cache/analytics-node.mjs [customers] [deals] [interactions]
 */
import { computeAnalytics } from '../../src/domain/analytics/compute';
import {
  planSampleData,
  sampleCustomers,
  sampleDeals,
  sampleInteractions,
} from '../../src/domain/sample-data';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';

const [customers = 100_000, deals = 1_000_000, interactions = 200_000] = process.argv.slice(2).map(Number);
const today = '2025-06-30';
let t = performance.now();
const plan = planSampleData({ today, counts: { customers, deals, interactions } });
const input = {
  customers: Array.from(sampleCustomers(plan)),
  deals: Array.from(sampleDeals(plan)),
  interactions: Array.from(sampleInteractions(plan)),
  settings: { ...DEFAULT_SETTINGS, handlingCostPerOrder: 5_000 },
  today,
};
console.log(
  `generated ${input.customers.length} customers, ${input.deals.length} deals, ` +
    `${input.interactions.length} interactions in ${Math.round(performance.now() - t)} ms`,
);
const times: number[] = [];
const cpu: number[] = [];
let tiers = '';
for (let run = 0; run < 5; run++) {
  t = performance.now();
  const usage = process.cpuUsage();
  const { summary } = computeAnalytics(input);
  times.push(performance.now() - t);
  // CPU time of the process (all threads, GC helpers included): less sensitive to a busy machine.
  const used = process.cpuUsage(usage);
  cpu.push((used.user + used.system) / 1_000);
  tiers = JSON.stringify(summary.tierCounts);
}
cpu.sort((a, b) => a - b);
times.sort((a, b) => a - b);
console.log(
  `computeAnalytics: best ${Math.round(times[0] ?? 0)} ms, median ${Math.round(times[2] ?? 0)} ms ` +
    `(runs: ${times.map((x) => Math.round(x)).join(', ')}); CPU time best ${Math.round(cpu[0] ?? 0)} ms, ` +
    `median ${Math.round(cpu[2] ?? 0)} ms; tiers ${tiers}`,
);
