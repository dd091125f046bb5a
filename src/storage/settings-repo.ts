/**
 * The owner's settings: one record, `{ key: 'app', value }`, in the `settings` table. Whatever is read
 * back passes `normaliseSettings`, so a record from an older version or a hand-edited backup can never
 * put an invalid rate into a formula.
 */
import { normaliseSettings, type AppSettings } from '../domain/settings';
import type { KehuDb } from './db';
import { handleStorageError } from './errors';

export const APP_SETTINGS_KEY = 'app';

export async function loadSettings(db: KehuDb): Promise<AppSettings> {
  try {
    const record = await db.settings.get(APP_SETTINGS_KEY);
    return normaliseSettings(record?.value);
  } catch (e) {
    throw handleStorageError(e);
  }
}

/**
 * Merges `patch` into the stored settings, normalises the result (an invalid field in the patch falls
 * back to its default), stores it and returns what was stored. Read and write share one transaction,
 * so two tabs saving different fields at once cannot undo each other's change.
 */
export async function saveSettings(db: KehuDb, patch: Partial<AppSettings>): Promise<AppSettings> {
  try {
    return await db.transaction('rw', db.settings, async () => {
      const record = await db.settings.get(APP_SETTINGS_KEY);
      const next = normaliseSettings({ ...normaliseSettings(record?.value), ...patch });
      await db.settings.put({ key: APP_SETTINGS_KEY, value: next });
      return next;
    });
  } catch (e) {
    throw handleStorageError(e);
  }
}
