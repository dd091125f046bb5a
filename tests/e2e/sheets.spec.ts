import { expect, test } from '@playwright/test';
import { SheetsPage } from './pages/sheets-page';

test('an edited cell persists across a reload', async ({ page }) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.addRow([['name', 'Acme Trading']]);
  await expect(sheets.app.count('customers')).toHaveText('1');

  await sheets.typeInto(await sheets.cellInRowWith('Acme Trading', 'phone'), '0571-88886666');
  await expect(await sheets.cellInRowWith('Acme Trading', 'phone')).toHaveText('0571-88886666');

  await page.reload();
  await expect(await sheets.cellInRowWith('Acme Trading', 'phone')).toHaveText('0571-88886666');
});

test('a bad number is refused with a visible message, and nothing is saved', async ({ page }) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.addRow([['name', 'Numbers Ltd']]);
  const wallet = await sheets.cellInRowWith('Numbers Ltd', 'walletEstimate');

  await sheets.typeInto(wallet, 'abc');
  await expect(sheets.problems()).toContainText('Wallet estimate: “abc” was not saved. Enter a number.');
  await expect(wallet).toHaveClass(/kehu-invalid/);
  // The cell's tooltip (its title) gives the message too.
  await expect(wallet).toHaveAttribute('title', /Enter a number/);
  await expect(wallet).toHaveText('');

  await sheets.typeInto(wallet, '1,234.5');
  await expect(wallet).toHaveText('¥1,234.50');
  await page.reload();
  await expect(await sheets.cellInRowWith('Numbers Ltd', 'walletEstimate')).toHaveText('¥1,234.50');
});

test('pasting a 4 × 3 block creates the rows with the right values, and one Ctrl+Z removes them', async ({
  page,
}) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.button('Add row').click();
  // The cursor is in the new row's Name cell; the block fills Name, Customer code, Contact.
  await sheets.paste(
    '杭州瑞丰贸易有限公司\tC9001\t王芳\r\n' +
      'Ningbo "Sea" Ltd\tC9002\tLi Lei\r\n' +
      '"Two-line\nName Co"\tC9003\t\r\n' +
      '上海一二三商贸\tC9004\t张三\r\n',
  );
  await expect(sheets.app.count('customers')).toHaveText('4');
  await expect(page.getByText('Pasted: 0 rows changed, 4 rows added.')).toBeVisible();
  for (const [name, code, contact] of [
    ['杭州瑞丰贸易有限公司', 'C9001', '王芳'],
    ['Ningbo "Sea" Ltd', 'C9002', 'Li Lei'],
    ['上海一二三商贸', 'C9004', '张三'],
  ] as const) {
    await expect(await sheets.cellInRowWith(name, 'code')).toHaveText(code);
    await expect(await sheets.cellInRowWith(name, 'contactName')).toHaveText(contact);
  }
  await expect(await sheets.cellInRowWith('C9003', 'name')).toContainText('Two-line');

  await page.keyboard.press('Control+z');
  await expect(sheets.app.count('customers')).toHaveText('0');
  await expect(sheets.grid().getByText('杭州瑞丰贸易有限公司')).toHaveCount(0);
});

test('a new row stays at the bottom in either sort direction, below rows added while it is open', async ({
  page,
  context,
}) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.button('Add row').click();
  await sheets.paste('Beta Foods\tC9001\r\nAlpha Trading\tC9003\r\n');
  await expect(sheets.app.count('customers')).toHaveText('2');
  const draft = sheets.grid().locator('.kehu-draft-row');
  const codes = async () => Promise.all([0, 1, 2].map((i) => sheets.cell(i, 'code').innerText()));

  // The pasted rows are stored; the row "Add row" opened stays, empty, below them.
  await expect(draft).toHaveAttribute('row-index', '2');
  expect(await codes()).toEqual(['C9001', 'C9003', '']);
  // Customer code, descending: the stored rows turn round, the new row stays last.
  await sheets.grid().locator('.ag-header-cell[col-id="code"] .ag-header-cell-label').click();
  await expect(sheets.grid().locator('.ag-header-cell[col-id="code"]')).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  expect(await codes()).toEqual(['C9003', 'C9001', '']);

  // A customer added in a second page lands among the stored rows, above the new row.
  const second = new SheetsPage(await context.newPage());
  await second.open();
  await second.button('Add row').click();
  await second.paste('Gamma Tools\tC9002\r\n');
  await expect(sheets.app.count('customers')).toHaveText('3');
  await expect(draft).toHaveAttribute('row-index', '3');
  expect(await Promise.all([0, 1, 2].map((i) => sheets.cell(i, 'code').innerText()))).toEqual([
    'C9003',
    'C9002',
    'C9001',
  ]);
  // Unsorted, rows keep the order they came in, and the new row is still last.
  await sheets.grid().locator('.ag-header-cell[col-id="code"] .ag-header-cell-label').click();
  await expect(sheets.grid().locator('.ag-header-cell[col-id="code"]')).not.toHaveAttribute(
    'aria-sort',
    /ascending|descending/,
  );
  await expect(draft).toHaveAttribute('row-index', '3');
});

