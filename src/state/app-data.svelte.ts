/**
 * What the whole app needs to know about the data: live row counts per table, whether the sample
 * data set is loaded, and the first-run welcome. Also asks for persistent storage on the first
 * real write (asking on page load would be refused or nag the owner before there is data to keep).
 */
import { liveQuery } from 'dexie';
import { BASE_TABLE_NAMES, type BaseTableName } from '../domain/types';
import { i18n } from '../i18n/i18n.svelte';
import { getDb } from '../storage/db';
import { createRepo } from '../storage/repo';
import { setFirstWriteHook } from '../storage/persistence';
import { hasSampleData, loadSampleData, removeSampleData } from '../storage/sample-data-store';
import { notices } from './notices.svelte';
import { reportStorageError } from './storage-errors.svelte';
import { storageStatus } from './storage-status.svelte';

const WELCOME_DISMISSED_KEY = 'kehu.welcomeDismissed';

type Counts = Record<BaseTableName, number>;

async function readCounts(): Promise<{ counts: Counts; hasSample: boolean }> {
  const db = getDb();
  const entries = await Promise.all(
    BASE_TABLE_NAMES.map(async (table) => [table, await createRepo(db, table).countActive()] as const),
  );
  return { counts: Object.fromEntries(entries) as Counts, hasSample: await hasSampleData(db) };
}

function todayIso(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

class AppData {
  #counts = $state<Counts>({ customers: 0, deals: 0, interactions: 0, productLines: 0 });
  #hasSample = $state(false);
  #loaded = $state(false);
  #sampleBusy = $state(false);
  #welcomeDismissed = $state(
    typeof localStorage !== 'undefined' && localStorage.getItem(WELCOME_DISMISSED_KEY) === '1',
  );

  get counts(): Counts {
    return this.#counts;
  }

  get hasSample(): boolean {
    return this.#hasSample;
  }

  get loaded(): boolean {
    return this.#loaded;
  }

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
    const subscription = liveQuery(readCounts).subscribe({
      next: ({ counts, hasSample }) => {
        this.#counts = counts;
        this.#hasSample = hasSample;
        this.#loaded = true;
      },
      error: reportStorageError,
    });
    return () => subscription.unsubscribe();
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

  async removeSample(): Promise<void> {
    if (this.#sampleBusy) return;
    this.#sampleBusy = true;
    try {
      await removeSampleData(getDb());
      notices.show(i18n.t('sample.removed'));
    } catch (error) {
      reportStorageError(error);
    } finally {
      this.#sampleBusy = false;
    }
  }
}

export const appData = new AppData();
