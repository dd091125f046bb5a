/**
 * Persistent storage (DESIGN.md §7): without it the browser may evict the whole database when the disk
 * runs low. Browsers may show a prompt or decide from engagement, so we ask once, at a moment that
 * makes sense to the owner: the first real write (the repositories call `notifyWrite`; the UI installs
 * the hook that asks). Loading the sample data is not a real write and does not count.
 */

type FirstWriteHook = () => void | Promise<void>;

function storageManager(): StorageManager | undefined {
  const nav = (globalThis as { navigator?: { storage?: StorageManager } }).navigator;
  return nav?.storage;
}

let persistRequest: Promise<boolean> | null = null;

/**
 * Asks the browser to keep our data (navigator.storage.persist). Asks at most once per page: later calls
 * return the first answer. False when the API is missing or the request fails.
 */
export function requestPersistence(): Promise<boolean> {
  persistRequest ??= (async () => {
    const storage = storageManager();
    if (typeof storage?.persist !== 'function') return false;
    try {
      if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
      return await storage.persist();
    } catch {
      return false;
    }
  })();
  return persistRequest;
}

/** Whether the browser has granted persistent storage (false when unknown). */
export async function isPersisted(): Promise<boolean> {
  const storage = storageManager();
  if (typeof storage?.persisted !== 'function') return false;
  try {
    return await storage.persisted();
  } catch {
    return false;
  }
}

/** Bytes used and available to this origin, or null when the browser cannot tell. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  const storage = storageManager();
  if (typeof storage?.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    return typeof usage === 'number' && typeof quota === 'number' ? { usage, quota } : null;
  } catch {
    return null;
  }
}

let firstWriteHook: FirstWriteHook | null = null;
let firstWriteDone = false;

/** Installs the callback run after the first successful write of this page (replaces any earlier one). */
export function setFirstWriteHook(hook: FirstWriteHook | null): void {
  firstWriteHook = hook;
}

/**
 * Called by the repositories after each committed write; runs the hook the first time only. A hook
 * that throws or rejects is logged and never fails the write that triggered it.
 */
export function notifyWrite(): void {
  if (firstWriteDone || firstWriteHook === null) return;
  firstWriteDone = true;
  const hook = firstWriteHook;
  try {
    Promise.resolve(hook()).catch((e: unknown) => console.error('first-write hook failed', e));
  } catch (e) {
    console.error('first-write hook failed', e);
  }
}