test('a pasted block keeps its good cells and reports the bad ones by row and column', async ({ page }) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.button('Add row').click();
  await sheets.paste('Good Co\tC1\r\n\tC2\r\n');
  await expect(sheets.app.count('customers')).toHaveText('1');
  await expect(sheets.problems()).toContainText('A new row needs Name; this row was not added.');
});

test('row boxes select one row, a Shift+click range, and the header box every row', async ({ page }) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.button('Add row').click();
  await sheets.paste('Alpha Ltd\tC1\r\nBeta Ltd\tC2\r\nGamma Ltd\tC3\r\nDelta Ltd\tC4\r\n');
  await expect(sheets.app.count('customers')).toHaveText('4');
  const box = (row: number) => sheets.grid().locator(`[row-index="${row}"] .ag-selection-checkbox input`);
  await expect(box(3)).toBeVisible();

  await box(0).check();
  await expect(page.getByText('4 of 4 rows · 1 selected')).toBeVisible();
  await box(2).click({ modifiers: ['Shift'] });
  await expect(page.getByText('4 of 4 rows · 3 selected')).toBeVisible();
  await expect(box(1)).toBeChecked();
  await expect(box(3)).not.toBeChecked();
  await box(1).uncheck();
  await expect(page.getByText('4 of 4 rows · 2 selected')).toBeVisible();

  await sheets.grid().locator('.ag-header-select-all input').check();
  // Every row shown: the four stored ones and the new (draft) row under them.
  await expect(page.getByText('4 of 4 rows · 5 selected')).toBeVisible();
  for (const row of [0, 1, 2, 3, 4]) await expect(box(row)).toBeChecked();
  await sheets.grid().locator('.ag-header-select-all input').uncheck();
  await expect(box(0)).not.toBeChecked();
  await expect(sheets.button('Move selected to trash')).toBeDisabled();
});

test('deleted rows go to the trash and come back', async ({ page }) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.button('Add row').click();
  await sheets.paste('Keep Ltd\r\nTrash Me Ltd\r\n');
  await expect(sheets.app.count('customers')).toHaveText('2');

  const row = sheets.grid().locator('[role="row"][row-index]', { hasText: 'Trash Me Ltd' }).first();
  const index = await row.getAttribute('row-index');
  await sheets.grid().locator(`[row-index="${index}"] input[type="checkbox"]`).first().check();
  await sheets.button(/Move selected to trash/).click();
  await expect(sheets.app.count('customers')).toHaveText('1');
  await expect(sheets.grid().getByText('Trash Me Ltd')).toHaveCount(0);

  await sheets.button('Trash (1)').click();
  await sheets.trash().getByRole('button', { name: 'Restore: Trash Me Ltd' }).click();
  await expect(sheets.app.count('customers')).toHaveText('2');
  await expect(sheets.grid().getByText('Trash Me Ltd')).toBeVisible();
  await expect(sheets.trash().getByText('The trash is empty.')).toBeVisible();
});

test('a saved view survives a reload', async ({ page }) => {
  // The grid reports a missing module or a bad option as a console error: there must be none.
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.button('Add row').click();
  await sheets.paste('杭州一号\tH1\r\n宁波二号\tN2\r\n杭州三号\tH3\r\n');
  await expect(sheets.app.count('customers')).toHaveText('3');

  await sheets.search().fill('杭州');
  await expect(sheets.rowCount()).toHaveText(/^2 of 3 rows/);
  await sheets.button('Save view…').click();
  await page.getByRole('textbox', { name: 'Name of the view' }).fill('Hangzhou');
  await page.getByRole('button', { name: 'Save view', exact: true }).click();
  await expect(page.getByText('View “Hangzhou” saved.')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'View' })).toHaveValue('Hangzhou');
  await expect(sheets.search()).toHaveValue('杭州');
  await expect(sheets.rowCount()).toHaveText(/^2 of 3 rows/);
  await expect(sheets.grid().getByText('宁波二号')).toHaveCount(0);

  await page.getByRole('combobox', { name: 'View' }).selectOption('');
  await expect(sheets.rowCount()).toHaveText(/^3 of 3 rows/);
  expect(consoleErrors).toEqual([]);
});

