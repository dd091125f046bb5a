/**
 * Customer 360's customer picker, as an owner in mainland China uses it (zh-CN, the sample data): the
 * pinyin initials "sz" list the 深圳 customers, and one is opened with the keyboard alone.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CustomerValueBlock } from './pages/customer-value';
import { KehuApp } from './pages/kehu-app';

test.use({ locale: 'zh-CN' });

test('"sz" lists the 深圳 customers; arrow keys and Enter open one, Escape closes the list', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const app = new KehuApp(page);
  await app.open();
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(app.count('customers')).toHaveText('300', { timeout: 30_000 });

  await app.nav('客户全景').click();
  const box = page.getByRole('combobox', { name: '客户' });
  await box.click();
  await page.keyboard.type('sz');
  const list = page.getByRole('listbox', { name: '客户' });
  await expect(list).toBeVisible();
  const options = list.getByRole('option');
  await expect(options.filter({ hasText: '深圳' }).first()).toBeVisible();
  const shenzhen = await options.filter({ hasText: '深圳' }).count();
  expect(shenzhen).toBeGreaterThan(0);

  // Escape closes the list and keeps what was typed; typing again opens it.
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(box).toHaveValue('sz');
  await page.keyboard.press('ArrowDown');
  await expect(list).toBeVisible();

  // Down to the last 深圳 customer of the list (past the part on screen), up one and down again, Enter.
  const labels = await options.allTextContents();
  const target = labels.findLastIndex((t) => t.includes('深圳'));
  expect(target).toBeGreaterThan(0);
  for (let i = 1; i <= target; i += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(options.nth(target - 1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(target)).toBeInViewport();
  await expect(box).toHaveAttribute('aria-activedescendant', `customer-picker-list-${target}`);
  await expect(options.nth(target)).toHaveAttribute('aria-selected', 'true');
  mkdirSync('/work/shots/plcost', { recursive: true });
  await page.screenshot({ path: '/work/shots/plcost/customer-picker-sz-zh-CN.png' });
  await page.keyboard.press('Enter');

  const name = (labels[target] ?? '').split(' · ').at(-1)!.trim();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  expect(name).toMatch(/深圳/);
  await expect(new CustomerValueBlock(page).region()).toBeVisible();
  await expect(list).toBeHidden();
});
