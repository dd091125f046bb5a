/**
 * Issue 9, promise 6 (part): an imported file with HTML and script in its headers and cells shows them
 * as text in the mapping step, the preview, the problems list and the sheet, and runs nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { ImportPage } from '../pages/import-page';
import { SheetsPage } from '../pages/sheets-page';

const PAYLOAD = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';

async function untouched(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // No element was made from the payload anywhere in the page.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
}

test('HTML and script in an imported file’s headers and cells are shown as text and run nothing', async ({
  page,
}) => {
  const io = new ImportPage(page);
  await io.open();
  await io.chooseTable('Deals');
  const csv = [
    `订单号,客户名称,阶段,下单日期,金额,${PAYLOAD}`,
    `H1,${SCRIPT},赢单,2024-01-05,100,${PAYLOAD}`,
    `H2,"${PAYLOAD.replace(/"/g, '""')}",赢单,2024-01-06,${SCRIPT},x`,
  ].join('\r\n');
  await io.chooseFile({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\r\n`) });
  await page.getByLabel('Create customers that do not exist yet').check();

  // Mapping step and preview: the header and the cells are text.
  await expect(io.mappingFor(PAYLOAD)).toBeVisible();
  await expect(io.preview()).toContainText(SCRIPT);
  await expect(io.preview()).toContainText(PAYLOAD);
  await untouched(page);

  // Problems list: the bad amount is quoted as text.
  await io.check();
  await expect(io.summary()).toHaveText('1 new, 0 updated, 0 unchanged, 1 rejected');
  await expect(io.problems()).toContainText(SCRIPT);
  await untouched(page);
  await page.screenshot({ path: '/tmp/shots-rel/hostile-import-problems.png', fullPage: true });

  await io.commit();
  await expect(io.message()).toContainText('Import finished: 1 new');
  await io.app.nav('Sheets').click();
  const sheets = new SheetsPage(page);
  await sheets.tab('customers').click();
  await expect(sheets.grid().getByText(SCRIPT)).toBeVisible();
  await untouched(page);
});
