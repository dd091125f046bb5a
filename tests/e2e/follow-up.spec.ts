import { expect, test, type Page } from '@playwright/test';
import { FollowUpPage } from './pages/follow-up-page';
import { KehuApp } from './pages/kehu-app';

/** Screenshots for a person to look at, when KEHU_SHOTS names a folder. */
const SHOTS = process.env.KEHU_SHOTS;

async function loadSample(page: Page): Promise<void> {
  const app = new KehuApp(page);
  await app.open();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(app.count('productLines')).toHaveText('6', { timeout: 30_000 });
}

function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

test('with sample data the list has items with reasons; done records an interaction, undo brings the item back', async ({
  page,
}) => {
  await loadSample(page);
  const list = new FollowUpPage(page);
  await list.open();
  await list.waitForMetrics();

  // Every item says why it is there, with its figures.
  const shown = await list.items().count();
  expect(shown).toBeGreaterThan(10);
  for (let i = 0; i < Math.min(shown, 25); i++)
    await expect(list.reason(list.items().nth(i))).toHaveText(/\d/);
  // Overdue complaints and service requests come first.
  await expect(list.items().first()).toHaveAttribute('data-kind', 'service');
  await expect(list.count('care')).toHaveText(/Care programme \(\d+\)/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/follow-up-en.png`, fullPage: false });

  // Complete the first item from the keyboard: Tab from the customer link reaches its Done button.
  const first = list.items().first();
  const name = (await first.getByRole('link').textContent()) ?? '';
  const reason = (await list.reason(first).textContent()) ?? '';
  const href = (await first.getByRole('link').getAttribute('href')) ?? '';
  await first.getByRole('link').focus();
  await page.keyboard.press('Tab');
  await expect(list.doneButton(first)).toBeFocused();
  await page.keyboard.press('Enter');

  const same = list.items().filter({ hasText: reason }).filter({ hasText: name });
  await expect(list.notice()).toContainText(`Contact with ${name} recorded.`);
  await expect(same).toHaveCount(0);

  // Undo (as everywhere in the app) takes the contact back: the rule holds again.
  await list.notice().getByRole('button', { name: 'Undo' }).click();
  await expect(same).toHaveCount(1);
  await list.doneButton(same).click();
  await expect(same).toHaveCount(0);

  // The contact is in the customer's timeline in Customer 360.
  await page.goto(`./${href}`);
  const timeline = page.getByRole('region', { name: 'Contacts' });
  const today = localToday();
  const shownDate = await page.evaluate(
    (iso) =>
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${iso}T00:00:00Z`),
      ),
    today,
  );
  await expect(
    timeline.getByRole('row').filter({ hasText: shownDate }).filter({ hasText: 'Done:' }),
  ).toHaveCount(1);

  await list.open();
  await page.getByRole('banner').getByRole('combobox').selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 2, name: '本周该联系谁' })).toBeVisible();
  await expect(list.count('care')).toHaveText(/关怀计划（\d+）/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/follow-up-zh-CN.png`, fullPage: false });
});

/** Opens the customer's Customer 360 from a list item, edits one fact and saves, as a person would. */
async function editFact(
  page: Page,
  href: string,
  label: string,
  value: string,
  kind: 'select' | 'text',
): Promise<void> {
  await page.goto(`./${href}`);
  await page.getByRole('button', { name: 'Edit facts' }).click();
  const form = page.getByRole('form', { name: 'Edit facts' });
  if (kind === 'select')
    await form.getByRole('combobox', { name: label, exact: true }).selectOption({ label: value });
  else await form.getByRole('textbox', { name: label, exact: true }).fill(value);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Edit facts' })).toBeVisible();
}

test('a customer set to do-not-contact in Customer 360 leaves every outreach item; a script name shows as text', async ({
  page,
}) => {
  await loadSample(page);
  const list = new FollowUpPage(page);
  await list.open();
  await list.waitForMetrics();

  // A customer with a care, lifecycle or at-risk item.
  await list.page.getByTestId('follow-up-count-care').click();
  const item = list.outreachItems().first();
  const name = (await item.getByRole('link').textContent()) ?? '';
  const href = (await item.getByRole('link').getAttribute('href')) ?? '';
  await list.page.getByTestId('follow-up-count-care').click();
  await list.searchCustomer(name);
  await expect(list.outreachItems().first()).toBeVisible();

  await editFact(page, href, 'Do not contact', 'Yes', 'select');
  await expect(page.getByRole('region', { name: 'Facts' })).toContainText('Do not contact');

  await list.open();
  await list.searchCustomer(name);
  await expect(list.outreachItems()).toHaveCount(0);
  for (const kind of ['at-risk', 'lifecycle', 'care'])
    await expect(list.count(kind)).toHaveText(/\(0\)|（0）/);
  // What remains for them (receivables, their own complaints, agreed next actions) says so.
  const rest = await list.items().count();
  for (let i = 0; i < rest; i++) await expect(list.items().nth(i)).toContainText('Do not contact');

  // A name that looks like HTML is shown as text and never runs.
  const evil = '<img src=x onerror=window.__pwned=1>';
  await list.searchCustomer('');
  const other = list.items().first();
  const otherHref = (await other.getByRole('link').getAttribute('href')) ?? '';
  await editFact(page, otherHref, 'Name', evil, 'text');
  await list.open();
  await list.searchCustomer(evil);
  await expect(list.items().first().getByRole('link', { name: evil, exact: true })).toBeVisible();
  await expect(list.items().first().locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/follow-up-escaped.png`, fullPage: false });
});
