/**
 * What the whole app needs to know about the data: live row counts per table, whether the sample
 * data set is loaded, and the first-run welcome. Also asks for persistent storage on the first
 * real write (asking on page load would be refused or nag the owner before there is data to keep).
 */
import { liveQuery } from 'dexie';
import { BASE_TABLE_NAMES, type BaseTableName } from '../domain/types';
import { i18n } from '../i18n/i18n.svelte';
import { removeStaleStaging } from '../storage/restore-staging';
import { getDb } from '../storage/db';
import { fillUnknownCounts, readTableStats } from '../storage/table-stats';
import { setFirstWriteHook } from '../storage/persistence';
import {
  countOwnRowsOnSample,
  hasSampleData,
  loadSampleData,
  removeSampleData,
  type OwnRowsOnSample,
} from '../storage/sample-data-store';
import { notices } from './notices.svelte';
import { reportStorageError } from './storage-errors.svelte';
import { storageStatus } from './storage-status.svelte';

const WELCOME_DISMISSED_KEY = 'kehu.welcomeDismissed';

type Counts = Record<BaseTableName, number | null>;

/** The live-row count of each table as the database keeps it (null: being counted again). */
async function readCounts(): Promise<{ counts: Counts; hasSample: boolean }> {
  const db = getDb();
  const stats = await readTableStats(db);
  const counts = Object.fromEntries(BASE_TABLE_NAMES.map((t) => [t, stats[t].active])) as Counts;
  return { counts, hasSample: await hasSampleData(db) };
}

function todayIso(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

class AppData {
  #counts = $state<Counts>({ customers: null, deals: null, interactions: null, productLines: null });
  #counting = false;
  #countAgain = false;
  #hasSample = $state(false);
  #loaded = $state(false);
  #sampleBusy = $state(false);
  #welcomeDismissed = $state(
    typeof localStorage !== 'undefined' && localStorage.getItem(WELCOME_DISMISSED_KEY) === '1',
  );

  /** Live rows per table; null while a table is being counted (after an upgrade or a bulk write). */
  get counts(): Counts {
    return this.#counts;
  }

  get hasSample(): boolean {
    return this.#hasSample;
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  /** True only when every count is known and 0. */
  get isEmpty(): boolean {
    return BASE_TABLE_NAMES.every((table) => this.#counts[table] === 0);
  }

  get sampleBusy(): boolean {
    return this.#sampleBusy;
  }

  get welcomeDismissed(): boolean {
    return this.#welcomeDismissed;
  }

  /** Subscribes to the counts; returns the unsubscribe function. */
  start(): () => void {
    setFirstWriteHook(() => void storageStatus.askPersist());
    // A restore interrupted by a closed browser leaves its staging database: delete it (issue 24).
    removeStaleStaging().catch(reportStorageError);
    const subscription = liveQuery(readCounts).subscribe({
      next: ({ counts, hasSample }) => {
        this.#counts = counts;
        this.#hasSample = hasSample;
        this.#loaded = true;
        if (BASE_TABLE_NAMES.some((table) => counts[table] === null)) void this.#countUnknown();
      },
      error: reportStorageError,
    });
    return () => subscription.unsubscribe();
  }

  /** Counts the tables whose count is unknown; storing a count makes the live query above re-run. */
  async #countUnknown(): Promise<void> {
    if (this.#counting) {
      // A write came in during the count: it may have made the count it is taking stale.
      this.#countAgain = true;
      return;
    }
    this.#counting = true;
    try {
      do {
        this.#countAgain = false;
        await fillUnknownCounts(getDb());
      } while (this.#countAgain);
    } catch (error) {
      reportStorageError(error);
    } finally {
      this.#counting = false;
    }
  }

  dismissWelcome(): void {
    this.#welcomeDismissed = true;
    localStorage.setItem(WELCOME_DISMISSED_KEY, '1');
  }

  async loadSample(): Promise<void> {
    if (this.#sampleBusy) return;
    this.#sampleBusy = true;
    try {
      // The generator is only needed on this click: keep it out of the initial bundle.
      const { generateSampleData } = await import('../domain/sample-data');
      const data = generateSampleData({ today: todayIso() });
      await loadSampleData(getDb(), data);
      void storageStatus.askPersist();
      notices.show(
        i18n.t('sample.loaded', {
          customers: i18n.number(data.customers.length),
          deals: i18n.number(data.deals.length),
        }),
      );
    } catch (error) {
      reportStorageError(error);
    } finally {
      this.#sampleBusy = false;
    }
  }

  /** How many of the owner's own deals and contacts belong to sample customers (asked before removal). */
  async ownRowsOnSample(): Promise<{ customers: number; rows: number }> {
    try {
      return await countOwnRowsOnSample(getDb());
    } catch (error) {
      reportStorageError(error);
      return { customers: 0, rows: 0 };
    }
  }

  async removeSample(own: OwnRowsOnSample = 'keep-customers', kept = 0): Promise<void> {
    if (this.#sampleBusy) return;
    this.#sampleBusy = true;
    try {
      await removeSampleData(getDb(), own);
      notices.show(
        own === 'keep-customers' && kept > 0
          ? i18n.t('sample.removedKept', { count: kept })
          : i18n.t('sample.removed'),
      );
    } catch (error) {
      reportStorageError(error);
    } finally {
      this.#sampleBusy = false;
    }
  }
}

export const appData = new AppData();
