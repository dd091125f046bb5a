import { expect, test, type Page } from '@playwright/test';
import { SheetsPage } from './pages/sheets-page';

/**
 * Selecting cells the spreadsheet way: Shift+arrows draw a block, Ctrl+C copies it, Ctrl+V pastes it
 * elsewhere, the status line adds it up, Delete clears it and Ctrl+Z brings it back. And the sheet
 * shows a screenful of rows.
 */

const SHOTS = '/work/shots/keys';

/** Rows of the grid whose middle is inside the grid's visible body (what a person can read). */
async function visibleRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    // Between the column headers and the horizontal scrollbar (or the window's bottom edge).
    const header = document.querySelector('.ag-header')?.getBoundingClientRect();
    const scroll = document.querySelector('.ag-body-horizontal-scroll')?.getBoundingClientRect();
    if (!header) return 0;
    const bottom = Math.min(window.innerHeight, scroll && scroll.height > 0 ? scroll.top : Infinity);
    const seen = new Set<string>();
    for (const row of document.querySelectorAll('[role="row"][row-index]')) {
      const r = row.getBoundingClientRect();
      if (r.height > 0 && r.top >= header.bottom - 1 && r.bottom <= bottom + 1)
        seen.add(row.getAttribute('row-index') ?? '');
    }
    return seen.size;
  });
}

for (const [width, height, least] of [
  [1280, 720, 15],
  [1440, 900, 20],
] as const) {
  test(`at ${width}×${height} the customers sheet shows at least ${least} rows and one toolbar line`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const sheets = new SheetsPage(page);
    await sheets.loadSample();
    await sheets.open('customers');
    await expect(sheets.rowCount()).toHaveText(/^300 of 300 rows/);
    expect(await visibleRows(page)).toBeGreaterThanOrEqual(least);
    // The toolbar is one line: every control's top is within one control's height of the first.
    const tops = await page
      .getByRole('toolbar')
      .locator(':scope > *')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(20);
    // The status line under the grid is on screen.
    const status = await sheets.status().boundingBox();
    expect((status?.y ?? height) + (status?.height ?? 0)).toBeLessThanOrEqual(height);

    // A block of money cells selected, for the screenshot (once the figures are up to date: the
    // metric columns are redrawn when they arrive).
    await expect(page.getByRole('banner').getByText(/Updating figures/)).toHaveCount(0, { timeout: 30_000 });
    const wallet = sheets.cell(0, 'walletEstimate');
    await sheets.reveal(wallet);
    await wallet.click();
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(sheets.rangeStats()).toContainText('10 cells');
    await page.screenshot({ path: `${SHOTS}/customers-${width}x${height}.png` });
  });
}

const MONEY = ['amount', 'cost', 'serviceCost', 'discount'];

/** "¥1,234.50" → 1234.5; '' → null. */
function money(text: string): number | null {
  const digits = text.replace(/[^\d.-]/g, '');
  return digits === '' ? null : Number(digits);
}

async function blockTexts(sheets: SheetsPage, top: number): Promise<string[][]> {
  return Promise.all([top, top + 1, top + 2].map((row) => sheets.rowTexts(row, MONEY)));
}

test('a 3×4 block: Shift+arrows select it, the status line adds it up, copy and paste move it, Delete and Ctrl+Z', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const sheets = new SheetsPage(page);
  await sheets.loadSample();
  await sheets.open('deals');
  await expect(sheets.rowCount()).toHaveText(/^4,000 of 4,000 rows/, { timeout: 30_000 });
  const first = sheets.cell(0, 'amount');
  await sheets.reveal(first);
  await first.click();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < 2; i += 1) await page.keyboard.press('Shift+ArrowDown');
  await expect(sheets.rangeCells()).toHaveCount(12);

  // The status line: 12 cells, and the sum and average of the numbers among them.
  const source = await blockTexts(sheets, 0);
  const numbers = source
    .flat()
    .map(money)
    .filter((n): n is number => n !== null);
  const sum = numbers.reduce((a, b) => a + b, 0);
  const figure = (n: number) => (Math.round(n * 100) / 100).toLocaleString('en-US');
  await expect(sheets.rangeStats()).toHaveText(
    `12 cells · Count ${numbers.length} · Sum ${figure(sum)} · Average ${figure(sum / numbers.length)}`,
  );

  // Ctrl+C gives the block as three lines of four tab-separated cells.
  const copied = await sheets.copy();
  expect(
    copied
      .trimEnd()
      .split(/\r?\n/)
      .map((line) => line.split('\t').length),
  ).toEqual([4, 4, 4]);

  // Pasted at row 11: the same block there.
  const target = sheets.cell(10, 'amount');
  await target.click();
  await sheets.paste(copied);
  await expect.poll(() => blockTexts(sheets, 10)).toEqual(source);
  await target.click();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < 2; i += 1) await page.keyboard.press('Shift+ArrowDown');
  await expect(sheets.rangeStats()).toContainText(`Sum ${figure(sum)}`);

  // Delete clears the block (one step); Ctrl+Z brings every cell back.
  await page.keyboard.press('Delete');
  await expect
    .poll(async () => (await blockTexts(sheets, 10)).flat().every((t) => money(t) === null || money(t) === 0))
    .toBe(true);
  await page.keyboard.press('Control+z');
  await expect.poll(() => blockTexts(sheets, 10)).toEqual(source);
});

test('Shift+click extends the block from the cursor; Ctrl+A selects every cell, not the rows', async ({
  page,
}) => {
  const sheets = new SheetsPage(page);
  await sheets.loadSample();
  await sheets.open('customers');
  await expect(sheets.rowCount()).toHaveText(/^300 of 300 rows/);
  await sheets.cell(1, 'name').click();
  await sheets.cell(4, 'contactName').click({ modifiers: ['Shift'] });
  // Rows 2 to 5, from Name to Contact (three columns in the default order).
  await expect(sheets.rangeStats()).toContainText('12 cells');
  await page.keyboard.press('ArrowDown');
  await expect(sheets.rangeStats()).toHaveCount(0);

  await page.keyboard.press('Control+a');
  await expect(sheets.rangeStats()).toContainText(/^[\d,]+ cells/);
  await expect(sheets.button(/Move selected to trash/)).toBeDisabled();
  await expect(sheets.status()).not.toContainText('selected');
});
