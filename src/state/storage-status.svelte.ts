/** Whether the browser promised to keep our data, and how much space it uses (Settings page). */
import { isPersisted, requestPersistence, storageEstimate } from '../storage/persistence';

class StorageStatus {
  /** `null` when the browser has no persistent-storage API. */
  #persisted = $state<boolean | null>(null);
  #estimate = $state<{ usage: number; quota: number } | null>(null);

  get persisted(): boolean | null {
    return this.#persisted;
  }

  get estimate(): { usage: number; quota: number } | null {
    return this.#estimate;
  }

  async refresh(): Promise<void> {
    this.#persisted = await isPersisted();
    this.#estimate = await storageEstimate();
  }

  async askPersist(): Promise<void> {
    this.#persisted = await requestPersistence();
    await this.refresh();
  }
}

export const storageStatus = new StorageStatus();
