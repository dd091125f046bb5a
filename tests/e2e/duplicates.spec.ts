import { expect, test, type Locator, type Page } from '@playwright/test';
import { ImportPage } from './pages/import-page';
import { SheetsPage } from './pages/sheets-page';
import { countOrphanLinks, NO_ORPHANS } from './reliability/raw-db';

const SHOTS = process.env.KEHU_SHOTS;

/** Types Chinese text as an input method does: open the cell's editor (F2), then the text arrives. */
async function typeText(sheets: SheetsPage, cell: Locator, text: string): Promise<void> {
  await sheets.reveal(cell);
  await cell.click();
  await sheets.page.keyboard.press('F2');
  await expect(sheets.grid().locator('.ag-cell-inline-editing')).toBeVisible();
  await sheets.page.keyboard.insertText(text);
  await sheets.page.keyboard.press('Enter');
}

async function addCustomer(sheets: SheetsPage, name: string, code: string, phone: string): Promise<void> {
  await sheets.button('Add row').click();
  const draft = sheets.grid().locator('.kehu-draft-row').first();
  await expect(draft).toBeVisible();
  await typeText(sheets, sheets.cell(Number(await draft.getAttribute('row-index')), 'name'), name);
  await expect(sheets.grid().getByText(name)).toBeVisible();
  await sheets.typeInto(await sheets.cellInRowWith(name, 'code'), code);
  // The sheet sorts by code: the row may move once the code is stored, so it is looked up again.
  await expect.poll(() => cellText(sheets, name, 'code')).toBe(code);
  if (phone) {
    await sheets.typeInto(await sheets.cellInRowWith(name, 'phone'), phone);
    await expect.poll(() => cellText(sheets, name, 'phone')).toBe(phone);
  }
}

async function cellText(sheets: SheetsPage, name: string, colId: string): Promise<string> {
  return (await (await sheets.cellInRowWith(name, colId)).textContent()) ?? '';
}

async function addLinked(
  sheets: SheetsPage,
  sheet: 'deals' | 'interactions',
  customer: string,
): Promise<void> {
  await sheets.tab(sheet).click();
  await expect(sheets.grid()).toBeVisible();
  await sheets.addRow([['customerId', customer]]);
}

function group(page: Page) {
  return page.getByRole('region', { name: /^Group 1 · score / });
}

