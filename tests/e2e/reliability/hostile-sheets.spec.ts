/**
 * Promise 6, hostile input typed by the owner: an HTML/script payload pasted into every column of
 * every sheet (the text columns keep it, the typed ones refuse it) is shown as text in the grid, in
 * Customer 360, on the dashboards and in the product-portfolio views, and runs nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { SheetsPage, type Sheet } from '../pages/sheets-page';

const PAYLOAD = '<img src=x onerror=window.__pwned=1>';
const SHEETS: Sheet[] = ['customers', 'productLines', 'deals', 'interactions'];

async function untouched(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
}

test('a payload in every field of every sheet shows as text everywhere and runs nothing', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const sheets = new SheetsPage(page);
  await sheets.app.open();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(sheets.app.count('productLines')).toHaveText('6', { timeout: 30_000 });

  for (const sheet of SHEETS) {
    await sheets.open(sheet);
    const columns = await sheets.grid().locator('.ag-header-cell[col-id]').count();
    await sheets.button('Add row').click();
    await expect(sheets.grid().locator('.kehu-draft-row').first()).toBeVisible();
    await sheets.paste(`${Array.from({ length: columns }, () => PAYLOAD).join('\t')}\r\n`);
    await sheets.search().fill('onerror');
    await expect(sheets.grid().getByText(PAYLOAD).first(), `${sheet}: the payload as text`).toBeVisible();
    await untouched(page);
    await sheets.search().fill('');
  }

  // Customer 360 of the customer whose name is the payload.
  await sheets.app.nav('Customer 360').click();
  const picker = page.getByRole('combobox', { name: 'Customer' });
  await picker.fill(PAYLOAD);
  const option = page.locator('#customer-options option').first();
  await expect(option).toHaveAttribute('value', new RegExp('onerror'));
  await picker.fill((await option.getAttribute('value')) ?? '');
  await picker.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: PAYLOAD })).toBeVisible();
  await untouched(page);

  // Dashboards (the filter menus list regions and industries typed by the owner) and the portfolio.
  for (const section of ['value', 'loyalty', 'sales', 'follow-up', 'rating', 'portfolio']) {
    await page.goto(`./#/analysis/${section}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Analysis' })).toBeVisible();
    await page.waitForTimeout(500);
    await untouched(page);
  }
  await expect(page.getByText(PAYLOAD).first()).toBeVisible();
});
