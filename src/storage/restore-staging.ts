/**
 * The staging databases a restore imports a backup into (backup.ts), and their clean-up.
 *
 * A browser closed in the middle of a restore used to leave a full staging copy behind for good. Now a
 * restore holds the Web Lock `kehu-restore` while its staging database exists, and at start the app
 * deletes every staging database no running restore holds (another tab may be restoring right now:
 * then the lock is taken and nothing is deleted). Kept apart from backup.ts so the clean-up at start
 * does not load dexie-export-import.
 */
import Dexie from 'dexie';

export const STAGING_PREFIX = 'kehu-restore-';
const LOCK = 'kehu-restore';

/** A name for a new staging database. */
export function stagingName(): string {
  return `${STAGING_PREFIX}${crypto.randomUUID()}`;
}

/** Runs `work` holding the restore lock (without Web Locks, just runs it). */
export function withRestoreLock<R>(work: () => Promise<R>): Promise<R> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return work();
  return navigator.locks.request(LOCK, work);
}

/** Deletes the staging databases left by restores that did not finish; returns how many. */
export async function removeStaleStaging(): Promise<number> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return 0;
  const sweep = async (): Promise<number> => {
    const names = (await indexedDB.databases())
      .map((info) => info.name ?? '')
      .filter((name) => name.startsWith(STAGING_PREFIX));
    for (const name of names) await Dexie.delete(name);
    return names.length;
  };
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return sweep();
  // Only when no restore runs in any tab.
  return navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => (lock ? sweep() : 0));
}
