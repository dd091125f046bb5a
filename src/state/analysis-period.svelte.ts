/**
 * The analysis period every figure uses (DESIGN.md §2), as rune state: the owner's choice (stored in
 * the settings), resolved against today and the deals' first and latest dates. Those dates come from the
 * last recompute's summary (the analytics worker reads them from its own inputs), so no deal is read on
 * the UI thread; the worker resolves the same choice with the same function (period.ts), so the value
 * engine, the dashboards, the follow-up list, the rating and the portfolio share one period.
 */
import type { DateWindow } from '../domain/portfolio/windows';
import {
  accountantPackPeriod,
  NO_DEAL_BOUNDS,
  noDealInPeriod,
  resolvePeriod,
  type AnalysisPeriod,
  type DealBounds,
  type ResolvedPeriod,
} from '../domain/period';
import { analyticsState } from './analytics.svelte';
import { settingsState } from './settings.svelte';
import { todayIso } from './today';

class AnalysisPeriodState {
  #today = $state(todayIso());
  #bounds = $derived.by((): DealBounds => {
    const s = analyticsState.summary;
    return s ? { first: s.firstDealDate ?? '', latest: s.latestDealDate ?? '' } : NO_DEAL_BOUNDS;
  });
  #resolved = $derived(resolvePeriod(settingsState.settings.analysisPeriod, this.#today, this.#bounds));

  /** The owner's choice. */
  get period(): AnalysisPeriod {
    return settingsState.settings.analysisPeriod;
  }
  /** The first and latest deal dates of the book, as of the last recompute. */
  get bounds(): DealBounds {
    return this.#bounds;
  }
  /** The analysis period W and its base period. */
  get resolved(): ResolvedPeriod {
    return this.#resolved;
  }
  /**
   * True when the book has deals but none in the period, as the value engine found for this very
   * period (false while the figures are being recomputed for another one).
   */
  get empty(): boolean {
    return noDealInPeriod(analyticsState.summary, this.#resolved.current);
  }

  /** The accountant pack's default dates (period.ts `accountantPackPeriod`). */
  get packPeriod(): DateWindow {
    return accountantPackPeriod(this.#resolved.current, this.empty, this.#bounds, this.#today);
  }

  /** Stores a new choice; the value engine recomputes on the settings change (analytics.svelte.ts). */
  async set(period: AnalysisPeriod): Promise<void> {
    this.#today = todayIso();
    await settingsState.update({ analysisPeriod: period });
  }
}

export const analysisPeriod = new AnalysisPeriodState();
