/**
 * Keeps the derived customer metrics up to date: watches a cheap fingerprint of the inputs (the tables'
 * write versions and settings, `analyticsInputStamp`: no deal is read or counted on the UI thread) and,
 * after a quiet spell, asks the analytics worker to recompute. The UI thread only posts a message and reads progress.
 *
 * When to recompute:
 * - at start, when there is no summary yet, when it was computed for another day (recency and the
 *   window move with the date), or when the fingerprint differs from the one of the last recompute
 *   (remembered in localStorage, as is a change seen but not yet recomputed when the tab closed);
 * - after any later change of the fingerprint, debounced (a paste or an import is one recompute);
 * - a change during a recompute queues exactly one more.
 */
import { liveQuery } from 'dexie';
import type { AnalyticsSummary } from '../domain/analytics/summary';
import { getDb } from '../storage/db';
import { analyticsInputStamp, readAnalyticsSummary } from '../storage/metrics-store';
import {
  isAnalyticsWorkerMessage,
  type AnalyticsPhase,
  type AnalyticsWorkerMessage,
} from '../workers/analytics-protocol';
import { reportStorageError } from './storage-errors.svelte';

export const RECOMPUTE_DEBOUNCE_MS = 1_500;
const STAMP_KEY = 'kehu.analytics.stamp';
const DIRTY_KEY = 'kehu.analytics.dirty';

export type AnalyticsStatus = 'idle' | 'waiting' | 'running' | 'error';

function todayIso(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

function stored(key: string): string | null {
  return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
}

function store(key: string, value: string | null): void {
  if (typeof localStorage === 'undefined') return;
  if (value === null) localStorage.removeItem(key);
  else localStorage.setItem(key, value);
}

class AnalyticsState {
  #status = $state<AnalyticsStatus>('idle');
  #phase = $state<AnalyticsPhase | null>(null);
  #progress = $state(0);
  #summary = $state<AnalyticsSummary | null>(null);
  #error = $state<string | null>(null);
  /** Bumped after each finished recompute, so views of the metrics re-read them. */
  #version = $state(0);

  #worker: Worker | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stamp: string | null = null;
  #requestId = 0;
  #runningStamp: string | null = null;
  #again = false;

  get status(): AnalyticsStatus {
    return this.#status;
  }
  get phase(): AnalyticsPhase | null {
    return this.#phase;
  }
  /** 0…1 within the current phase. */
  get progress(): number {
    return this.#progress;
  }
  get summary(): AnalyticsSummary | null {
    return this.#summary;
  }
  get lastComputedAt(): number | null {
    return this.#summary?.computedAt ?? null;
  }
  get error(): string | null {
    return this.#error;
  }
  get version(): number {
    return this.#version;
  }

  /** Starts watching the inputs; returns the stop function. */
  start(): () => void {
    let first = true;
    const subscription = liveQuery(() => analyticsInputStamp(getDb())).subscribe({
      next: (stamp) => {
        // The query also re-runs when only a table's count was stored (table-stats.ts): not a change.
        if (!first && stamp === this.#stamp) return;
        this.#stamp = stamp;
        if (first) {
          first = false;
          void this.#checkAtStart(stamp);
        } else {
          store(DIRTY_KEY, '1');
          this.#schedule(RECOMPUTE_DEBOUNCE_MS);
        }
      },
      error: reportStorageError,
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(this.#timer);
      this.#worker?.terminate();
      this.#worker = null;
    };
  }

  /** Recomputes at once (e.g. a "recompute now" button, or after settings changed). */
  recomputeNow(): void {
    this.#schedule(0);
  }

  async #checkAtStart(stamp: string): Promise<void> {
    try {
      this.#summary = await readAnalyticsSummary(getDb());
    } catch (error) {
      reportStorageError(error);
    }
    const stale =
      this.#summary === null ||
      this.#summary.today !== todayIso() ||
      this.#summary.latestDealDate === undefined ||
      stored(STAMP_KEY) !== stamp ||
      stored(DIRTY_KEY) === '1';
    if (stale) this.#schedule(0);
  }

  #schedule(delay: number): void {
    clearTimeout(this.#timer);
    if (this.#status !== 'running') this.#status = 'waiting';
    this.#timer = setTimeout(() => this.#run(), delay);
  }

  #run(): void {
    if (this.#status === 'running') {
      this.#again = true;
      return;
    }
    this.#worker ??= this.#createWorker();
    this.#status = 'running';
    this.#error = null;
    this.#phase = 'reading';
    this.#progress = 0;
    this.#runningStamp = this.#stamp;
    this.#requestId += 1;
    this.#worker.postMessage({ type: 'recompute', requestId: this.#requestId, today: todayIso() });
  }

  #createWorker(): Worker {
    const worker = new Worker(new URL('../workers/analytics.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (isAnalyticsWorkerMessage(event.data)) void this.#onMessage(event.data);
    });
    worker.addEventListener('error', (event) => this.#fail(event.message || 'worker error'));
    return worker;
  }

  async #onMessage(message: AnalyticsWorkerMessage): Promise<void> {
    if (message.requestId !== this.#requestId) return;
    if (message.type === 'progress') {
      this.#phase = message.phase;
      this.#progress = message.total > 0 ? message.done / message.total : 0;
      return;
    }
    if (message.type === 'error') {
      this.#fail(message.message);
      return;
    }
    store(STAMP_KEY, this.#runningStamp);
    if (this.#runningStamp === this.#stamp) store(DIRTY_KEY, null);
    try {
      this.#summary = await readAnalyticsSummary(getDb());
    } catch (error) {
      reportStorageError(error);
    }
    this.#finish('idle');
  }

  #fail(message: string): void {
    this.#error = message;
    this.#finish('error');
  }

  #finish(status: AnalyticsStatus): void {
    this.#status = status;
    this.#phase = null;
    this.#version += 1;
    if (this.#again) {
      this.#again = false;
      this.#schedule(RECOMPUTE_DEBOUNCE_MS);
    }
  }
}

export const analyticsState = new AnalyticsState();
