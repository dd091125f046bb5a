/** The owner's settings, following the database (another tab's change shows here too). */
import { liveQuery } from 'dexie';
import { DEFAULT_SETTINGS, type AppSettings, type Currency, type Language } from '../domain/settings';
import { i18n } from '../i18n/i18n.svelte';
import { getDb } from '../storage/db';
import { loadSettings, saveSettings } from '../storage/settings-repo';
import { reportStorageError } from './storage-errors.svelte';

class SettingsState {
  #settings = $state<AppSettings>({ ...DEFAULT_SETTINGS });

  get settings(): AppSettings {
    return this.#settings;
  }

  /** Subscribes to the stored settings; returns the unsubscribe function. */
  start(): () => void {
    const subscription = liveQuery(() => loadSettings(getDb())).subscribe({
      next: (settings) => {
        this.#settings = settings;
        i18n.language = settings.language ?? i18n.browserLanguage;
      },
      error: reportStorageError,
    });
    return () => subscription.unsubscribe();
  }

  /**
   * The labels change once the choice is stored (a few milliseconds), so a reload right after a change
   * never brings the old language back. A failed write still changes this page's language.
   */
  async setLanguage(language: Language | null): Promise<void> {
    await this.#save({ language });
    i18n.language = language ?? i18n.browserLanguage;
  }

  async setCurrency(currency: Currency): Promise<void> {
    await this.#save({ currency });
  }

  /** Saves already-validated settings (the analysis form); the value engine recomputes on the change. */
  async update(patch: Partial<AppSettings>): Promise<void> {
    await this.#save(patch);
  }

  async #save(patch: Partial<AppSettings>): Promise<void> {
    try {
      await saveSettings(getDb(), patch);
    } catch (error) {
      reportStorageError(error);
    }
  }
}

export const settingsState = new SettingsState();
