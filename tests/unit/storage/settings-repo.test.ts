import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { APP_SETTINGS_KEY, loadSettings, saveSettings } from '../../../src/storage/settings-repo';
import { freshDb } from './helpers';

describe('settings', () => {
  it('loads the defaults when nothing is stored', async () => {
    expect(await loadSettings(freshDb())).toEqual(DEFAULT_SETTINGS);
  });

  it('saves a patch, keeps the other fields and reads it back', async () => {
    const db = freshDb();
    await saveSettings(db, { currency: 'HKD', language: 'zh-TW' });
    const saved = await saveSettings(db, { horizonYears: 3 });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, currency: 'HKD', language: 'zh-TW', horizonYears: 3 });
    expect(await loadSettings(db)).toEqual(saved);
  });

  it('normalises what is stored: an invalid field falls back to its default', async () => {
    const db = freshDb();
    await db.settings.put({
      key: APP_SETTINGS_KEY,
      value: { currency: 'XXX', tierCutA: 0.7, tierCutB: 0.9 },
    });
    expect(await loadSettings(db)).toEqual({ ...DEFAULT_SETTINGS, tierCutA: 0.7, tierCutB: 0.9 });
    await db.settings.put({ key: APP_SETTINGS_KEY, value: 'garbage' });
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('an invalid value in a patch is not stored', async () => {
    const db = freshDb();
    const saved = await saveSettings(db, { discountRate: 7 });
    expect(saved.discountRate).toBe(DEFAULT_SETTINGS.discountRate);
    expect((await db.settings.get(APP_SETTINGS_KEY))?.value).toEqual(saved);
  });
});
