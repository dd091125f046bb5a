import { expect, test, type Page } from '@playwright/test';
import { SheetsPage, type Sheet } from './pages/sheets-page';

/**
 * A whole new row typed by keyboard alone, the way an owner enters data: "Add row", a value, Tab,
 * the next value, Tab…, Enter. Every value must be stored in the row it was typed in, whatever the
 * sort, and still be there after a reload. (The first value stores the row while the next cell is
 * already open: the case that lost every value after the first.)
 */

interface Case {
  sheet: Sheet;
  /** What is typed, cell after cell (empty: Tab past the cell). */
  typed: string[];
  /** A text that finds the new row with the search box. */
  find: string;
  /** Columns and what they show once stored. */
  shows: [colId: string, text: string][];
  sortColumn: string;
  count: RegExp;
}

const CASES: Case[] = [
  {
    sheet: 'customers',
    typed: ['Keyboard Trading Co', 'KB-0001', 'Wang Fang', '0571-88001122'],
    find: 'Keyboard Trading',
    shows: [
      ['name', 'Keyboard Trading Co'],
      ['code', 'KB-0001'],
      ['contactName', 'Wang Fang'],
      ['phone', '0571-88001122'],
    ],
    sortColumn: 'name',
    count: /^1 of 301 rows/,
  },
  {
    sheet: 'deals',
    // Customer, product line, title, stage, open date, close date, amount.
    typed: ['C0007', 'PL02', 'Keyboard deal', '', '', '', '12345'],
    find: 'Keyboard deal',
    shows: [
      ['title', 'Keyboard deal'],
      ['amount', '¥12,345.00'],
    ],
    sortColumn: 'title',
    count: /^1 of [\d,]+ rows/,
  },
  {
    sheet: 'interactions',
    // Customer, date, channel, type, satisfaction, summary.
    typed: ['C0007', '', '', '', '4', 'Asked about the spring order'],
    find: 'spring order',
    shows: [
      ['satisfaction', '4'],
      ['summary', 'Asked about the spring order'],
    ],
    sortColumn: 'summary',
    count: /^1 of [\d,]+ rows/,
  },
  {
    sheet: 'productLines',
    typed: ['PL77', 'Keyboard line', '500000'],
    find: 'Keyboard line',
    shows: [
      ['code', 'PL77'],
      ['name', 'Keyboard line'],
      ['marketSize', '¥500,000.00'],
    ],
    sortColumn: 'name',
    count: /^1 of [\d,]+ rows/,
  },
];

for (const c of CASES) {
  for (const sort of [null, 'descending'] as const) {
    test(`${c.sheet}: a row typed with Tab and Enter keeps every value (${sort ?? 'no'} sort)`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const sheets = new SheetsPage(page);
      await sheets.loadSample();
      await sheets.open(c.sheet);
      if (sort) await sheets.sortBy(c.sortColumn, sort);
      const colIds = c.shows.map(([colId]) => colId);
      const texts = c.shows.map(([, text]) => text);

      await sheets.typeNewRow(c.typed);
      await expect(sheets.problems().getByRole('listitem')).toHaveCount(0);
      // The row stays where it was typed, showing every value.
      const row = sheets.rowWith(c.find);
      await expect(row).toBeVisible();
      const index = Number(await row.getAttribute('row-index'));
      await expect.poll(() => sheets.rowTexts(index, colIds)).toEqual(texts);
      if (c.sheet !== 'customers' && c.sheet !== 'productLines')
        await expect(sheets.cell(index, 'customerId')).not.toHaveText('');

      await page.reload();
      await sheets.search().fill(c.find);
      await expect(sheets.rowCount()).toHaveText(c.count);
      await expect.poll(() => sheets.rowTexts(0, colIds)).toEqual(texts);
    });
  }
}

/**
 * Chinese typed with an input method straight into a selected cell (no double click, no Enter first):
 * the browser's own composition, driven through the DevTools protocol as an input method drives it
 * (composition text while the pinyin is typed, then the chosen characters committed).
 */
async function typeWithIme(page: Page, pinyin: string, chosen: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 1; i <= pinyin.length; i += 1) {
    await cdp.send('Input.imeSetComposition', {
      text: pinyin.slice(0, i),
      selectionStart: i,
      selectionEnd: i,
    });
  }
  await cdp.send('Input.insertText', { text: chosen });
  await cdp.detach();
}

test('a customer typed with an input method keeps every character, the first one included', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const sheets = new SheetsPage(page);
  await sheets.loadSample();
  await sheets.open('customers');
  await sheets.sortBy('name', 'descending');

  await sheets.button('Add row').click();
  await expect(sheets.grid().locator('.kehu-draft-row')).toBeVisible();
  await typeWithIme(page, 'zhangsanfeng', '张三丰商贸有限公司');
  await page.keyboard.press('Tab');
  await page.keyboard.type('IME-0001');
  await page.keyboard.press('Tab');
  await typeWithIme(page, 'wangfang', '王芳');
  await page.keyboard.press('Enter');
  await expect(sheets.problems().getByRole('listitem')).toHaveCount(0);
  await expect(sheets.app.count('customers')).toHaveText('301');

  const row = Number(await sheets.rowWith('张三丰商贸有限公司').getAttribute('row-index'));
  await expect
    .poll(() => sheets.rowTexts(row, ['name', 'code', 'contactName']))
    .toEqual(['张三丰商贸有限公司', 'IME-0001', '王芳']);

  // A stored cell, selected and retyped the same way: the new text replaces the old, whole.
  const contact = sheets.cell(row, 'contactName');
  await contact.click();
  await typeWithIme(page, 'lilei', '李雷');
  await page.keyboard.press('Enter');
  await expect(contact).toHaveText('李雷');

  await page.reload();
  await sheets.search().fill('张三丰');
  await expect(sheets.rowCount()).toHaveText(/^1 of 301 rows/);
  await expect
    .poll(() => sheets.rowTexts(0, ['name', 'code', 'contactName']))
    .toEqual(['张三丰商贸有限公司', 'IME-0001', '李雷']);
});

test('a row typed while a search hides every row stays on screen and keeps every value', async ({ page }) => {
  test.setTimeout(120_000);
  const sheets = new SheetsPage(page);
  await sheets.loadSample();
  await sheets.open('customers');
  await sheets.search().fill('no customer is called this');
  await expect(sheets.rowCount()).toHaveText(/^0 of 300 rows/);

  await sheets.typeNewRow(['Search Typed Ltd', 'ST-0001', 'Zhao Lei']);
  // Still on screen after Enter, every value in place, though the search does not match it.
  const row = sheets.rowWith('Search Typed Ltd');
  await expect(row).toBeVisible();
  const index = Number(await row.getAttribute('row-index'));
  await expect
    .poll(() => sheets.rowTexts(index, ['name', 'code', 'contactName']))
    .toEqual(['Search Typed Ltd', 'ST-0001', 'Zhao Lei']);
  await expect(sheets.app.count('customers')).toHaveText('301');

  await page.reload();
  await sheets.search().fill('Search Typed');
  await expect(sheets.rowCount()).toHaveText(/^1 of 301 rows/);
  await expect
    .poll(() => sheets.rowTexts(0, ['name', 'code', 'contactName']))
    .toEqual(['Search Typed Ltd', 'ST-0001', 'Zhao Lei']);
});
