import { expect, test } from '@playwright/test';
import { computeAnalytics } from '../../src/domain/analytics/compute';
import type { DealFact } from '../../src/domain/analytics/contemporary-value';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { CustomerValueBlock } from './pages/customer-value';
import { SheetsPage } from './pages/sheets-page';

/** The owner's local date, as the app computes it, `daysAgo` days back. */
function localDay(daysAgo = 0): string {
  const now = new Date(Date.now() - daysAgo * 86_400_000);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

const cny = (minor: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }).format(
    minor / 100,
  );

/** The contemporary value the engine gives a customer whose only deal is `amount` cents, fully paid. */
function expectedValue(amount: number, closeDate: string): number {
  const deal: DealFact = {
    customerId: 'c',
    stage: 'won',
    closeDate,
    amount,
    cost: 0,
    serviceCost: 0,
    discount: 0,
    paidAmount: amount,
    dueDate: '',
  };
  const { metrics } = computeAnalytics({
    customers: [{ id: 'c', walletEstimate: null }],
    deals: [deal],
    interactions: [],
    settings: DEFAULT_SETTINGS,
    today: localDay(),
  });
  return metrics[0]!.contemporaryValue;
}

test('a deal edited in the sheet is what the next recompute reads (the packed deal copy follows the edit)', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const closeDate = localDay(10);
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.button('Add row').click();
  await sheets.paste('Packed Facts Co\tP-001\r\n');
  await expect(sheets.app.count('customers')).toHaveText('1');

  await sheets.tab('deals').click();
  await sheets.button('Add row').click();
  await page.keyboard.type('P-00');
  await page.getByRole('option', { name: 'P-001 · Packed Facts Co' }).click();
  await expect(sheets.app.count('deals')).toHaveText('1');
  await sheets.cell(0, 'stage').click();
  await sheets.paste(`Won\t${closeDate}\t${closeDate}\t1000\t0\t0\t0\t1000\r\n`);
  await expect(sheets.cell(0, 'stage')).toHaveText('Won');

  // Customer 360 through the link in the deal's customer cell (the figure also checks what was pasted:
  // an unpaid amount would carry interest).
  await sheets.cell(0, 'customerId').getByRole('link').click();
  const value = new CustomerValueBlock(page);
  await expect(value.region()).toBeVisible();
  await expect(value.figure('contemporaryValue')).toHaveText(cny(expectedValue(100_000, closeDate)), {
    timeout: 30_000,
  });
  const customerUrl = page.url();

  // One cell edit: amount and paid become 3 000; the recompute after it must see the new facts.
  await sheets.open('deals');
  const amount = sheets.cell(0, 'amount');
  await sheets.reveal(amount);
  await amount.click();
  await sheets.paste('3000\t0\t0\t0\t3000\r\n');
  await expect(amount).toHaveText('¥3,000.00');
  await page.goto(customerUrl);
  await expect(value.figure('contemporaryValue')).toHaveText(cny(expectedValue(300_000, closeDate)), {
    timeout: 30_000,
  });
  await page.screenshot({ path: '/tmp/shots-packed/customer-360-after-edit.png', fullPage: true });
});
