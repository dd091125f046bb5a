/**
 * A default cost ratio per product line (issue 21, item 6): set in the Product lines sheet, it prices
 * the goods of that line's deals that carry no cost, ahead of the ratio in Settings; Customer 360 says
 * which ratio it used. Plain arithmetic on what is typed (no handling cost, paid in full).
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CustomerValueBlock } from './pages/customer-value';
import { KehuApp } from './pages/kehu-app';
import { SheetsPage } from './pages/sheets-page';

const SHOTS = '/work/shots/plcost';

function localDay(daysAgo = 0): string {
  const now = new Date(Date.now() - daysAgo * 86_400_000);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

test('a cost ratio typed on a product line lowers its customers’ value, and Customer 360 names the line', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const sold = localDay(10);
  const sheets = new SheetsPage(page);
  await sheets.openEmpty('productLines');
  await sheets.button('Add row').click();
  await sheets.paste('P1\tPumps\r\n');
  await expect(sheets.app.count('productLines')).toHaveText('1');

  await sheets.tab('customers').click();
  await sheets.button('Add row').click();
  await sheets.paste('Pump Buyer Co\tL-001\r\n');
  await expect(sheets.app.count('customers')).toHaveText('1');

  // Two sales of the Pumps line, paid in full: ¥1 000 with no cost, ¥400 whose cost (¥100) is known;
  // and ¥200 with no product line and no cost.
  await sheets.tab('deals').click();
  for (const [line, title, amount, cost] of [
    ['P1', 'Pump, no cost', '1000', '0'],
    ['P1', 'Pump with cost', '400', '100'],
    ['', 'Spare parts', '200', '0'],
  ]) {
    const before = await sheets.app.countValue('deals');
    await sheets.button('Add row').click();
    await sheets.paste(
      `L-001\t${line}\t${title}\tWon\t${sold}\t${sold}\t${amount}\t${cost}\t0\t0\t${amount}\r\n`,
    );
    await expect(sheets.app.count('deals')).toHaveText(String(before + 1));
  }

  const value = new CustomerValueBlock(page);
  await new KehuApp(page).nav('Customer 360').click();
  const box = page.getByRole('combobox', { name: 'Customer' });
  await box.fill('L-001');
  await box.press('Enter');
  // No ratio anywhere yet: only the known cost is taken off. 1 000 + 400 − 100 + 200 = 1 500.
  await expect(value.figure('contemporaryValue')).toHaveText('¥1,500.00', { timeout: 30_000 });
  const customer = page.url();

  // The owner types 55 (%) in the Pumps line's cost ratio; 120 is refused, naming the reason.
  await sheets.open('productLines');
  const ratio = await sheets.cellInRowWith('Pumps', 'costRatio');
  await sheets.typeInto(ratio, '120');
  await expect(sheets.problems()).not.toHaveText('');
  await expect(ratio).not.toHaveText('120%');
  await page.keyboard.press('Escape');
  await sheets.typeInto(ratio, '55');
  await expect(ratio).toHaveText('55%');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/product-lines-cost-ratio.png` });

  // 1 000 − 550 (estimated at the line's 55 %) + 400 − 100 (its own cost, kept) + 200 (no line, and
  // Settings has no ratio: nothing estimated) = 950.
  await page.goto(customer);
  await expect(value.figure('contemporaryValue')).toHaveText('¥950.00', { timeout: 30_000 });
  const why = await value.explain('contemporaryValue');
  await expect(why).toContainText(
    'Cost of goods includes ¥550.00 estimated at 55% of revenue, from product line Pumps, for the deals that carry no cost.',
  );
  await expect(why).toContainText('Cost ratio of product line Pumps');

  // With 60 % in Settings too, the line keeps its own 55 % and the deal with no line takes 60 %:
  // 950 − 120 = 830.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page
    .getByRole('textbox', { name: 'Cost of goods of a deal with no cost (% of its revenue)' })
    .fill('60');
  await page.getByRole('button', { name: 'Save and recompute' }).click();
  await expect(page.getByText('Settings saved; the figures are being recomputed.')).toBeVisible();
  await page.goto(customer);
  await expect(value.figure('contemporaryValue')).toHaveText('¥830.00', { timeout: 30_000 });

  // The same in Simplified Chinese, for the owner's eyes.
  await sheets.app.languageSelect().selectOption('zh-CN');
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('', { timeout: 30_000 });
  await expect(value.figure('contemporaryValue')).toHaveText('¥830.00');
  await expect(await value.explain('contemporaryValue')).toContainText(
    '未填成本的订单：成本按收入的 55% 估算（产品线 Pumps）和成本按收入的 60% 估算（来自设置），共 ¥670.00。',
  );
  await page.screenshot({ path: `${SHOTS}/customer-360-line-cost-ratio-zh-CN.png`, fullPage: true });
});
