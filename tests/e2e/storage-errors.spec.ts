import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ExportPanel, ImportPage } from './pages/import-page';
import { KehuApp } from './pages/kehu-app';
import { SheetsPage } from './pages/sheets-page';

test('a write that hits the storage quota shows what happened and changes nothing', async ({
  page,
  context,
}) => {
  // Shrink this origin's quota far below the sample data set (~5 MB), as a nearly full disk would. Set
  // before the app opens its database: set later, once the analytics worker held the database open,
  // Chromium did not enforce it.
  const cdp = await context.newCDPSession(page);
  await page.goto('./icons/favicon.svg');
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1024 * 1024 });

  const app = new KehuApp(page);
  await app.open();
  await expect(app.count('customers')).toHaveText('0');

  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(app.storageBanner()).toContainText('storage for this app is full');
  await expect(page.getByRole('button', { name: 'Load sample data' })).toBeEnabled();
  for (const table of ['customers', 'deals', 'interactions', 'productLines'] as const) {
    await expect(app.count(table)).toHaveText('0');
  }

  // The app still works once there is room again.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await app.storageBanner().getByRole('button', { name: 'Dismiss' }).click();
  const sheets = new SheetsPage(page);
  await sheets.addRow([['name', 'After The Disk Was Freed']]);
  await expect(app.count('customers')).toHaveText('1');
});

test('a full disk during a restore is reported as a full disk, and the same file restores once there is room', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // The backup, made in a browser with room.
  const maker = await browser.newContext({ locale: 'en-US' });
  const makerPage = await maker.newPage();
  const makerApp = new KehuApp(makerPage);
  await makerApp.open();
  await makerPage.getByRole('button', { name: 'Load sample data' }).click();
  await expect(makerApp.count('productLines')).toHaveText('6', { timeout: 30_000 });
  await new ImportPage(makerPage).open();
  const { bytes } = await new ExportPanel(makerPage).downloadBackup();
  const backup = { path: join(tmpdir(), `kehu-full-disk-${Date.now()}.kehubackup`) };
  writeFileSync(backup.path, bytes);
  await maker.close();

  // Restored in a browser whose disk is nearly full (quota set before the app opens its database).
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto('./icons/favicon.svg');
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1024 * 1024 });
  const app = new KehuApp(page);
  const io = new ImportPage(page);
  await io.open();
  const panel = new ExportPanel(page);
  // Refused while the file is staged, before any question: no dialog is expected.
  await panel.backup().getByLabel('Restore from a backup file', { exact: true }).setInputFiles(backup.path);
  await expect(app.storageBanner()).toContainText('storage for this app is full');
  await expect(panel.backup().getByRole('alert')).toHaveCount(0);
  await expect(panel.backup()).not.toContainText('damaged');
  await expect(panel.backup().getByRole('button', { name: 'Undo restore' })).toHaveCount(0);
  await page.screenshot({ path: '/work/shots/safety/restore-full-disk.png' });

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await app.storageBanner().getByRole('button', { name: 'Dismiss' }).click();
  await panel.restore(backup.path);
  await expect(page.getByText(/^Backup restored: 300 customers/)).toBeVisible({ timeout: 60_000 });
  await context.close();
});
