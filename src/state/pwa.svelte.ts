/**
 * Service-worker updates are offered, never forced: with `registerType: 'prompt'` a new version waits
 * until the owner clicks "Update now", so a page is never reloaded mid-edit (DESIGN.md §5).
 */
import { registerSW } from 'virtual:pwa-register';

class Pwa {
  #updateReady = $state(false);
  #offlineReady = $state(false);
  #online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  #update: ((reload?: boolean) => Promise<void>) | null = null;

  get updateReady(): boolean {
    return this.#updateReady;
  }

  get offlineReady(): boolean {
    return this.#offlineReady;
  }

  get online(): boolean {
    return this.#online;
  }

  start(): void {
    window.addEventListener('online', () => (this.#online = true));
    window.addEventListener('offline', () => (this.#online = false));
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    this.#update = registerSW({
      onNeedRefresh: () => (this.#updateReady = true),
      onOfflineReady: () => (this.#offlineReady = true),
    });
  }

  async applyUpdate(): Promise<void> {
    this.#updateReady = false;
    await this.#update?.(true);
  }

  dismissUpdate(): void {
    this.#updateReady = false;
  }

  dismissOfflineReady(): void {
    this.#offlineReady = false;
  }
}

export const pwa = new Pwa();
