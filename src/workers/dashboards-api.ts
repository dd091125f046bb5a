/**
 * The contract between the dashboards state and the dashboards worker (through Comlink). Plain data
 * only. The worker keeps the customers behind every bucket of the last computed dashboard and sends
 * only their number (`size`); the page asks for a bucket's customers when someone clicks it.
 */
import type { Dashboard, DashboardSection, DrillList } from '../domain/dashboards/dashboards';
import type { DashboardFilters, FilterOptions } from '../domain/dashboards/filters';
import type { IsoDate } from '../domain/types';
import type { StorageErrorKind } from '../storage/errors';

export interface LoadedInfo extends FilterOptions {
  customers: number;
  deals: number;
  /** Milliseconds spent reading and packing. */
  readMs: number;
}

export interface DashboardView {
  dashboard: Dashboard;
  /** The first rows of the lists the dashboard shows in full (value classes, at-risk), by drill key. */
  lists: Record<string, DrillList>;
  /** Milliseconds spent aggregating in the worker. */
  computeMs: number;
}

export type Outcome<T> =
  { ok: true; value: T } | { ok: false; error: { kind: StorageErrorKind; message: string } };

export interface DashboardsApi {
  /** (Re-)reads the inputs from the database and keeps them in memory. */
  load(today: IsoDate): Promise<Outcome<LoadedInfo>>;
  compute(section: DashboardSection, filters: DashboardFilters): Promise<DashboardView>;
  /** The customers behind a bucket of the last computed dashboard (at most `limit` rows). */
  drill(key: string, limit: number): DrillList;
}
