import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SheetsPage } from './pages/sheets-page';

test('"Export this view" writes only the filtered rows, in the sorted order, with the visible columns', async ({
  page,
}) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.button('Add row').click();
  await sheets.paste(
    'Alpha Trading\tC9003\tWang Fang\r\n' +
      'Beta Foods\tC9001\tLi Lei\r\n' +
      'Gamma Trading\tC9005\tZhang San\r\n' +
      'Delta Trading\tC9002\tZhao Min\r\n' +
      'Epsilon Tools\tC9004\tSun Li\r\n',
  );
  await expect(sheets.app.count('customers')).toHaveText('5');

  // Filter: three of the five; sort: customer code, descending; hide the Contact column.
  await sheets.search().fill('Trading');
  await expect(sheets.rowCount()).toHaveText('3 of 5 rows');
  const codeHeader = sheets.grid().locator('.ag-header-cell[col-id="code"] .ag-header-cell-label');
  await codeHeader.click();
  await expect(sheets.grid().locator('.ag-header-cell[col-id="code"]')).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await page.getByText('Columns', { exact: true }).click();
  await page.getByRole('group', { name: 'Columns' }).getByLabel('Contact', { exact: true }).uncheck();
  await expect(sheets.grid().locator('.ag-header-cell[col-id="contactName"]')).toHaveCount(0);

  // The computed Tier column, once the value engine has filled it, is exported as shown (scrolled
  // into view: the grid renders only the columns on screen).
  await page
    .locator('.ag-body-horizontal-scroll-viewport')
    .evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const tierCell = (i: number) => sheets.cell(i, 'm.tier');
  await expect(tierCell(0)).not.toHaveText('');
  const shownTiers = await Promise.all([0, 1, 2].map((i) => tierCell(i).innerText()));

  const download = page.waitForEvent('download');
  await (await sheets.moreAction('Export this view')).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^kehu-customers-view-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await file.path()) ?? '');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines.at(-1)).toBe('');
  const header = lines[0]!.split(',');
  // The pinned Name column first, then the sheet's order, without the hidden Contact column.
  expect(header.slice(0, 3)).toEqual(['Name', 'Customer code', 'Phone']);
  expect(header).not.toContain('Contact');
  // 16 stored columns, then the computed ones shown by default (read-only, in the grid's order).
  expect(header.slice(16)).toEqual(['Tier', 'RFM', 'P(alive) (%)', 'Potential value', 'Lifecycle', 'Grade']);
  const rows = lines.slice(1, -1).map((line) => line.split(','));
  expect(rows.map((r) => [r[0], r[1]])).toEqual([
    ['Gamma Trading', 'C9005'],
    ['Alpha Trading', 'C9003'],
    ['Delta Trading', 'C9002'],
  ]);
  expect(rows.map((r) => r[16])).toEqual(shownTiers);
  expect(bytes.toString('utf8')).not.toContain('Zhang San');
  await expect(page.getByText('3 rows exported.')).toBeVisible();
});