test('a change made in one page appears in a second page on the same data', async ({ page, context }) => {
  const first = new SheetsPage(page);
  await first.openEmpty();
  await first.addRow([['name', 'Shared Co']]);

  const second = new SheetsPage(await context.newPage());
  await second.open();
  await expect(second.grid().getByText('Shared Co')).toBeVisible();

  // Typed with plain keys: a Chinese input method types through composition events instead.
  await first.typeInto(await first.cellInRowWith('Shared Co', 'region'), 'East China');
  await expect(await first.cellInRowWith('Shared Co', 'region')).toHaveText('East China');
  await expect(await second.cellInRowWith('Shared Co', 'region')).toHaveText('East China');
});

test('a customer named with HTML shows as that text and runs nothing', async ({ page }) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  const payload = '<img src=x onerror=window.__pwned=1>';
  await sheets.addRow([['name', payload]]);
  await expect(sheets.grid().getByText(payload, { exact: true })).toBeVisible();
  await page.reload();
  await expect(sheets.grid().getByText(payload, { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a deal picks its customer by code and shows the name; copy gives tab-separated text', async ({
  page,
}) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.button('Add row').click();
  await sheets.paste('Link Target Co\tL-001\r\n');
  await expect(sheets.app.count('customers')).toHaveText('1');

  await sheets.tab('deals').click();
  await sheets.button('Add row').click();
  await page.keyboard.type('L-00');
  await page.getByRole('option', { name: 'L-001 · Link Target Co' }).click();
  await expect(sheets.app.count('deals')).toHaveText('1');
  await expect(sheets.cell(0, 'customerId')).toHaveText('Link Target Co↗');
  await expect(sheets.cell(0, 'stage')).toHaveText('Need found');

  await sheets.typeInto(sheets.cell(0, 'amount'), '2000');
  await expect(sheets.cell(0, 'amount')).toHaveText('¥2,000.00');
  await expect(sheets.rowCount()).toHaveText(/^1 of 1 rows/);
  await sheets.cell(0, 'amount').click();
  expect(await sheets.copy()).toBe('2000.00');
});

test('a row added while a big sheet is still loading stays, with the cursor in it', async ({ page }) => {
  test.setTimeout(120_000);
  const sheets = new SheetsPage(page);
  await sheets.app.open();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(sheets.app.count('customers')).toHaveText('300', { timeout: 30_000 });
  // 20 000 more customers, copies of a stored one, written straight into IndexedDB: the sheet then
  // reads a dozen pages, and "Add row" comes while they are still coming in.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('kehu');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('customers', 'readwrite');
          const store = tx.objectStore('customers');
          const first = store.openCursor();
          first.onsuccess = () => {
            const template = first.result?.value as Record<string, unknown>;
            for (let i = 0; i < 20_000; i += 1) {
              const n = String(i).padStart(5, '0');
              store.put({ ...template, id: `bulk-${n}`, code: `B${n}`, name: `Bulk customer ${n}` });
            }
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  // A fresh page, so the app reads what is now stored (raw writes tell no one).
  await page.goto('about:blank');
  await sheets.open();
  await sheets.button('Add row').click();
  const draft = sheets.grid().locator('.kehu-draft-row');
  await expect(draft).toBeVisible();
  // Typed while the pages come in: every key lands in the new row, which stays in view.
  await page.keyboard.type('Late Arrival Ltd', { delay: 150 });
  await expect(draft).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(sheets.rowCount()).toHaveText(/20,301 of 20,301 rows/, { timeout: 60_000 });
  // One new customer, with every key typed, and no stored customer lost its name.
  await sheets.search().fill('Late Arrival');
  await expect(sheets.grid().getByText('Late Arrival Ltd')).toBeVisible();
  await sheets.search().fill('Bulk customer');
  await expect(sheets.rowCount()).toHaveText(/20,000 of 20,301 rows/);
});
