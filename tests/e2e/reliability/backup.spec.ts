/**
 * Issue 9, promise 9 (backup) and issue 5 (the reminder): a backup restored into an empty browser gives
 * back every table exactly (compared row by row through raw IndexedDB); a file from a newer version is
 * refused with nothing written; a restore can be undone; Settings shows the last backup and reminds the
 * owner after seven days without one.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportPanel, ImportPage } from '../pages/import-page';
import { KehuApp } from '../pages/kehu-app';
import { SheetsPage } from '../pages/sheets-page';
import {
  countOrphanLinks,
  NO_ORPHANS,
  ownData,
  putSetting,
  readAllTables,
  rowCounts,
  withoutSettings,
  type RawTables,
} from './raw-db';

const LAST_BACKUP = 'lastBackupAt';
const DAY = 86_400_000;

/** What a restore must give back: every table except the backup's own "last backup" marker. */
async function stored(page: Page): Promise<RawTables> {
  return ownData(withoutSettings(await readAllTables(page), [LAST_BACKUP]));
}

/** A backup file whose header says `patch` (a newer app wrote it). */
function rewriteHeader(path: string, patch: Record<string, unknown>): string {
  const text = readFileSync(path, 'utf8');
  const newline = text.indexOf('\n');
  const header = { ...(JSON.parse(text.slice(0, newline)) as Record<string, unknown>), ...patch };
  const out = join(tmpdir(), `kehu-newer-${Date.now()}-${Math.random()}.kehubackup`);
  writeFileSync(out, `${JSON.stringify(header)}${text.slice(newline)}`);
  return out;
}

test('backup → empty browser → restore gives every table back exactly; undo puts the empty book back', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const app = new KehuApp(page);
  await app.open();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(app.count('productLines')).toHaveText('6', { timeout: 30_000 });
  // An edit, so the history table has more than the sample's rows.
  const sheets = new SheetsPage(page);
  await sheets.open('customers');
  await expect(app.count('customers')).toHaveText(/^[\d,]+$/);
  const sampleCustomers = await app.countValue('customers');
  await sheets.addRow([['name', 'Added Before The Backup']]);
  // The count moves once the row and its history entry are stored (one transaction).
  await expect(app.count('customers')).toHaveText((sampleCustomers + 1).toLocaleString('en-US'));

  await new ImportPage(page).open();
  const backup = await new ExportPanel(page).downloadBackup();
  const original = await stored(page);
  expect(original.customers?.length).toBeGreaterThan(100);
  expect(original.history?.length).toBeGreaterThan(0);

  // A new, empty browser profile: the laptop was replaced.
  const fresh = await browser.newContext({ locale: 'en-US' });
  try {
    const other = await fresh.newPage();
    const io = new ImportPage(other);
    await io.open();
    const empty = await stored(other);

    // A file written by a newer app, or for a newer schema, is refused and nothing is written.
    for (const patch of [{ formatVersion: 2 }, { dbVersion: 999 }]) {
      // Refused before the confirmation, so no dialog is expected.
      await new ExportPanel(other)
        .backup()
        .getByLabel('Restore from a backup file', { exact: true })
        .setInputFiles(rewriteHeader(backup.path, patch));
      await expect(other.getByRole('alert')).toHaveText(
        'This file cannot be restored: it was made by a newer version of Kehu; update the app first. Nothing was changed.',
      );
      expect(await stored(other)).toEqual(empty);
    }

    await new ExportPanel(other).restore(backup.path);
    await expect(other.getByText(/^Backup restored: /)).toBeVisible({ timeout: 30_000 });
    const restored = await stored(other);
    expect(rowCounts(restored)).toEqual(rowCounts(original));
    expect(restored).toEqual(original);
    // The sample book has deals on every customer and product line: none names a row that is not there.
    expect(await countOrphanLinks(other)).toEqual(NO_ORPHANS);

    await new ExportPanel(other).backup().getByRole('button', { name: 'Undo restore' }).click();
    await expect(other.getByText('The data from before the restore is back.')).toBeVisible();
    expect(await stored(other)).toEqual(empty);
    expect(await countOrphanLinks(other)).toEqual(NO_ORPHANS);
  } finally {
    await fresh.close();
  }
});

test('Settings shows the last backup and reminds after seven days, never on an empty book', async ({
  page,
}) => {
  const app = new KehuApp(page);
  await app.open();
  await page.getByRole('button', { name: 'Start with an empty book' }).click();
  await app.nav('Settings').click();
  const backup = page.getByRole('region', { name: 'Backup' });
  await expect(backup.getByTestId('last-backup')).toHaveText('No backup yet.');
  await expect(backup.getByTestId('backup-reminder')).toHaveCount(0);

  // Data, and no backup ever made: a gentle reminder.
  await new SheetsPage(page).open('customers');
  await new SheetsPage(page).addRow([['name', 'Worth Keeping Ltd']]);
  await expect(app.count('customers')).toHaveText('1');
  await app.nav('Settings').click();
  await expect(backup.getByTestId('backup-reminder')).toContainText('You have never made a backup');

  // A backup three days ago: no reminder. Ten days ago: reminded, with the age.
  await putSetting(page, LAST_BACKUP, Date.now() - 3 * DAY);
  await page.reload();
  await expect(backup.getByTestId('last-backup')).toContainText('Last backup:');
  await expect(backup.getByTestId('backup-reminder')).toHaveCount(0);

  await putSetting(page, LAST_BACKUP, Date.now() - 10 * DAY);
  await page.reload();
  const reminder = backup.getByTestId('backup-reminder');
  await expect(reminder).toContainText('Your last backup is 10 days old.');
  await page.screenshot({ path: '/tmp/shots-rel/settings-backup-reminder.png', fullPage: true });

  const download = page.waitForEvent('download');
  await reminder.getByRole('button', { name: 'Back up now' }).click();
  expect((await download).suggestedFilename()).toMatch(/^kehu-backup-\d{4}-\d\d-\d\d\.kehubackup$/);
  await expect(reminder).toHaveCount(0);
  const marker = (await readAllTables(page)).settings?.find(
    (row) => (row as { key: string }).key === LAST_BACKUP,
  ) as { value: number } | undefined;
  expect(Date.now() - (marker?.value ?? 0)).toBeLessThan(60_000);

  // The same reminder in Chinese.
  await app.languageSelect().selectOption('zh-CN');
  await putSetting(page, LAST_BACKUP, Date.now() - 8 * DAY);
  await page.reload();
  await expect(page.getByTestId('backup-reminder')).toContainText('上次备份已是 8 天前');
  await expect(page.getByRole('button', { name: '立即备份' })).toBeVisible();
});
