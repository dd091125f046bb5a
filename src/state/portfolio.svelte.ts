/**
 * The product-line portfolio as rune state: the stored setup (BCG splits, GE weights), the product
 * lines with our sales in both windows, and their BCG and GE placements. Edits apply at once, then save.
 */
import { liveQuery } from 'dexie';
import { analysePortfolio, type PortfolioRow } from '../domain/portfolio/analyse';
import type { BcgSplits } from '../domain/portfolio/bcg';
import type { GeWeights } from '../domain/portfolio/ge';
import { defaultPortfolioSettings, type PortfolioSettings } from '../domain/portfolio/settings';
import type { ResolvedPeriod } from '../domain/period';
import type { GeFactor } from '../domain/types';
import { getDb } from '../storage/db';
import { readPortfolioData, type PortfolioData } from '../storage/rating-inputs';
import { loadPortfolioSettings, savePortfolioSettings } from '../storage/rating-settings';
import { reportStorageError } from './storage-errors.svelte';

class PortfolioState {
  #settings = $state.raw<PortfolioSettings>(defaultPortfolioSettings());
  #data = $state.raw<PortfolioData | null>(null);
  #rows = $derived(this.#data ? analysePortfolio(this.#data.lines, this.#data.sales, this.#settings) : []);

  /**
   * Subscribes to the stored setup and the product lines' sales in the analysis period and its base
   * period; returns the unsubscribe function.
   */
  start(windows: ResolvedPeriod): () => void {
    const db = getDb();
    const settings = liveQuery(() => loadPortfolioSettings(db)).subscribe({
      next: (s) => (this.#settings = s),
      error: reportStorageError,
    });
    const data = liveQuery(() => readPortfolioData(db, windows)).subscribe({
      next: (d) => (this.#data = d),
      error: reportStorageError,
    });
    return () => {
      settings.unsubscribe();
      data.unsubscribe();
    };
  }

  get loaded(): boolean {
    return this.#data !== null;
  }
  get settings(): PortfolioSettings {
    return this.#settings;
  }
  get rows(): PortfolioRow[] {
    return this.#rows;
  }

  setSplits(splits: BcgSplits): Promise<void> {
    return this.#save({ splits });
  }
  setGeWeight(factor: GeFactor, weight: number): Promise<void> {
    const geWeights: GeWeights = { ...this.#settings.geWeights, [factor]: weight };
    return this.#save({ geWeights });
  }

  async #save(patch: Partial<PortfolioSettings>): Promise<void> {
    this.#settings = { ...this.#settings, ...patch };
    try {
      await savePortfolioSettings(getDb(), patch);
    } catch (error) {
      reportStorageError(error);
    }
  }
}

export const portfolioState = new PortfolioState();
