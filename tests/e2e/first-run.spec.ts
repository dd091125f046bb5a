import { expect, test } from '@playwright/test';
import { KehuApp } from './pages/kehu-app';
import { SheetsPage } from './pages/sheets-page';
import { generateSampleData } from '../../src/domain/sample-data';

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

test('a new user loads the sample data and sees its counts, then removes it in one click', async ({
  page,
}) => {
  const app = new KehuApp(page);
  await app.open();
  await expect(page.getByRole('heading', { name: 'Welcome to Kehu' })).toBeVisible();
  for (const table of ['customers', 'deals', 'interactions', 'productLines'] as const) {
    await expect(app.count(table)).toHaveText('0');
  }

  await page.getByRole('button', { name: 'Load sample data' }).click();

  const expected = generateSampleData({ today: todayIso() });
  await expect(app.count('customers')).toHaveText(expected.customers.length.toLocaleString('en-US'));
  await expect(app.count('deals')).toHaveText(expected.deals.length.toLocaleString('en-US'));
  await expect(app.count('interactions')).toHaveText(expected.interactions.length.toLocaleString('en-US'));
  await expect(app.count('productLines')).toHaveText('6');
  await expect(page.getByRole('heading', { name: 'Welcome to Kehu' })).toBeHidden();
  const firstCustomer = expected.customers[0]!;
  const sheets = new SheetsPage(page);
  await expect(sheets.rowCount()).toHaveText(
    new RegExp(`^${expected.customers.length} of ${expected.customers.length} rows`),
  );
  await sheets.search().fill(firstCustomer.code);
  await expect(sheets.grid().getByText(firstCustomer.name, { exact: true })).toBeVisible();
  await expect(sheets.rowCount()).toHaveText(/^1 of /);

  await app.nav('Settings').click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Remove sample data' }).click();
  await expect(page.getByText('No sample data is loaded.')).toBeVisible();
  await app.nav('Sheets').click();
  await expect(app.count('customers')).toHaveText('0');
  await expect(app.count('deals')).toHaveText('0');
});

test.describe('in a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('the app opens in Simplified Chinese', async ({ page }) => {
    const app = new KehuApp(page);
    await app.open();
    await expect(page.getByRole('heading', { name: '欢迎使用 Kehu 客户' })).toBeVisible();
    await expect(app.nav('设置')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });
});

test.describe('in a Hong Kong browser', () => {
  test.use({ locale: 'zh-HK' });

  test('the app opens in Traditional Chinese', async ({ page }) => {
    const app = new KehuApp(page);
    await app.open();
    await expect(page.getByRole('heading', { name: '歡迎使用 Kehu 客戶' })).toBeVisible();
    await expect(app.nav('設定')).toBeVisible();
  });
});

test('switching the language changes every label at once and is remembered', async ({ page }) => {
  const app = new KehuApp(page);
  await app.open();
  await expect(app.nav('Settings')).toBeVisible();
  let loads = 0;
  page.on('load', () => (loads += 1));

  await app.languageSelect().selectOption('zh-TW');
  await expect(app.nav('設定')).toBeVisible();
  await expect(page.getByRole('heading', { name: '表格' })).toBeVisible();
  expect(loads).toBe(0);

  await app.languageSelect().selectOption('zh-CN');
  await expect(app.nav('设置')).toBeVisible();

  await page.reload();
  await expect(app.nav('设置')).toBeVisible();
});
