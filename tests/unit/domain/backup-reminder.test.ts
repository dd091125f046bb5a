import { describe, expect, it } from 'vitest';
import { backupReminderDue, daysSinceBackup } from '../../../src/domain/backup-reminder';

const day = 86_400_000;

describe('backup reminder', () => {
  it('never reminds on an empty book, whatever the dates', () => {
    expect(backupReminderDue(null, 100 * day, false)).toBe(false);
    expect(backupReminderDue(1 * day, 100 * day, false)).toBe(false);
  });

  it('reminds when there is data and no backup was ever made', () => {
    expect(backupReminderDue(null, 10 * day, true)).toBe(true);
  });

  it('reminds only after more than seven days', () => {
    expect(backupReminderDue(3 * day, 10 * day, true)).toBe(false);
    expect(backupReminderDue(3 * day, 10 * day + 1, true)).toBe(true);
    expect(backupReminderDue(2 * day, 10 * day, true)).toBe(true);
  });

  it('counts whole days since the last backup', () => {
    expect(daysSinceBackup(null, 5 * day)).toBeNull();
    expect(daysSinceBackup(2 * day, 10 * day - 1)).toBe(7);
    expect(daysSinceBackup(2 * day, 10 * day)).toBe(8);
    expect(daysSinceBackup(10 * day, 9 * day)).toBe(0);
  });
});
