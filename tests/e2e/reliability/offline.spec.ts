/**
 * Promise 8, offline: after one visit the service worker has the whole app, so with the network off
 * every page still works — create, edit and delete on a sheet, import a CSV, export one, the Analysis
 * charts (Chart.js is a lazy chunk, so it must be precached too), Settings, and a reload.
 *
 * The app is served by a static server of the test's own (dist/, the production build), which is
 * stopped for real before going offline: the browser's offline switch alone does not cover the service
 * worker's own fetches, and a server still up could answer them.
 */
import { expect, test } from '@playwright/test';
import { ExportPanel, ImportPage } from '../pages/import-page';
import { SheetsPage } from '../pages/sheets-page';
import { serve } from '../static-site';

test('after one visit, every page works with the server stopped and the network off', async ({ browser }) => {
  test.setTimeout(180_000);
  const site = await serve('dist');
  // A context of its own, whose relative addresses resolve against the test's server.
  const context = await browser.newContext({ baseURL: site.url, locale: 'en-US' });
  const page = await context.newPage();
  const sheets = new SheetsPage(page);
  const app = sheets.app;

  // First visit: the service worker installs and precaches; the next load is served by it.
  await app.open();
  await app.waitForServiceWorker();
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // The host goes away: its port refuses connections.
  await site.stop();
  await expect(fetch(site.url)).rejects.toThrow();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Kehu' })).toBeVisible();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  // Create, edit, delete.
  // The sample data is generated in the page, so it loads offline too.
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(app.count('productLines')).toHaveText('6');
  const before = await app.countValue('customers');
  expect(before).toBeGreaterThan(0);
  await sheets.open();
  await sheets.button('Add row').click();
  await sheets.paste('Offline Keep Ltd\r\nOffline Trash Ltd\r\n');
  await expect(app.count('customers')).toHaveText((before + 2).toLocaleString('en-US'));
  await sheets.search().fill('Offline');
  await sheets.typeInto(await sheets.cellInRowWith('Offline Keep Ltd', 'name'), 'Offline Edited Ltd');
  await expect(sheets.grid().getByText('Offline Edited Ltd')).toBeVisible();
  const row = sheets.grid().locator('[role="row"][row-index]', { hasText: 'Offline Trash Ltd' }).first();
  const index = await row.getAttribute('row-index');
  await sheets.grid().locator(`[row-index="${index}"] input[type="checkbox"]`).first().check();
  await sheets.button(/Move selected to trash/).click();
  await expect(app.count('customers')).toHaveText((before + 1).toLocaleString('en-US'));

  // Import (the CSV worker is a separate chunk).
  const io = new ImportPage(page);
  await app.nav('Import / Export').click();
  await io.chooseTable('Customers');
  await io.chooseFile('utf8.csv');
  await io.check();
  await io.commit();
  await expect(io.message()).toContainText('Import finished: 3 new');
  await app.nav('Sheets').click();
  await expect(app.count('customers')).toHaveText((before + 4).toLocaleString('en-US'));
  await app.nav('Import / Export').click();

  // Export: the download happens and carries the rows.
  const csv = (await new ExportPanel(page).downloadSheet('Customers')).toString('utf8');
  expect(csv).toContain('Offline Edited Ltd');

  // Settings, and Analysis with a chart drawn by the lazily loaded Chart.js.
  await app.nav('Settings').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await app.nav('Analysis').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analysis' })).toBeVisible();
  await page.goto('./#/analysis/sales');
  await expect(page.getByRole('region', { name: 'Pipeline by stage' }).locator('canvas')).toBeVisible({
    timeout: 30_000,
  });

  // And the data is still there after an offline reload.
  await page.goto('./#/sheets');
  await page.reload();
  await expect(app.count('customers')).toHaveText((before + 4).toLocaleString('en-US'));
  await page.screenshot({ path: '/work/shots/weaktests/offline-after-reload.png' });
  await context.setOffline(false);
  // Network back, server still stopped: a new page of the site still opens, from the service worker.
  const again = await context.newPage();
  await again.goto('./#/sheets');
  await expect(again.getByTestId('count-customers')).toHaveText((before + 4).toLocaleString('en-US'));
  await context.close();
});
