/**
 * Issue 9, promise 7: a malformed file gives a clear message naming where and why, and writes nothing —
 * or, when the intent is clear (mixed line endings), imports correctly. Big and binary files are made
 * here, never committed; the 300 MB file is sparse, so it costs no disk and is refused on its size
 * before the app reads it.
 */
import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportPage } from '../pages/import-page';
import { SheetsPage } from '../pages/sheets-page';
import { ownData, readAllTables, rowCounts } from './raw-db';

type FileArg = { name: string; mimeType: string; buffer: Buffer } | string;

const csv = (name: string, text: string): FileArg => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

function binary(): Buffer {
  // A PNG signature and random bytes: NUL and other control characters appear early.
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    randomBytes(64 * 1024),
  ]);
}

function wide(columns: number): string {
  const header = Array.from({ length: columns }, (_, i) => `col${i + 1}`).join(',');
  const row = Array.from({ length: columns }, (_, i) => String(i)).join(',');
  return `${header}\r\n${row}\r\n`;
}

const CASES: { name: string; file: () => FileArg; message: RegExp }[] = [
  {
    name: 'an empty file',
    file: () => csv('empty.csv', ''),
    message: /^The file “empty\.csv” is empty: it has no columns and no rows\. Nothing was imported\.$/,
  },
  {
    name: 'a header row only',
    file: () => csv('header-only.csv', '客户编号,客户名称,地区\r\n'),
    message: /“header-only\.csv” has a header row but no data rows below it\. Nothing was imported\./,
  },
  {
    name: 'an unclosed quote',
    file: () => csv('quote.csv', 'code,name\r\nA1,Fine Ltd\r\nA2,"Never Closed Ltd\r\nA3,Lost Ltd\r\n'),
    message: /“quote\.csv” has a quote \(".*\) opened on line 3 that is never closed.*Nothing was imported\./,
  },
  {
    name: 'a binary file renamed .csv',
    file: () => ({ name: 'photo.csv', mimeType: 'text/csv', buffer: binary() }),
    message:
      /“photo\.csv” is not a text \(CSV\) file: line 3 holds a control character \(0x..\).*Nothing was imported\./,
  },
  {
    name: 'a file with 2 000 columns',
    file: () => csv('wide.csv', wide(2000)),
    message: /“wide\.csv” has 2,000 columns; Kehu reads at most 500\..*Nothing was imported\./,
  },
];

test.describe('malformed files are refused with where and why, and nothing is written', () => {
  for (const c of CASES) {
    test(c.name, async ({ page }) => {
      const io = new ImportPage(page);
      await io.open();
      await io.chooseTable('Customers');
      const before = rowCounts(ownData(await readAllTables(page)));
      await page.getByLabel('CSV file', { exact: true }).setInputFiles(c.file());
      await expect(io.wizard().getByRole('alert')).toHaveText(c.message);
      await expect(page.getByRole('heading', { name: 'Columns' })).toHaveCount(0);
      expect(rowCounts(ownData(await readAllTables(page)))).toEqual(before);
      await expect(io.history()).toContainText('No imports yet.');
    });
  }

  test('a 300 MB file, refused on its size before it is read', async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), 'kehu-big-'));
    const path = join(dir, 'huge.csv');
    try {
      const fd = openSync(path, 'w');
      writeSync(fd, 'code,name\r\nH1,Huge Ltd\r\n');
      closeSync(fd);
      truncateSync(path, 300 * 1024 * 1024);
      const io = new ImportPage(page);
      await io.open();
      await io.chooseTable('Customers');
      await page.getByLabel('CSV file', { exact: true }).setInputFiles(path);
      await expect(io.wizard().getByRole('alert')).toHaveText(
        /^The file “huge\.csv” is 3\d\d(\.\d)? MB; Kehu imports files of up to 2\d\d(\.\d)? MB at a time\. Split it into smaller files .*Nothing was imported\.$/,
      );
      await page.screenshot({ path: '/tmp/shots-rel/import-too-big.png' });
      expect((await readAllTables(page)).customers).toEqual([]);
      await expect(io.history()).toContainText('No imports yet.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('mixed line endings (CRLF, LF and CR in one file) import correctly', async ({ page }) => {
  const io = new ImportPage(page);
  await io.open();
  await io.chooseTable('Customers');
  await io.chooseFile(
    csv(
      'mixed.csv',
      'code,name,notes\r\nM1,Mixed One,"two\r\nlines"\nM2,Mixed Two,lf\rM3,Mixed Three,cr\r\n',
    ),
  );
  await io.check();
  await expect(io.summary()).toHaveText('3 new, 0 updated, 0 unchanged, 0 rejected');
  await io.commit();
  await expect(io.message()).toContainText('Import finished: 3 new');
  const customers = ((await readAllTables(page)).customers ?? []) as {
    code: string;
    name: string;
    notes: string;
  }[];
  expect(customers.map((c) => [c.code, c.name, c.notes]).sort()).toEqual([
    ['M1', 'Mixed One', 'two\r\nlines'],
    ['M2', 'Mixed Two', 'lf'],
    ['M3', 'Mixed Three', 'cr'],
  ]);
  await io.app.nav('Sheets').click();
  await expect(new SheetsPage(page).grid().getByText('Mixed Three')).toBeVisible();
});
