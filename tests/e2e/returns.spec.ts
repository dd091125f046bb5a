/**
 * Returns and credit notes (issue 21): a deal with a negative amount, typed in the Deals sheet, is
 * accepted, marked as a return, shown in Customer 360, and lowers the customer's net value; a customer
 * whose returns exceed the sales is below zero (tier Z, BZ). The figures are plain arithmetic on what
 * is typed (default settings: no handling cost, no cost ratio, paid in full, so no financial cost).
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CustomerValueBlock } from './pages/customer-value';
import { KehuApp } from './pages/kehu-app';
import { SheetsPage } from './pages/sheets-page';

const SHOTS = '/work/shots/returns';

/** The owner's local date, `daysAgo` days back. */
function localDay(daysAgo = 0): string {
  const now = new Date(Date.now() - daysAgo * 86_400_000);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Adds a deal as an owner does: Add row, then the row's cells from the customer on, copied from a sheet. */
async function addDeal(sheets: SheetsPage, customerCode: string, cells: string[]): Promise<void> {
  const before = await sheets.app.countValue('deals');
  await sheets.button('Add row').click();
  await sheets.paste(`${[customerCode, '', ...cells].join('\t')}\r\n`);
  await expect(sheets.app.count('deals')).toHaveText(String(before + 1));
}

/** Opens a customer's Customer 360 as an owner does: the Customer 360 page, the code typed in its box. */
async function openCustomer(page: Page, code: string): Promise<void> {
  await new KehuApp(page).nav('Customer 360').click();
  const box = page.getByRole('combobox', { name: 'Customer' });
  await box.fill(code);
  await box.press('Enter');
  await expect(new CustomerValueBlock(page).region()).toBeVisible();
}

test('a return typed in the Deals sheet is marked, shown in Customer 360 and lowers net value; more returns than sales is Z', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const sold = localDay(10);
  const returned = localDay(5);
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.button('Add row').click();
  await sheets.paste('Return Co\tR-001\r\n');
  await sheets.button('Add row').click();
  await sheets.paste('Over Returned Co\tR-002\r\n');
  await expect(sheets.app.count('customers')).toHaveText('2');

  // Two sales, paid in full: ¥1 000 to Return Co, ¥500 to Over Returned Co.
  await sheets.tab('deals').click();
  await addDeal(sheets, 'R-001', ['Sale to Return Co', 'Won', sold, sold, '1000', '0', '0', '0', '1000']);
  await addDeal(sheets, 'R-002', ['Sale to Over Co', 'Won', sold, sold, '500', '0', '0', '0', '500']);

  const value = new CustomerValueBlock(page);
  await openCustomer(page, 'R-001');
  await expect(value.figure('contemporaryValue')).toHaveText('¥1,000.00', { timeout: 30_000 });
  const returnCo = page.url();

  // The return: a won deal whose amount is typed as −300, and nothing refuses it.
  await sheets.open('deals');
  await addDeal(sheets, 'R-001', ['Faulty units returned', 'Won', returned, returned]);
  const amount = await sheets.cellInRowWith('Faulty units returned', 'amount');
  await sheets.typeInto(amount, '-300');
  await expect(amount).toHaveText('-¥300.00');
  await expect(sheets.problems()).toHaveText('');
  await expect(await sheets.cellInRowWith('Faulty units returned', 'kind')).toHaveText('Return / credit');
  // Only that row is marked: the two sales are not.
  await expect(
    sheets.grid().locator('[role="gridcell"][col-id="kind"]', { hasText: 'Return / credit' }),
  ).toHaveCount(1);

  // A credit note larger than the sale for the other customer (the sheet opened afresh: Enter on the
  // last row above left an empty draft row below it).
  await page.reload();
  await expect(sheets.grid()).toBeVisible();
  await addDeal(sheets, 'R-002', ['Credit note', 'Won', returned, returned]);
  await sheets.typeInto(await sheets.cellInRowWith('Credit note', 'amount'), '-800');
  await expect(await sheets.cellInRowWith('Credit note', 'kind')).toHaveText('Return / credit');

  // Customer 360: the return is listed as one, and the net value is 1 000 − 300.
  await page.goto(returnCo);
  await expect(value.figure('contemporaryValue')).toHaveText('¥700.00', { timeout: 30_000 });
  await expect(value.figure('tier')).toHaveText('A');
  const deals = page.getByRole('region', { name: 'Deals' });
  await expect(deals.getByRole('row', { name: /Faulty units returned/ })).toContainText('Return / credit');
  await expect(deals.getByRole('row', { name: /Sale to Return Co/ })).not.toContainText('Return / credit');
  const why = await value.explain('contemporaryValue');
  await expect(why).toContainText('net revenue ¥700.00 (returns and credit notes -¥300.00 taken off)');
  // A return is not a purchase: one purchase, no repeat.
  await expect(await value.explain('rfm')).toContainText('1 purchases (orders) in the window');

  // Over Returned Co: 500 − 800 = −300, below zero.
  await openCustomer(page, 'R-002');
  await expect(value.figure('contemporaryValue')).toHaveText('-¥300.00', { timeout: 30_000 });
  await expect(value.figure('tier')).toHaveText('Z (below zero)');
  await expect(value.figure('valueClass')).toHaveText('BZ — below zero');

  // The same Customer 360 in Simplified Chinese, for the owner's eyes.
  await page.goto(returnCo);
  await sheets.app.languageSelect().selectOption('zh-CN');
  await expect(page.getByRole('region', { name: '交易' })).toContainText('退货/贷项');
  await expect(value.figure('tier')).toHaveText('A 类');
  // (The language is a setting, so saving it brings a recompute: wait for the figures to be fresh.)
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('', { timeout: 30_000 });
  await expect(value.figure('contemporaryValue')).toHaveText('¥700.00');
  await value.explain('contemporaryValue');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/customer-360-returns-zh-CN.png`, fullPage: true });
});

test('with no cost in the file, the cost ratio set in Settings is used and the value explanation says so', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const sold = localDay(10);
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.button('Add row').click();
  await sheets.paste('No Cost Co\tN-001\r\n');
  await sheets.tab('deals').click();
  // A sale of ¥1 000 with no cost of goods, and one of ¥500 whose cost (¥100) is known.
  await addDeal(sheets, 'N-001', ['Sale without cost', 'Won', sold, sold, '1000', '0', '0', '0', '1000']);
  await addDeal(sheets, 'N-001', ['Sale with cost', 'Won', sold, sold, '500', '100', '0', '0', '500']);
  await openCustomer(page, 'N-001');
  const value = new CustomerValueBlock(page);
  await expect(value.figure('contemporaryValue')).toHaveText('¥1,400.00', { timeout: 30_000 });
  const customer = page.url();

  // Settings: the field is there, at 0 % (nothing estimated) until the owner sets it.
  await page.getByRole('link', { name: 'Settings' }).click();
  const ratio = page.getByRole('textbox', {
    name: 'Cost of goods of a deal with no cost (% of its revenue)',
  });
  await expect(ratio).toHaveValue('0');
  await ratio.fill('60');
  await page.getByRole('button', { name: 'Save and recompute' }).click();
  await expect(page.getByText('Settings saved; the figures are being recomputed.')).toBeVisible();

  // 1 000 − 600 (estimated) + 500 − 100 (its own cost, kept) = 800.
  await page.goto(customer);
  await expect(value.figure('contemporaryValue')).toHaveText('¥800.00', { timeout: 30_000 });
  await expect(await value.explain('contemporaryValue')).toContainText(
    'Cost of goods includes ¥600.00 estimated at 60% of revenue, from Settings, for the deals that carry no cost.',
  );
});
