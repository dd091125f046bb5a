import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './browser';
import { ExportPanel, fixturePath, ImportPage } from './pages/import-page';
import { SheetsPage } from './pages/sheets-page';

test('a GB18030 file with Chinese headers, as Chinese Excel writes it, imports correctly', async ({
  page,
}) => {
  const io = new ImportPage(page);
  await io.open();
  await io.chooseTable('Customers');
  await io.chooseFile('gb18030.csv');

  await expect(io.encoding()).toHaveValue('gb18030');
  await expect(page.getByText('not UTF-8: read as Chinese (GB18030 / GBK)')).toBeVisible();
  await expect(io.mappingFor('客户名称')).toHaveValue('name');
  await expect(io.mappingFor('税号')).toHaveValue('taxId');
  await expect(io.preview()).toContainText('深圳市华强电子有限公司');
  await expect(io.preview()).toContainText('2500000.00');

  await io.check();
  await expect(io.summary()).toHaveText('3 new, 0 updated, 0 unchanged, 0 rejected');
  await io.commit();
  await expect(io.message()).toContainText('Import finished: 3 new');
  await expect(io.history()).toContainText('gb18030.csv');

  await io.app.nav('Sheets').click();
  await expect(io.app.count('customers')).toHaveText('3');
  await expect(new SheetsPage(page).grid().getByText('杭州西湖茶业有限公司')).toBeVisible();
});

test('bad rows are reported with row, column and reason, downloadable, and the import can be undone', async ({
  page,
}) => {
  const io = new ImportPage(page);
  await io.open();
  await io.chooseTable('Customers');
  await io.chooseFile('utf8.csv');
  await io.check();
  await io.commit();
  await expect(io.message()).toContainText('Import finished: 3 new');

  await io.chooseTable('Deals');
  await io.chooseFile('bad-rows.csv');
  await io.check();
  await expect(io.summary()).toHaveText('2 new, 0 updated, 0 unchanged, 3 rejected');
  const bad = io.problems().getByRole('row').filter({ hasText: '十块钱' });
  await expect(bad).toContainText('3');
  await expect(bad).toContainText('金额');
  await expect(bad).toContainText('not a number');
  await expect(io.problems()).toContainText('2024-02-30');

  const download = await io.downloadRejected();
  const bytes = readFileSync((await download.path()) ?? '');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.split('\r\n')[0]).toBe('Row,订单号,客户编号,阶段,下单日期,金额,Reason');
  expect(text).toContain('3,B002,C001,赢单,\t2024-01-06,十块钱,金额: not a number');

  await io.commit();
  await expect(io.message()).toContainText('Import finished: 2 new, 0 updated, 0 unchanged, 3 rejected');
  await io.app.nav('Sheets').click();
  await expect(io.app.count('deals')).toHaveText('2');

  await io.app.nav('Import / Export').click();
  await io.undoLatest();
  await expect(page.getByText('Import undone: 2 rows removed, 0 rows restored.')).toBeVisible();
  await expect(io.history().getByText('Undone')).toBeVisible();
  await io.app.nav('Sheets').click();
  await expect(io.app.count('deals')).toHaveText('0');
  await expect(io.app.count('customers')).toHaveText('3');
});

