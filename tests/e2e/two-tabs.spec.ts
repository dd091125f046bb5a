import { expect, test } from '@playwright/test';
import { SheetsPage } from './pages/sheets-page';

test('a customer added in one tab shows in the other within a second', async ({ context }) => {
  const first = new SheetsPage(await context.newPage());
  const second = new SheetsPage(await context.newPage());
  await first.openEmpty();
  await second.openEmpty();

  await first.addRow([['name', 'Seen In Both Tabs Ltd']]);
  await expect(first.app.count('customers')).toHaveText('1');
  await expect(second.grid().getByText('Seen In Both Tabs Ltd')).toBeVisible({ timeout: 1_000 });
  await expect(second.app.count('customers')).toHaveText('1', { timeout: 1_000 });
});

test('a schema upgrade in another tab makes this tab offer a reload instead of blocking it', async ({
  context,
}) => {
  const sheets = new SheetsPage(await context.newPage());
  const app = sheets.app;
  await sheets.openEmpty();
  await sheets.addRow([['name', 'Kept Through The Upgrade']]);
  await expect(app.count('customers')).toHaveText('1');

  // Another tab opens the database with a newer version, as a newer app version would.
  const other = await context.newPage();
  await other.goto('./');
  const upgraded = await other.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const request = indexedDB.open('kehu', 10_000);
        request.onblocked = () => resolve('blocked');
        request.onsuccess = () => {
          const names = [...request.result.objectStoreNames];
          request.result.close();
          resolve(`opened with ${names.length} stores`);
        };
        request.onerror = () => resolve(`error ${request.error?.name ?? ''}`);
      }),
  );
  expect(upgraded).toMatch(/^opened with \d+ stores$/);

  await expect(app.storageBanner()).toContainText('Kehu was updated in another tab');
  await expect(app.storageBanner().getByRole('button', { name: 'Reload' })).toBeVisible();
});
