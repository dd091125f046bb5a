import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { defaultPortfolioSettings } from '../../../src/domain/portfolio/settings';
import { defaultRatingSettings } from '../../../src/domain/rating/settings';
import {
  loadPortfolioSettings,
  loadRatingSettings,
  RATING_SETTINGS_KEY,
  savePortfolioSettings,
  saveRatingSettings,
} from '../../../src/storage/rating-settings';
import { isCustomerMetrics } from '../../../src/storage/rating-inputs';
import { freshDb } from './helpers';

describe('rating and portfolio settings in the settings table', () => {
  it('load the defaults when nothing is stored', async () => {
    const db = freshDb();
    expect(await loadRatingSettings(db)).toEqual(defaultRatingSettings());
    expect(await loadPortfolioSettings(db)).toEqual(defaultPortfolioSettings());
  });

  it('save a patch, keep the rest, and read it back', async () => {
    const db = freshDb();
    await saveRatingSettings(db, { method: 'fuzzy' });
    const saved = await saveRatingSettings(db, {
      judgements: [{ a: 'loyaltyIndex', b: 'paymentBehaviour', value: 1 / 3 }],
    });
    expect(saved.method).toBe('fuzzy');
    expect(await loadRatingSettings(db)).toEqual(saved);
    const portfolio = await savePortfolioSettings(db, { splits: { shareSplit: 1.5, growthSplit: 0.12 } });
    expect(await loadPortfolioSettings(db)).toEqual(portfolio);
    expect((await db.settings.get('app'))?.value).toBeUndefined();
  });

  it('a corrupt record reads as the defaults', async () => {
    const db = freshDb();
    await db.settings.put({ key: RATING_SETTINGS_KEY, value: ['not', 'settings'] });
    expect(await loadRatingSettings(db)).toEqual(defaultRatingSettings());
  });
});

describe('metrics rows', () => {
  it('are checked before use', () => {
    expect(isCustomerMetrics({ customerId: 'c1', tier: 'A' })).toBe(true);
    expect(isCustomerMetrics({ customerId: 'c1', tier: 'Q' })).toBe(false);
    expect(isCustomerMetrics(null)).toBe(false);
  });
});
