import { expect, test } from '@playwright/test';
import { SheetsPage } from './pages/sheets-page';
import { KehuApp } from './pages/kehu-app';

test('a new customer survives a reload and an offline reload', async ({ page, context }) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.button('Add row').click();
  await sheets.paste('杭州瑞丰贸易有限公司\tC9001\r\n');
  await expect(sheets.app.count('customers')).toHaveText('1');
  await sheets.typeInto(await sheets.cellInRowWith('杭州瑞丰贸易有限公司', 'phone'), '13800138000');
  await expect(await sheets.cellInRowWith('杭州瑞丰贸易有限公司', 'phone')).toHaveText('13800138000');

  await page.reload();
  await expect(sheets.grid().getByText('杭州瑞丰贸易有限公司')).toBeVisible();
  await expect(sheets.app.count('customers')).toHaveText('1');

  await sheets.app.waitForServiceWorker();
  await context.setOffline(true);
  await page.reload();
  await expect(sheets.app.nav('Settings')).toBeVisible();
  await expect(sheets.grid().getByText('杭州瑞丰贸易有限公司')).toBeVisible();
  await expect(page.getByText('Offline — everything keeps working')).toBeVisible();

  await sheets.addRow([['name', 'Offline Trading Ltd']]);
  await expect(sheets.app.count('customers')).toHaveText('2');
  await context.setOffline(false);
});

test('a new row without a name, or a bad e-mail, is not saved and the sheet says why', async ({ page }) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.button('Add row').click();
  await sheets.paste('\tC1\r\n');
  await expect(sheets.problems()).toContainText('A new row needs Name; this row was not added.');

  await sheets.addRow([['name', 'Mail Co']]);
  const email = await sheets.cellInRowWith('Mail Co', 'email');
  await sheets.typeInto(email, 'not-an-email');
  await expect(sheets.problems()).toContainText(
    'E-mail: “not-an-email” was not saved. This is not an e-mail address.',
  );
  await expect(email).toHaveText('');
  await expect(sheets.app.count('customers')).toHaveText('1');
  await page.reload();
  await expect(sheets.app.count('customers')).toHaveText('1');
  await expect(await sheets.cellInRowWith('Mail Co', 'email')).toHaveText('');
});

test('a wrong unified social credit code check character warns but saves', async ({ page }) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.addRow([['name', 'Check Co']]);
  const taxId = await sheets.cellInRowWith('Check Co', 'taxId');
  await sheets.typeInto(taxId, '91350100M000100Y44');
  await expect(sheets.problems()).toContainText(
    /check character of this unified social credit code is wrong/,
  );
  await expect(taxId).toHaveText('91350100M000100Y44');
  await expect(taxId).toHaveClass(/kehu-warning/);
  await expect(taxId).toHaveAttribute('title', /check character/);
  await page.reload();
  await expect(await sheets.cellInRowWith('Check Co', 'taxId')).toHaveText('91350100M000100Y44');
});

test('a customer moved to the trash can be restored, and Customer 360 shows the history', async ({
  page,
}) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.addRow([['name', 'Trash Me Ltd']]);
  await expect(sheets.app.count('customers')).toHaveText('1');

  await sheets.grid().locator('[row-index="0"] input[type="checkbox"]').first().check();
  await page.keyboard.press('Delete');
  await expect(sheets.app.count('customers')).toHaveText('0');
  await sheets.button('Trash (1)').click();
  await sheets.trash().getByRole('button', { name: 'Restore: Trash Me Ltd' }).click();
  await expect(sheets.app.count('customers')).toHaveText('1');
  await expect(sheets.trash().getByText('The trash is empty.')).toBeVisible();

  await sheets.grid().getByRole('link', { name: 'Open Customer 360: Trash Me Ltd' }).click();
  await expect(page.getByRole('heading', { name: 'Trash Me Ltd' })).toBeVisible();
  const history = page.getByRole('region', { name: 'Change history' });
  await expect(history.getByText('Created')).toBeVisible();
  await expect(history.getByText('Moved to the trash')).toBeVisible();
  await expect(history.getByText('Restored from the trash')).toBeVisible();
});

test('HTML typed into a customer name is shown as text, never run', async ({ page }) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  const payload = '<img src=x onerror="window.__pwned=1">Evil';
  await sheets.addRow([['name', payload]]);
  await expect(sheets.grid().getByText(payload, { exact: true })).toBeVisible();
  await sheets
    .grid()
    .getByRole('link', { name: `Open Customer 360: ${payload}` })
    .click();
  await expect(page.getByRole('heading', { name: payload })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('Customer 360 facts are editable, validated, and the change shows in the history', async ({ page }) => {
  const sheets = new SheetsPage(page);
  await sheets.openEmpty();
  await sheets.addRow([['name', 'Facts Co']]);
  await sheets.grid().getByRole('link', { name: 'Open Customer 360: Facts Co' }).click();
  await expect(page.getByRole('heading', { name: 'Facts Co' })).toBeVisible();

  const facts = page.getByRole('region', { name: 'Facts' });
  await facts.getByRole('button', { name: 'Edit facts' }).click();
  const form = facts.getByRole('form', { name: 'Edit facts' });
  await form.getByLabel('E-mail').fill('nope');
  await form.getByLabel('Wallet estimate').fill('12,000');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('This is not an e-mail address.')).toBeVisible();
  await expect(form.getByRole('alert')).toContainText('Not saved');

  await form.getByLabel('E-mail').fill('buyer@facts.example');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(facts.getByText('buyer@facts.example')).toBeVisible();
  await expect(facts.getByText('¥12,000.00')).toBeVisible();
  const history = page.getByRole('region', { name: 'Change history' });
  await expect(history.getByText('E-mail: ∅ → buyer@facts.example')).toBeVisible();
});

test('Customer 360 finds a customer by typing its code or name', async ({ page }) => {
  const app = new KehuApp(page);
  await app.open();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(app.count('customers')).not.toHaveText('0');
  await app.nav('Customer 360').click();
  const picker = page.getByRole('combobox', { name: 'Customer' });
  await picker.fill('C0002');
  const option = page.getByRole('listbox', { name: 'Customer' }).getByRole('option');
  await expect(option).toHaveCount(1);
  const label = (await option.textContent())?.trim() ?? '';
  await picker.fill(label);
  await picker.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: label.split(' · ')[1] })).toBeVisible();

  // By a name typed in full, with nothing picked from the list: Enter opens that customer.
  const name = label.split(' · ')[1] ?? '';
  await app.nav('Customer 360').click();
  await picker.fill(name);
  await picker.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
});
