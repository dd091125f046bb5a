/**
 * The Value, Loyalty and Sales & money dashboards as rune state. The rows live in the dashboards
 * worker; this class keeps the shared filters (they stay when the owner switches dashboards), the
 * chart data of the dashboard on screen and the open drill-down list.
 *
 * When to re-read: the worker reads the inputs the first time a dashboard is shown and again after
 * each finished recompute of the metrics (`analyticsState.version`) — any change to the base tables
 * triggers a recompute, so the dashboards follow the data and the metrics together.
 * Requests run one after another; an answer that a newer request made stale is dropped.
 *
 * An empty from / to filter means the analysis period's (analysis-period.svelte.ts), so the dashboards
 * show the same period as every other figure unless the owner narrows it; receivables age to its end.
 */
import * as Comlink from 'comlink';
import type { DashboardSection, DrillList } from '../domain/dashboards/dashboards';
import { NO_FILTERS, type DashboardFilters } from '../domain/dashboards/filters';
import type { DashboardsApi, DashboardView, LoadedInfo } from '../workers/dashboards-api';
import { analysisPeriod } from './analysis-period.svelte';
import { reportStorageError } from './storage-errors.svelte';

export const DRILL_LIMIT = 200;

export interface OpenDrill {
  key: string;
  /** What was clicked, in the UI language (e.g. "R 5 · F 4"). */
  title: string;
  list: DrillList;
}

class DashboardsState {
  #filters = $state<DashboardFilters>({ ...NO_FILTERS });
  #section = $state<DashboardSection>('value');
  #info = $state.raw<LoadedInfo | null>(null);
  #view = $state.raw<DashboardView | null>(null);
  #busy = $state(false);
  #error = $state<string | null>(null);
  #drill = $state.raw<OpenDrill | null>(null);
  /** Milliseconds from a request to its answer in the page, for the bench. */
  #lastRoundTripMs = $state(0);
  /** The metrics version the data in the worker was read for. */
  #loadedVersion = $state(-1);

  #worker: Worker | null = null;
  #api: Comlink.Remote<DashboardsApi> | null = null;
  #request = 0;
  #queue: Promise<void> = Promise.resolve();

  get filters(): DashboardFilters {
    return this.#filters;
  }
  get section(): DashboardSection {
    return this.#section;
  }
  get info(): LoadedInfo | null {
    return this.#info;
  }
  /** The dashboard on screen, or null while its first computation runs. */
  get view(): DashboardView | null {
    return this.#view?.dashboard.section === this.#section ? this.#view : null;
  }
  get busy(): boolean {
    return this.#busy;
  }
  get error(): string | null {
    return this.#error;
  }
  get drill(): OpenDrill | null {
    return this.#drill;
  }
  get loadedVersion(): number {
    return this.#loadedVersion;
  }
  get lastRoundTripMs(): number {
    return this.#lastRoundTripMs;
  }

  /** Shows a dashboard; re-reads the data first when the metrics were recomputed since the last read. */
  show(section: DashboardSection, metricsVersion: number): void {
    const reload = metricsVersion !== this.#loadedVersion;
    if (section === this.#section && !reload && this.view) return;
    this.#section = section;
    this.#drill = null;
    this.#loadedVersion = metricsVersion;
    this.#run(reload);
  }

  setFilter<K extends keyof DashboardFilters>(key: K, value: DashboardFilters[K]): void {
    this.#filters = { ...this.#filters, [key]: value };
    this.#drill = null;
    this.#run(false);
  }

  clearFilters(): void {
    this.#filters = { ...NO_FILTERS };
    this.#drill = null;
    this.#run(false);
  }

  /** Lists the customers behind a bar, cell or band. */
  openDrill(key: string, title: string): void {
    const request = this.#request;
    void this.#enqueue(async (api) => {
      const list = await api.drill(key, DRILL_LIMIT);
      if (request === this.#request) this.#drill = { key, title, list };
    });
  }

  closeDrill(): void {
    this.#drill = null;
  }

  #run(reload: boolean): void {
    const request = ++this.#request;
    const section = this.#section;
    const period = analysisPeriod.resolved.current;
    const chosen = $state.snapshot(this.#filters);
    const filters = { ...chosen, from: chosen.from || period.start, to: chosen.to || period.end };
    this.#busy = true;
    void this.#enqueue(async (api) => {
      if (reload || this.#info === null) {
        const loaded = await api.load(period.end);
        if (!loaded.ok) {
          this.#error = loaded.error.message;
          reportStorageError(Object.assign(new Error(loaded.error.message), { kind: loaded.error.kind }));
          return;
        }
        this.#info = loaded.value;
      }
      if (request !== this.#request) return;
      const started = performance.now();
      const view = await api.compute(section, filters);
      if (request !== this.#request) return;
      this.#view = view;
      this.#error = null;
      this.#lastRoundTripMs = performance.now() - started;
    }).finally(() => {
      if (request === this.#request) this.#busy = false;
    });
  }

  #enqueue(work: (api: Comlink.Remote<DashboardsApi>) => Promise<void>): Promise<void> {
    const api = this.#connect();
    this.#queue = this.#queue.then(
      () => work(api),
      () => work(api),
    );
    return this.#queue.catch((error: unknown) => {
      this.#error = error instanceof Error ? error.message : String(error);
    });
  }

  #connect(): Comlink.Remote<DashboardsApi> {
    if (!this.#api) {
      this.#worker = new Worker(new URL('../workers/dashboards.worker.ts', import.meta.url), {
        type: 'module',
      });
      this.#api = Comlink.wrap<DashboardsApi>(this.#worker);
    }
    return this.#api;
  }
}

export const dashboardsState = new DashboardsState();