test('a page that crashes mid-import leaves none of the file’s rows stored', async ({ baseURL }) => {
  test.setTimeout(180_000);
  // A browser profile on disk, so that the database outlives the crashed page and a new browser.
  const profile = mkdtempSync(join(tmpdir(), 'kehu-crash-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), baseURL, locale: 'en-US' });
  const rows = 150_000;
  const lines = ['客户编号,客户名称,地区,备注'];
  for (let i = 0; i < rows; i++) lines.push(`K${i},崩溃测试客户 ${i},华东,第 ${i} 行`);
  const buffer = Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');

  const first = await launch();
  try {
    const page = await first.newPage();
    // Attached before the import starts: attaching to a renderer that is busy importing can wait long.
    const cdp = await first.newCDPSession(page);
    const io = new ImportPage(page);
    await io.open();
    await io.chooseTable('Customers');
    await io.chooseFile({ name: 'big.csv', mimeType: 'text/csv', buffer });
    await io.check();
    await expect(io.summary()).toHaveText('150,000 new, 0 updated, 0 unchanged, 0 rejected');
    await io.commit();
    await expect(io.progress()).toContainText('rows/s', { timeout: 30_000 });
    // Page.crash never answers (the renderer is gone): wait for the crash event instead.
    const crashed = page.waitForEvent('crash', { timeout: 20_000 });
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
  } finally {
    await first.close();
  }

  const second = await launch();
  try {
    const after = new ImportPage(await second.newPage());
    await after.app.open();
    await expect(after.app.count('customers')).toHaveText('0');
    await after.app.nav('Import / Export').click();
    await expect(after.history()).toContainText('No imports yet.');
  } finally {
    await second.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a sheet exports as Excel-ready CSV: BOM, CRLF, quotes escaped, formulas neutralised', async ({
  page,
}) => {
  const io = new ImportPage(page);
  await io.open();
  await io.chooseTable('Customers');
  await io.chooseFile('quoted-newlines.csv');
  await io.check();
  await io.commit();
  await expect(io.message()).toContainText('Import finished: 3 new');

  const bytes = await new ExportPanel(page).downloadSheet('Customers');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.startsWith('Customer code,Name,Tax ID,')).toBe(true);
  expect(text).toContain('Q001,多行客户,');
  expect(text).toContain('"第一行\r\n第二行，含逗号, and ""引号"""');
  expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  expect(text).toContain('Q002,"Line ""Two"" Co.",');
  expect(text.endsWith('\r\n')).toBe(true);
});

test('a backup restores the data exactly, and the restore can be undone', async ({ page }) => {
  const io = new ImportPage(page);
  const panel = new ExportPanel(page);
  await io.open();
  await expect(panel.backup()).toContainText('No backup yet.');
  await io.chooseTable('Customers');
  await io.chooseFile('utf8.csv');
  await io.check();
  await io.commit();
  await expect(io.message()).toContainText('Import finished: 3 new');

  const backup = await panel.downloadBackup();
  expect(backup.bytes.toString('utf8').split('\n')[0]).toMatch(
    /^\{"format":"kehu-backup","formatVersion":1,/,
  );
  await expect(panel.backup()).toContainText('Last backup:');

  await io.undoLatest();
  await expect(page.getByText('Import undone: 3 rows removed')).toBeVisible();
  await io.app.nav('Sheets').click();
  await expect(io.app.count('customers')).toHaveText('0');

  await io.app.nav('Import / Export').click();
  await panel.restore(backup.path);
  await expect(page.getByText('Backup restored: 3 customers, 0 deals.')).toBeVisible();
  await io.app.nav('Sheets').click();
  await expect(io.app.count('customers')).toHaveText('3');
  await expect(new SheetsPage(page).grid().getByText('Acme Trading Ltd')).toBeVisible();

  await io.app.nav('Import / Export').click();
  await panel.backup().getByRole('button', { name: 'Undo restore' }).click();
  await expect(page.getByText('The data from before the restore is back.')).toBeVisible();
  await io.app.nav('Sheets').click();
  await expect(io.app.count('customers')).toHaveText('0');
});

test('a file that is not a backup is refused and nothing changes', async ({ page }) => {
  const io = new ImportPage(page);
  await io.open();
  await new ExportPanel(page).restore(fixturePath('utf8.csv'));
  await expect(page.getByRole('alert')).toHaveText(
    'This file cannot be restored: it is not a Kehu backup file. Nothing was changed.',
  );
});

test('the page stays responsive during a big import: no main-thread task over 200 ms', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const rows = 100_000;
  const lines = ['订单号,客户名称,阶段,下单日期,金额'];
  for (let i = 0; i < rows; i++)
    lines.push(`R${i},客户 ${i % 500},赢单,2024/3/${1 + (i % 28)},"¥${i.toLocaleString('en-US')}.50"`);
  const io = new ImportPage(page);
  await io.open();
  await io.chooseTable('Deals');
  await io.chooseFile({
    name: 'deals.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${lines.join('\r\n')}\r\n`),
  });
  await page.getByLabel('Create customers that do not exist yet').check();
  expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask'))).toBe(true);
  const before = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.length);
  await io.check();
  await expect(io.summary()).toHaveText('100,000 new, 0 updated, 0 unchanged, 0 rejected');
  await io.commit();
  await expect(io.message()).toContainText('Import finished: 100,000 new', { timeout: 150_000 });
  const longTasks = await page.evaluate(
    (from) => (window as unknown as { longTasks: number[] }).longTasks.slice(from),
    before,
  );
  expect(Math.max(0, ...longTasks)).toBeLessThan(200);
  await io.app.nav('Sheets').click();
  await expect(io.app.count('deals')).toHaveText('100,000');
  await expect(io.app.count('customers')).toHaveText('500');
});