test('three spellings of one firm are found, two merged with both histories, and the merge undone', async ({
  page,
}) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await addCustomer(sheets, '华成电子（深圳）', 'C0002', '13800138000');
  await addCustomer(sheets, '深圳市华成电子', 'C0003', '');
  await addCustomer(sheets, '深圳华成电子有限公司', 'C0001', '+86 138-0013-8000');
  await expect(sheets.app.count('customers')).toHaveText('3');

  // A code another customer holds is refused, naming that customer, whatever its case or width.
  const code = await sheets.cellInRowWith('深圳市华成电子', 'code');
  await typeText(sheets, code, 'ｃ0001');
  await expect(sheets.problems()).toContainText(
    'This code is already used by C0001 · 深圳华成电子有限公司; each customer needs its own code.',
  );
  await expect.poll(() => cellText(sheets, '深圳市华成电子', 'code')).toBe('C0003');

  await addLinked(sheets, 'deals', 'C0001');
  await addLinked(sheets, 'deals', 'C0002');
  await addLinked(sheets, 'interactions', 'C0002');
  await expect(sheets.app.count('deals')).toHaveText('2');
  await expect(sheets.app.count('interactions')).toHaveText('1');

  await sheets.tab('customers').click();
  await (await sheets.moreAction('Find duplicates')).click();
  await expect(page.getByRole('heading', { name: 'Duplicate customers' })).toBeVisible();
  await expect(page.getByText(/Groups of likely duplicates: 1, among 3 customers/)).toBeVisible();
  const found = group(page);
  await expect(found).toContainText('same name “华成电子”');
  await expect(found).toContainText('same phone 13800138000');
  await expect(found.getByRole('row')).toHaveCount(4); // header + the three spellings
  if (SHOTS) await shotInChinese(page, `${SHOTS}/finder-zh-CN.png`);

  await found.getByRole('button', { name: 'Merge… 华成电子（深圳）' }).click();
  await expect(page.getByRole('heading', { name: 'Merge two customers' })).toBeVisible();
  await expect(page.getByText('Moves 1 deals and 1 interactions.')).toBeVisible();
  const header = page.getByRole('columnheader');
  await expect(header.nth(1)).toContainText('C0001 · 深圳华成电子有限公司');
  await expect(header.nth(2)).toContainText('C0002 · 华成电子（深圳）');
  if (SHOTS) await shotInChinese(page, `${SHOTS}/merge-zh-CN.png`);
  await page.getByRole('button', { name: 'Merge', exact: true }).click();

  // Customer 360 of the kept customer holds both histories.
  await expect(page.getByRole('heading', { name: '深圳华成电子有限公司' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Deals' })).toContainText('Deals (2)');
  await expect(page.getByRole('region', { name: 'Contacts' })).toContainText('Contacts (1)');
  await expect(page.getByText(/Merged 华成电子（深圳） into 深圳华成电子有限公司/)).toBeVisible();
  expect(await countOrphanLinks(page)).toEqual(NO_ORPHANS);

  await page.getByRole('button', { name: 'Undo merge' }).click();
  await expect(page.getByText('Merge undone: both customers are back as they were.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Deals' })).toContainText('Deals (1)');
  await expect(page.getByRole('region', { name: 'Contacts' })).toContainText('Contacts (0)');
  expect(await countOrphanLinks(page)).toEqual(NO_ORPHANS);

  await sheets.open('customers');
  await expect(sheets.app.count('customers')).toHaveText('3');
  await expect(sheets.grid().getByText('华成电子（深圳）')).toBeVisible();
});

async function shotInChinese(page: Page, path: string): Promise<void> {
  const select = page.getByRole('banner').getByRole('combobox');
  await select.selectOption('zh-CN');
  await page.waitForTimeout(300);
  await page.screenshot({ path, fullPage: true });
  await select.selectOption('en');
  await page.waitForTimeout(300);
}

test('a customers file keyed by 统一社会信用代码 updates the customers it names, as the preview said', async ({
  page,
}) => {
  const io = new ImportPage(page);
  await io.open();
  await io.chooseTable('Customers');
  await io.chooseFile('utf8.csv');
  await io.check();
  await io.commit();
  await expect(io.message()).toContainText('Import finished: 3 new');

  await io.chooseFile({
    name: 'tax-ids.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      '统一社会信用代码,客户名称,地区\r\n9144 0300 7152 6726 XG,深圳市华强电子有限公司,华北\r\n91350100M000100Y43,闽江贸易有限公司,华东\r\n',
    ),
  });
  await page.getByLabel('Match existing rows on').selectOption({ label: 'Tax ID (统一社会信用代码)' });
  await io.check();
  await expect(io.summary()).toHaveText('1 new, 1 updated, 0 unchanged, 0 rejected');
  const change = page.getByRole('listitem').filter({ hasText: '→ C001 · 深圳市华强电子有限公司' });
  await expect(change).toContainText('华南 → 华北');
  await io.commit();
  await expect(io.message()).toContainText('Import finished: 1 new');
  expect(await countOrphanLinks(page)).toEqual(NO_ORPHANS);

  const sheets = new SheetsPage(page);
  await sheets.open('customers');
  await expect(sheets.app.count('customers')).toHaveText('4');
  await expect.poll(() => cellText(sheets, '深圳市华强电子有限公司', 'region')).toBe('华北');
  await expect(sheets.grid().getByText('闽江贸易有限公司')).toBeVisible();
});

test('removing the sample data keeps a sample customer the owner logged a contact with', async ({ page }) => {
  const sheets = new SheetsPage(page);
  await sheets.app.open();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Kehu' })).toBeHidden();
  const before = await sheets.app.countValue('interactions');
  await sheets.open('interactions');
  await sheets.addRow([['customerId', 'C0001']]);
  await expect.poll(() => sheets.app.countValue('interactions')).toBe(before + 1);
  // An order of the owner's own customer, in one of the sample's product lines.
  await sheets.tab('customers').click();
  await sheets.addRow([['name', 'My Own Customer Ltd']]);
  const deals = await sheets.app.countValue('deals');
  await sheets.tab('deals').click();
  await sheets.addRow([
    ['code', 'MY-ORDER-1'],
    ['customerId', 'My Own Customer Ltd'],
    ['productLineId', 'PL01'],
  ]);
  await expect.poll(() => sheets.app.countValue('deals')).toBe(deals + 1);

  await sheets.app.nav('Settings').click();
  await page.getByRole('button', { name: 'Remove sample data' }).click();
  await expect(page.getByRole('alertdialog')).toContainText(
    '1 of your own deals and contacts belong to 1 sample customers.',
  );
  await page.getByRole('button', { name: 'Keep those customers' }).click();
  await expect(
    page.getByText('Sample data removed. 1 customers that carry your own rows were kept.'),
  ).toBeVisible();
  await expect(page.getByText('No sample data is loaded.')).toBeVisible();

  expect(await countOrphanLinks(page)).toEqual(NO_ORPHANS);

  await sheets.app.nav('Sheets').click();
  await expect(sheets.app.count('customers')).toHaveText('2');
  await expect(sheets.app.count('interactions')).toHaveText('1');
  await expect(sheets.app.count('deals')).toHaveText('1');
  // The sample product line the owner's order names stays, so the order still shows its name.
  await expect(sheets.app.count('productLines')).toHaveText('1');
  await sheets.tab('deals').click();
  await expect(await sheets.cellInRowWith('MY-ORDER-1', 'productLineId')).toHaveText('电子元器件');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/sample-removed-deal-keeps-line.png`, fullPage: true });
});
