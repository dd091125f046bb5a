/**
 * The customer rating as rune state: the stored setup, the inputs read from the database, and every
 * figure derived from them (AHP weights and consistency, scores, grades, the grade × tier table).
 * A change of setup is applied here at once and then saved, so the figures follow an edit without
 * waiting for the database; the live query then confirms it (and brings in another tab's change).
 */
import { liveQuery } from 'dexie';
import { CR_LIMIT, type AhpResult } from '../domain/rating/ahp';
import { inconsistentComparisons, type InconsistentComparison } from '../domain/rating/ahp-inconsistency';
import { setJudgement } from '../domain/rating/ahp-matrix';
import { CRITERIA, criterionValues, type CriterionKey } from '../domain/rating/criteria';
import { gradeTierTable, type GradeCuts, type GradeTierTable } from '../domain/rating/grades';
import { type CustomerRating, type RatingOutcome } from '../domain/rating/rate';
import { ratingPlan, rateWithSettings } from '../domain/rating/rate-with-settings';
import {
  defaultRatingSettings,
  type CriterionSetting,
  type RatingMethod,
  type RatingSettings,
  type WeightSource,
} from '../domain/rating/settings';
import type { RandomIndexTable } from '../domain/rating/random-index';
import type { DateWindow } from '../domain/portfolio/windows';
import type { AbcTier } from '../domain/types';
import { getDb } from '../storage/db';
import { readRatingData, type RatedCustomer, type RatingData } from '../storage/rating-inputs';
import { loadRatingSettings, saveRatingSettings } from '../storage/rating-settings';
import { reportStorageError } from './storage-errors.svelte';

export interface RatedRow {
  customer: RatedCustomer;
  rating: CustomerRating;
  tier: AbcTier | null;
}

export interface CriterionStatus {
  setting: CriterionSetting;
  /** Customers with a value for this criterion. */
  withData: number;
  /** Whether the values come from the value engine's metrics. */
  fromMetrics: boolean;
}

class RatingState {
  #settings = $state.raw<RatingSettings>(defaultRatingSettings());
  #data = $state.raw<RatingData | null>(null);

  #plan = $derived(ratingPlan(this.#settings));
  #active = $derived(this.#plan.active);
  #matrix = $derived(this.#plan.matrix);
  #ahp = $derived(this.#plan.ahp);
  #inconsistent = $derived(
    (this.#ahp.cr ?? 0) >= CR_LIMIT ? inconsistentComparisons(this.#matrix, this.#ahp.weights, 3) : [],
  );
  #usesAhp = $derived(this.#plan.usesAhp);
  #weights = $derived(this.#plan.weights);
  #outcome = $derived.by((): RatingOutcome | null =>
    this.#data ? rateWithSettings(this.#settings, this.#data, this.#plan) : null,
  );
  #rows = $derived.by((): RatedRow[] => {
    const data = this.#data;
    const outcome = this.#outcome;
    if (!data || !outcome) return [];
    return data.customers.map((customer, i) => ({
      customer,
      rating: outcome.ratings[i] ?? {
        customerId: customer.id,
        score: null,
        grade: null,
        grey: null,
        membership: null,
      },
      tier: data.metrics.get(customer.id)?.tier ?? null,
    }));
  });
  #crossTable = $derived(gradeTierTable(this.#rows.map((r) => ({ grade: r.rating.grade, tier: r.tier }))));

  /** Subscribes to the stored setup and the inputs of the window; returns the unsubscribe function. */
  start(window: DateWindow): () => void {
    const db = getDb();
    const settings = liveQuery(() => loadRatingSettings(db)).subscribe({
      next: (s) => (this.#settings = s),
      error: reportStorageError,
    });
    const data = liveQuery(() => readRatingData(db, window)).subscribe({
      next: (d) => (this.#data = d),
      error: reportStorageError,
    });
    return () => {
      settings.unsubscribe();
      data.unsubscribe();
    };
  }

  get settings(): RatingSettings {
    return this.#settings;
  }
  get loaded(): boolean {
    return this.#data !== null;
  }
  get activeCriteria(): CriterionSetting[] {
    return this.#active;
  }
  get matrix(): number[][] {
    return this.#matrix;
  }
  get ahp(): AhpResult {
    return this.#ahp;
  }
  get inconsistent(): InconsistentComparison[] {
    return this.#inconsistent;
  }
  /** Whether the weights in use come from the AHP matrix (else typed directly). */
  get usesAhp(): boolean {
    return this.#usesAhp;
  }
  get weights(): number[] {
    return this.#weights;
  }
  get outcome(): RatingOutcome | null {
    return this.#outcome;
  }
  get rows(): RatedRow[] {
    return this.#rows;
  }
  get crossTable(): GradeTierTable {
    return this.#crossTable;
  }
  /** Whether the value engine has written any customer metrics yet. */
  get hasMetrics(): boolean {
    return (this.#data?.metrics.size ?? 0) > 0;
  }

  /** Every criterion with how many customers have a value for it (0 for a disabled one not computed). */
  get criterionStatus(): CriterionStatus[] {
    const data = this.#data;
    return this.#settings.criteria.map((setting) => ({
      setting,
      withData: data ? criterionValues(setting.key, data).filter((v) => v !== null).length : 0,
      fromMetrics: CRITERIA[setting.key].source === 'metrics',
    }));
  }

  setJudgement(a: CriterionKey, b: CriterionKey, value: number): Promise<void> {
    return this.#save({ judgements: setJudgement(this.#settings.judgements, a, b, value) });
  }
  setMethod(method: RatingMethod): Promise<void> {
    return this.#save({ method });
  }
  setWeightSource(weightSource: WeightSource): Promise<void> {
    return this.#save({ weightSource });
  }
  setRandomIndex(randomIndex: RandomIndexTable): Promise<void> {
    return this.#save({ randomIndex });
  }
  setRho(rho: number): Promise<void> {
    return this.#save({ rho });
  }
  setCuts(cuts: GradeCuts): Promise<void> {
    return this.#save({ cuts });
  }
  updateCriterion(key: CriterionKey, patch: Partial<Omit<CriterionSetting, 'key'>>): Promise<void> {
    return this.#save({
      criteria: this.#settings.criteria.map((c) => (c.key === key ? { ...c, ...patch } : c)),
    });
  }

  async #save(patch: Partial<RatingSettings>): Promise<void> {
    this.#settings = { ...this.#settings, ...patch };
    try {
      await saveRatingSettings(getDb(), patch);
    } catch (error) {
      reportStorageError(error);
    }
  }
}

export const ratingState = new RatingState();
