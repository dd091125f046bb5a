/** Issue 24, item 4 (no dangling links): a deal of a customer in the trash says so, never a raw id. */
import { expect, test } from '@playwright/test';
import { SheetsPage } from './pages/sheets-page';

test('a deal whose customer is in the trash shows “(in trash)” beside the name, not a UUID', async ({
  page,
}) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.button('Add row').click();
  await sheets.paste('Trashed Buyer Ltd\tL-001\r\n');
  await expect(sheets.app.count('customers')).toHaveText('1');

  await sheets.tab('deals').click();
  await sheets.button('Add row').click();
  await page.keyboard.type('L-00');
  await page.getByRole('option', { name: 'L-001 · Trashed Buyer Ltd' }).click();
  await expect(sheets.app.count('deals')).toHaveText('1');
  await expect(sheets.cell(0, 'customerId')).toHaveText('Trashed Buyer Ltd↗');

  await sheets.tab('customers').click();
  await sheets.grid().locator('[row-index="0"] input[type="checkbox"]').first().check();
  await sheets.button(/Move selected to trash/).click();
  await expect(sheets.app.count('customers')).toHaveText('0');

  await sheets.tab('deals').click();
  await expect(sheets.cell(0, 'customerId')).toHaveText('Trashed Buyer Ltd (in trash)↗');
  await expect(sheets.grid()).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  await page.screenshot({ path: '/work/shots/safety/deal-of-trashed-customer.png' });
});
