import type { Timestamp } from './types';

/** Days without a backup before the owner is reminded. */
export const BACKUP_REMINDER_DAYS = 7;

const DAY_MS = 86_400_000;

/**
 * Whether to remind the owner to back up:
 *
 *   due = hasData ∧ (last = none ∨ now − last > BACKUP_REMINDER_DAYS × 86 400 000 ms)
 *
 * `hasData` is true when any base table (customers, deals, interactions, product lines) holds a row, so
 * a fresh, empty book is never nagged. A backup made exactly seven days ago is not yet overdue.
 *
 * Example: last = day 2, now = day 10 → 8 days > 7 → due (when there is data).
 */
export function backupReminderDue(last: Timestamp | null, now: Timestamp, hasData: boolean): boolean {
  if (!hasData) return false;
  return last === null || now - last > BACKUP_REMINDER_DAYS * DAY_MS;
}

/** Whole days since the last backup (rounded down), or null when there was none. */
export function daysSinceBackup(last: Timestamp | null, now: Timestamp): number | null {
  return last === null ? null : Math.max(0, Math.floor((now - last) / DAY_MS));
}
