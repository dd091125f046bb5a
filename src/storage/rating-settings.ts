/**
 * The rating and portfolio setups: one record each in the existing `settings` table
 * (`{ key: 'rating', value }`, `{ key: 'portfolio', value }`; no schema change). Whatever is read back
 * passes the domain's normaliser, so a record from an older version or a hand-edited backup can never
 * put an invalid judgement or weight into a formula. Read and write share one transaction, so two tabs
 * saving different parts at once cannot undo each other's change.
 */
import { normalisePortfolioSettings, type PortfolioSettings } from '../domain/portfolio/settings';
import { normaliseRatingSettings, type RatingSettings } from '../domain/rating/settings';
import type { KehuDb } from './db';
import { handleStorageError } from './errors';

export const RATING_SETTINGS_KEY = 'rating';
export const PORTFOLIO_SETTINGS_KEY = 'portfolio';

async function load<T>(db: KehuDb, key: string, normalise: (stored: unknown) => T): Promise<T> {
  try {
    return normalise((await db.settings.get(key))?.value);
  } catch (e) {
    throw handleStorageError(e);
  }
}

async function save<T extends object>(
  db: KehuDb,
  key: string,
  normalise: (stored: unknown) => T,
  patch: Partial<T>,
): Promise<T> {
  try {
    return await db.transaction('rw', db.settings, async () => {
      const current = normalise((await db.settings.get(key))?.value);
      const next = normalise({ ...current, ...patch });
      await db.settings.put({ key, value: next });
      return next;
    });
  } catch (e) {
    throw handleStorageError(e);
  }
}

export function loadRatingSettings(db: KehuDb): Promise<RatingSettings> {
  return load(db, RATING_SETTINGS_KEY, normaliseRatingSettings);
}

/** Merges `patch` into the stored rating settings; returns what was stored. */
export function saveRatingSettings(db: KehuDb, patch: Partial<RatingSettings>): Promise<RatingSettings> {
  return save(db, RATING_SETTINGS_KEY, normaliseRatingSettings, patch);
}

export function loadPortfolioSettings(db: KehuDb): Promise<PortfolioSettings> {
  return load(db, PORTFOLIO_SETTINGS_KEY, normalisePortfolioSettings);
}

/** Merges `patch` into the stored portfolio settings; returns what was stored. */
export function savePortfolioSettings(
  db: KehuDb,
  patch: Partial<PortfolioSettings>,
): Promise<PortfolioSettings> {
  return save(db, PORTFOLIO_SETTINGS_KEY, normalisePortfolioSettings, patch);
}
