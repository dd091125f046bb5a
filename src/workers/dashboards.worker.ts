/**
 * The dashboards worker: reads the dashboards' inputs once (src/storage/dashboard-inputs.ts), keeps
 * them in memory, and aggregates the chosen dashboard for each filter change — so the page never
 * holds the rows, and a filter change costs the page only the small chart data.
 */
import * as Comlink from 'comlink';
import { computeDashboard, drillRows, type DrillList } from '../domain/dashboards/dashboards';
import { filterOptions } from '../domain/dashboards/filters';
import type { DashboardInputs, Members } from '../domain/dashboards/inputs';
import { getDb } from '../storage/db';
import { readDashboardInputs } from '../storage/dashboard-inputs';
import { toAppStorageError } from '../storage/errors';
import type { DashboardsApi } from './dashboards-api';

const LIST_ROWS = 50;

let inputs: DashboardInputs | null = null;
let kept = new Map<string, { members: number[]; reasons?: readonly string[]; keepOrder: boolean }>();

function isMembers(value: object): value is Members {
  return 'drill' in value && 'members' in value && Array.isArray((value as Members).members);
}

/** Moves every bucket's members into `kept`, leaving their number; returns the stripped value. */
function keepMembers(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const v of value) keepMembers(v);
    return;
  }
  if (isMembers(value)) {
    const reasons = (value as { reasons?: string[] }).reasons;
    kept.set(value.drill, {
      members: value.members,
      reasons,
      keepOrder: reasons !== undefined || value.drill.startsWith('class:'),
    });
    value.size = value.members.length;
    value.members = [];
    if (reasons) (value as { reasons?: string[] }).reasons = [];
  }
  for (const v of Object.values(value)) keepMembers(v);
}

function drill(key: string, limit: number): DrillList {
  const bucket = kept.get(key);
  if (!inputs || !bucket) return { total: 0, rows: [] };
  return drillRows(inputs.customers, bucket.members, limit, {
    keepOrder: bucket.keepOrder,
    reasons: bucket.reasons,
  });
}

const api: DashboardsApi = {
  async load(today) {
    try {
      const t = performance.now();
      inputs = await readDashboardInputs(getDb(), today);
      return {
        ok: true,
        value: {
          ...filterOptions(inputs.customers),
          customers: inputs.customers.length,
          deals: inputs.deals.count,
          readMs: performance.now() - t,
        },
      };
    } catch (error) {
      const e = toAppStorageError(error);
      return { ok: false, error: { kind: e.kind, message: e.message } };
    }
  },
  compute(section, filters) {
    const t = performance.now();
    kept = new Map();
    if (!inputs) throw new Error('The dashboards worker has no data yet: call load() first.');
    const dashboard = computeDashboard(section, inputs, filters);
    keepMembers(dashboard);
    const lists: Record<string, ReturnType<typeof drill>> = {};
    for (const key of ['class:MVC', 'class:MGC', 'class:BZ', 'at-risk']) {
      if (kept.has(key)) lists[key] = drill(key, LIST_ROWS);
    }
    return Promise.resolve({ dashboard, lists, computeMs: performance.now() - t });
  },
  drill,
};

Comlink.expose(api);
