/** Issue 24, item 4: any address shows a page; an unknown or malformed one shows "not found" and a way home. */
import { expect, test } from '@playwright/test';
import { KehuApp } from './pages/kehu-app';

test('a malformed or unknown address shows "not found" with a link home, never a blank page', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const app = new KehuApp(page);
  for (const address of ['#/customer/%', '#/no-such-page']) {
    await page.goto(`./${address}`);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByText(`There is no page at this address: “${address}”.`)).toBeVisible();
    await expect(app.nav('Sheets')).toBeVisible();
  }
  await page.screenshot({ path: '/work/shots/safety/not-found.png' });
  await page.getByRole('link', { name: 'Go to the sheets' }).click();
  await expect(page.getByRole('tab', { name: 'Customers' })).toBeVisible();
  expect(errors).toEqual([]);
});
