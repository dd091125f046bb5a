import { expect, test } from '@playwright/test';
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
