/**
 * Issue 24, item 2: undo never destroys later work silently.
 * - Ctrl+Z after a restore does not touch the restored data (the sheet's undo steps are forgotten).
 * - Undo of a restore after rows were added since names them and keeps them by default (Enter).
 * - Undo of an import after one of its rows was edited by hand names that row and keeps it, edit included.
 * - Undo of a restore names and keeps the rows imported since (they have no per-row history) and the
 *   contact logged on one of them; no link is left naming a row that is gone (countOrphanLinks).
 */
import { expect, test } from '@playwright/test';
import { ExportPanel, ImportPage } from '../pages/import-page';
import { SheetsPage } from '../pages/sheets-page';
import { countOrphanLinks, NO_ORPHANS, readAllTables } from './raw-db';

test('Ctrl+Z after a restore leaves the restored rows; undoing the restore keeps what was added since', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const sheets = new SheetsPage(page);
  const io = new ImportPage(page);
  const panel = new ExportPanel(page);
  await sheets.openEmpty('customers');
  // Each row added by hand is one step on the sheet's undo stack.
  await sheets.addRow([['name', 'In The Backup Ltd']]);
  await expect(sheets.app.count('customers')).toHaveText('1');
  await io.open();
  const backup = await panel.downloadBackup();

  await sheets.open('customers');
  await sheets.addRow([['name', 'Only Before The Restore Ltd']]);
  await expect(sheets.app.count('customers')).toHaveText('2');

  await io.open();
  await panel.restore(backup.path);
  await expect(page.getByText('Backup restored: 1 customers, 0 deals.')).toBeVisible();
  expect(await countOrphanLinks(page)).toEqual(NO_ORPHANS);

  // The steps recorded before the restore are gone: Ctrl+Z changes nothing.
  await sheets.open('customers');
  await expect(sheets.app.count('customers')).toHaveText('1');
  await (await sheets.cellInRowWith('In The Backup Ltd', 'name')).click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Nothing to undo.')).toBeVisible();
  await expect(sheets.app.count('customers')).toHaveText('1');
  await expect(sheets.grid().getByText('In The Backup Ltd')).toBeVisible();

  // Work on the restored data, then ask to undo the restore.
  await sheets.addRow([['name', 'Added After The Restore Ltd']]);
  await expect(sheets.app.count('customers')).toHaveText('2');
  await io.open();
  await panel.backup().getByRole('button', { name: 'Undo restore' }).click();
  const prompt = panel.backup().getByRole('alertdialog', { name: 'You worked on the restored data' });
  await expect(prompt).toContainText(
    'Since the restore, 1 rows were added or changed (Customers 1): Added After The Restore Ltd. Undoing the restore would lose them.',
  );
  await prompt.screenshot({ path: '/work/shots/safety/undo-restore-later-work.png' });
  // The safe answer has the focus: Enter keeps the later work.
  await expect(prompt.getByRole('button', { name: 'Undo the restore, keep these rows' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    page.getByText(
      'The data from before the restore is back, with the rows you added or changed since the restore.',
    ),
  ).toBeVisible();
  const names = ((await readAllTables(page)).customers as { name: string }[]).map((c) => c.name).sort();
  expect(names).toEqual(['Added After The Restore Ltd', 'In The Backup Ltd', 'Only Before The Restore Ltd']);
  expect(await countOrphanLinks(page)).toEqual(NO_ORPHANS);
  await expect(panel.backup().getByRole('button', { name: 'Undo restore' })).toHaveCount(0);
});

test('undo of an import names the imported row edited since, and keeps it with the edit', async ({
  page,
}) => {
  const sheets = new SheetsPage(page);
  const io = new ImportPage(page);
  await sheets.openEmpty('customers');
  await io.open();
  await io.chooseTable('Customers');
  await io.chooseFile('utf8.csv');
  await io.check();
  await io.commit();
  await expect(io.message()).toContainText('Import finished: 3 new');

  await sheets.open('customers');
  const contact = await sheets.cellInRowWith('Acme Trading Ltd', 'contactName');
  await sheets.typeInto(contact, 'Typed By Hand');
  await expect(await sheets.cellInRowWith('Acme Trading Ltd', 'contactName')).toHaveText('Typed By Hand');

  await io.open();
  const question = new Promise<string>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    });
  });
  await io.history().getByRole('button', { name: 'Undo import' }).first().click();
  expect(await question).toContain(
    'You changed 1 of its rows after the import (Acme Trading Ltd): those rows are kept as they are now.',
  );
  await expect(page.getByText(/^Import undone: 2 rows removed/)).toContainText(
    '1 rows changed after the import were kept as they are now.',
  );
  expect(await countOrphanLinks(page)).toEqual(NO_ORPHANS);
  await sheets.open('customers');
  await expect(sheets.app.count('customers')).toHaveText('1');
  await expect(await sheets.cellInRowWith('Acme Trading Ltd', 'contactName')).toHaveText('Typed By Hand');
});

test('undoing a restore names and keeps the customers imported since, and the contact logged on one', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const sheets = new SheetsPage(page);
  const io = new ImportPage(page);
  const panel = new ExportPanel(page);
  await sheets.openEmpty('customers');
  await sheets.addRow([['name', 'In The Backup Ltd']]);
  await expect(sheets.app.count('customers')).toHaveText('1');
  await io.open();
  const backup = await panel.downloadBackup();
  await panel.restore(backup.path);
  await expect(page.getByText('Backup restored: 1 customers, 0 deals.')).toBeVisible();

  // After the restore: a customers file, then a contact on one of its customers.
  await io.chooseTable('Customers');
  await io.chooseFile('utf8.csv');
  await io.check();
  await io.commit();
  await expect(io.message()).toContainText('Import finished: 3 new');
  await sheets.open('interactions');
  await sheets.addRow([['customerId', 'Acme Trading Ltd']]);
  await expect(sheets.app.count('interactions')).toHaveText('1');

  await io.open();
  await panel.backup().getByRole('button', { name: 'Undo restore' }).click();
  const prompt = panel.backup().getByRole('alertdialog', { name: 'You worked on the restored data' });
  await expect(prompt).toContainText('Since the restore, 4 rows were added or changed');
  await expect(prompt).toContainText('Acme Trading Ltd');
  await prompt.screenshot({ path: '/work/shots/orphans/undo-restore-names-imported.png' });
  await page.keyboard.press('Enter');
  await expect(
    page.getByText(
      'The data from before the restore is back, with the rows you added or changed since the restore.',
    ),
  ).toBeVisible();
  const tables = await readAllTables(page);
  expect((tables.customers as { name: string }[]).map((c) => c.name).sort()).toEqual(
    ['Acme Trading Ltd', 'In The Backup Ltd', '杭州西湖茶业有限公司', '深圳市华强电子有限公司'].sort(),
  );
  expect(tables.interactions).toHaveLength(1);
  expect(await countOrphanLinks(page)).toEqual(NO_ORPHANS);
});
