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
  #registration: ServiceWorkerRegistration | null = null;

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
      // A tab left open for days still learns of a new version: check hourly and when it comes back
      // into view. Checking only downloads; installing waits for the owner's click.
      onRegisteredSW: (_url, registration) => {
        if (!registration) return;
        this.#registration = registration;
        const check = () => {
          if (navigator.onLine) registration.update().catch(() => undefined);
        };
        setInterval(check, 60 * 60 * 1000);
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') check();
        });
      },
    });
  }

  async applyUpdate(): Promise<void> {
    this.#updateReady = false;
    const waiting = this.#registration?.waiting ?? null;
    const controlled = navigator.serviceWorker.controller !== null;
    await this.#update?.(true);
    // Workbox reloads a controlled page when the new worker takes over. A page opened on the very first
    // visit has no controller, so no takeover event comes (and the new worker, with no page to wait
    // for, is often active already): reload ourselves once it is active.
    if (!controlled) {
      if (waiting && waiting.state !== 'activated') {
        await new Promise<void>((resolve) =>
          waiting.addEventListener('statechange', () => {
            if (waiting.state === 'activated') resolve();
          }),
        );
      }
      location.reload();
    }
  }

  dismissUpdate(): void {
    this.#updateReady = false;
  }

  dismissOfflineReady(): void {
    this.#offlineReady = false;
  }
}

export const pwa = new Pwa();
