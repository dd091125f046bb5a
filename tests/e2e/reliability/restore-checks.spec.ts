/**
 * Issue 24, item 1: a restore checks the whole file before it replaces anything. A backup cut at 30 %, one
 * whose customers table is missing and one with wrong-typed rows are refused with what and where, and
 * every table of the book is the same after the attempt as before (compared through raw IndexedDB).
 * The edited files carry a matching checksum and counts, so they pass the first check and prove the
 * later ones; the cut file is an owner's real accident.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Dialog, type Page } from '@playwright/test';
import { ExportPanel, ImportPage } from '../pages/import-page';
import { KehuApp } from '../pages/kehu-app';
import { SheetsPage } from '../pages/sheets-page';
import { ownData, readAllTables, type RawTables } from './raw-db';

interface ExportBody {
  data: {
    tables: { name: string; rowCount: number }[];
    data: { tableName: string; rows: Record<string, unknown>[] }[];
  };
}

function write(name: string, text: string | Buffer): string {
  const path = join(tmpdir(), `kehu-${name}-${Date.now()}-${Math.random()}.kehubackup`);
  writeFileSync(path, text);
  return path;
}

/** The backup at `path` with its body edited, header checksum and counts rewritten to match. */
function edited(path: string, edit: (body: ExportBody) => void): string {
  const text = readFileSync(path, 'utf8');
  const newline = text.indexOf('\n');
  const header = JSON.parse(text.slice(0, newline)) as Record<string, unknown>;
  const body = JSON.parse(text.slice(newline + 1)) as ExportBody;
  edit(body);
  const out = JSON.stringify(body);
  const counts = Object.fromEntries(body.data.data.map((t) => [t.tableName, t.rows.length]));
  const sha256 = createHash('sha256').update(out).digest('hex');
  return write('edited', `${JSON.stringify({ ...header, counts, sha256 })}\n${out}`);
}

const rowsOf = (body: ExportBody, table: string) =>
  body.data.data.find((t) => t.tableName === table)?.rows ?? [];

async function stored(page: Page): Promise<RawTables> {
  return ownData(await readAllTables(page));
}

test('truncated, table-missing and wrong-typed backups are refused, naming where, and the book stays', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new KehuApp(page);
  await app.open();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(app.count('productLines')).toHaveText('6', { timeout: 30_000 });

  const io = new ImportPage(page);
  await io.open();
  const backup = await new ExportPanel(page).downloadBackup();

  // Work done after the backup: what a wrong restore would throw away.
  const sheets = new SheetsPage(page);
  await sheets.open('customers');
  const customers = await app.countValue('customers');
  await sheets.addRow([['name', 'Added After The Backup']]);
  await expect(app.count('customers')).toHaveText((customers + 1).toLocaleString('en-US'));
  await io.open();

  // Whatever the old code would ask, the owner says yes: only the checks may stop the restore.
  const accept = (dialog: Dialog) => void dialog.accept();
  page.on('dialog', accept);

  const cases: { name: string; file: string; reason: string; where: string[] }[] = [
    {
      name: 'cut at 30 %',
      file: write('cut', backup.bytes.subarray(0, Math.floor(backup.bytes.length * 0.3))),
      reason: 'the file was cut short or changed after it was written (its checksum does not match)',
      where: [],
    },
    {
      name: 'customers table missing',
      file: edited(backup.path, (body) => {
        body.data.tables = body.data.tables.filter((t) => t.name !== 'customers');
        body.data.data = body.data.data.filter((t) => t.tableName !== 'customers');
      }),
      reason: 'tables or rows recorded when the backup was made are missing from it',
      where: ['Customers: the table is missing from the file.'],
    },
    {
      name: 'wrong-typed rows',
      file: edited(backup.path, (body) => {
        const deals = rowsOf(body, 'deals');
        Object.assign(deals[0] ?? {}, { amount: 'abc' });
        Object.assign(deals[1] ?? {}, { stage: 'maybe' });
        Object.assign(deals[2] ?? {}, { customerId: 'no-such-customer' });
        Object.assign(rowsOf(body, 'customers')[3] ?? {}, { name: { evil: true } });
      }),
      reason: 'some rows hold values the sheets would not accept (listed below)',
      where: [
        /^Customers, row 4 \(.+\), Name: wrong kind of value — value “\{"evil":true\}”$/.source,
        /^Deals, row 1 \(.+\), Amount: wrong kind of value — value “abc”$/.source,
        /^Deals, row 2 \(.+\), Stage: not one of the allowed values — value “maybe”$/.source,
        /^Deals, row 3 \(.+\), Customer: no such customer — value “no-such-customer”$/.source,
      ],
    },
  ];

  const before = await stored(page);
  expect(before.customers?.length).toBe(customers + 1);
  const panel = new ExportPanel(page).backup();
  for (const c of cases) {
    await panel.getByLabel('Restore from a backup file', { exact: true }).setInputFiles(c.file);
    await expect(panel.getByRole('alert'), c.name).toHaveText(
      `This file cannot be restored: ${c.reason}. Nothing was changed.`,
      { timeout: 30_000 },
    );
    const items = panel.getByRole('region', { name: 'What is wrong, and where' }).getByRole('listitem');
    if (c.where.length === 0) await expect(items).toHaveCount(0);
    else await expect(items).toHaveText(c.where.map((w) => (w.startsWith('^') ? new RegExp(w) : w)));
    await panel.screenshot({ path: `/work/shots/safety/restore-refused-${c.name.replace(/\W+/g, '-')}.png` });
    expect(await stored(page), c.name).toEqual(before);
  }
  await expect(panel.getByRole('button', { name: 'Undo restore' })).toHaveCount(0);

  // The untouched backup still restores.
  page.off('dialog', accept);
  await new ExportPanel(page).restore(backup.path);
  await expect(page.getByText(/^Backup restored: /)).toBeVisible({ timeout: 30_000 });
  expect((await stored(page)).customers?.length).toBe(customers);
});
