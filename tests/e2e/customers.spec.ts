import { expect, test } from '@playwright/test';
import { KehuApp } from './pages/kehu-app';

test('a new customer survives a reload and an offline reload', async ({ page, context }) => {
  const app = new KehuApp(page);
  await app.open();
  await page.getByRole('button', { name: 'Start with an empty book' }).click();

  await app.addCustomer({ Name: '杭州瑞丰贸易有限公司', 'Customer code': 'C9001', Phone: '13800138000' });
  await expect(page.getByRole('status').or(page.locator('[aria-live]'))).toContainText(
    '杭州瑞丰贸易有限公司',
  );
  await expect(app.count('customers')).toHaveText('1');
  await expect(app.customerList().getByRole('link', { name: '杭州瑞丰贸易有限公司' })).toBeVisible();

  await page.reload();
  await expect(app.customerList().getByRole('link', { name: '杭州瑞丰贸易有限公司' })).toBeVisible();
  await expect(app.count('customers')).toHaveText('1');

  await app.waitForServiceWorker();
  await context.setOffline(true);
  await page.reload();
  await expect(app.nav('Settings')).toBeVisible();
  await expect(app.customerList().getByRole('link', { name: '杭州瑞丰贸易有限公司' })).toBeVisible();
  await expect(page.getByText('Offline — everything keeps working')).toBeVisible();

  await app.addCustomer({ Name: 'Offline Trading Ltd' });
  await expect(app.count('customers')).toHaveText('2');
  await context.setOffline(false);
});

test('a customer without a name, or with a bad e-mail, is not saved and the form says why', async ({
  page,
}) => {
  const app = new KehuApp(page);
  await app.open();
  await app.addCustomer({ 'Customer code': 'C1', 'E-mail': 'not-an-email' });
  await expect(page.getByText('This field is required.')).toBeVisible();
  await expect(page.getByText('This is not an e-mail address.')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Not saved');
  await expect(app.count('customers')).toHaveText('0');
  await page.reload();
  await expect(app.count('customers')).toHaveText('0');
});

test('a wrong unified social credit code check character warns but saves', async ({ page }) => {
  const app = new KehuApp(page);
  await app.open();
  await app.addCustomer({ Name: 'Check Co', 'Tax ID': '91350100M000100Y44' });
  await expect(page.getByText(/check character of this unified social credit code is wrong/)).toBeVisible();
  await expect(app.count('customers')).toHaveText('1');
});

test('a customer moved to the trash can be restored, and Customer 360 shows the history', async ({
  page,
}) => {
  const app = new KehuApp(page);
  await app.open();
  await app.addCustomer({ Name: 'Trash Me Ltd' });
  await expect(app.count('customers')).toHaveText('1');

  await app.customerList().getByRole('button', { name: 'Move to trash: Trash Me Ltd' }).click();
  await expect(app.count('customers')).toHaveText('0');
  const trash = page.getByRole('region', { name: /Trash/ });
  await trash.getByRole('button', { name: 'Restore: Trash Me Ltd' }).click();
  await expect(app.count('customers')).toHaveText('1');
  await expect(trash.getByText('The trash is empty.')).toBeVisible();

  await app.customerList().getByRole('link', { name: 'Trash Me Ltd' }).click();
  await expect(page.getByRole('heading', { name: 'Trash Me Ltd' })).toBeVisible();
  const history = page.getByRole('region', { name: 'Change history' });
  await expect(history.getByText('Created')).toBeVisible();
  await expect(history.getByText('Moved to the trash')).toBeVisible();
  await expect(history.getByText('Restored from the trash')).toBeVisible();
});

test('HTML typed into a customer name is shown as text, never run', async ({ page }) => {
  const app = new KehuApp(page);
  await app.open();
  const payload = '<img src=x onerror="window.__pwned=1">Evil';
  await app.addCustomer({ Name: payload });
  await expect(app.customerList().getByRole('link', { name: payload })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
