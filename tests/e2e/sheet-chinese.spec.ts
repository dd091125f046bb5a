/**
 * Chinese in the sheets, as an owner in mainland China works (zh-CN, the sample data): sort by pinyin,
 * search by pinyin, filter a column by its values.
 */
import { expect, test, type Page } from '@playwright/test';
import { SheetsPage } from './pages/sheets-page';

test.use({ locale: 'zh-CN' });

async function openSample(page: Page): Promise<SheetsPage> {
  const sheets = new SheetsPage(page);
  await sheets.app.open();
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(sheets.app.count('customers')).toHaveText('300', { timeout: 30_000 });
  await sheets.open('customers');
  await expect(rowCount(page)).toContainText('300 / 300 行');
  return sheets;
}

const rowCount = (page: Page) => page.getByText(/\d \/ [\d,]+ 行/);

/** The names of the first `n` rows as displayed. */
async function names(sheets: SheetsPage, n: number): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 0; i < n; i += 1) texts.push((await sheets.cell(i, 'name').textContent()) ?? '');
  return texts;
}

/** How many rows the toolbar says are shown. */
async function shown(page: Page): Promise<number> {
  const text = (await rowCount(page).textContent()) ?? '';
  return Number(text.split('/')[0]?.replace(/[^\d]/g, ''));
}

test('sorting by name puts 北京… before 上海… (pinyin order, not code points)', async ({ page }) => {
  const sheets = await openSample(page);
  const header = page.getByRole('columnheader', { name: '客户名称' });
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  // 北京 (bei) comes first among the sample cities, then 成都 (cheng); by code point 上海 (U+4E0A),
  // 东莞 (U+4E1C) and 中山 (U+4E2D) would come before 北 (U+5317).
  const first = await names(sheets, 6);
  expect(first[0]).toMatch(/^北京/);
  const cities = first.map((name) => name.slice(0, 2));
  expect(cities.lastIndexOf('北京')).toBeLessThan(cities.indexOf('成都'));
  await page.screenshot({ path: '/work/shots/pinyin/sort-by-name.png' });

  // The technology companies (科技有限…), few enough to be all on screen: 北京明美科技 first, 上海美光科技
  // after it.
  await sheets.search().fill('科技有限');
  await expect(sheets.cell(0, 'name')).toHaveText(/^北京/);
  const count = await shown(page);
  expect(count).toBeLessThanOrEqual(13);
  const tech = await names(sheets, count);
  expect(tech[0]).toMatch(/^北京/);
  const beijing = tech.findIndex((name) => name.startsWith('北京'));
  const shanghai = tech.findIndex((name) => name.startsWith('上海'));
  expect(shanghai).toBeGreaterThan(beijing);
  // bei, dong, guang, he, ning, shang, su, tai, wu: by code point 上 东 乌 北 合 太 宁 广 武 苏.
  expect(tech.map((name) => name.slice(0, 2))).toEqual([
    '北京',
    '东莞',
    '东莞',
    '广州',
    '合肥',
    '宁波',
    '上海',
    '苏州',
    '苏州',
    '苏州',
    '太原',
    '乌鲁',
    '武汉',
  ]);

  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const descending = await names(sheets, count);
  expect(descending.findIndex((name) => name.startsWith('上海'))).toBeLessThan(
    descending.findIndex((name) => name.startsWith('北京')),
  );
});

test('"shenzhen" and "sz" find the Shenzhen customers', async ({ page }) => {
  const sheets = await openSample(page);
  await sheets.search().fill('深圳');
  await expect(sheets.cell(0, 'name')).toHaveText(/深圳/);
  const shenzhen = await shown(page);
  expect(shenzhen).toBeGreaterThan(0);

  await sheets.search().fill('shenzhen');
  await expect(rowCount(page)).toContainText(`${shenzhen} / 300 行`);
  for (const name of await names(sheets, Math.min(shenzhen, 8))) expect(name).toMatch(/^深圳/);

  // Initials from the start of a field: every Shenzhen customer is among the rows "sz" finds (as are
  // 苏州 su zhou, and people such as 宋志强 song zhi qiang).
  await sheets.search().fill('sz');
  await expect.poll(() => shown(page)).toBeGreaterThanOrEqual(shenzhen);
  await page.screenshot({ path: '/work/shots/pinyin/search-sz.png' });
  await sheets.search().fill('sz 深圳');
  await expect(rowCount(page)).toContainText(`${shenzhen} / 300 行`);

  await sheets.search().fill('北京');
  const beijing = await shown(page);
  expect(beijing).toBeGreaterThan(0);
  await sheets.search().fill('bj');
  await expect.poll(() => shown(page)).toBeGreaterThanOrEqual(beijing);
  await sheets.search().fill('bj 北京');
  await expect(rowCount(page)).toContainText(`${beijing} / 300 行`);
  await sheets.search().fill('beijing');
  await expect(rowCount(page)).toContainText(`${beijing} / 300 行`);
  await expect(sheets.cell(0, 'name')).toHaveText(/^北京/);
});

test('a filter by value on 关系类型 with two values ticked shows exactly those rows', async ({ page }) => {
  const sheets = await openSample(page);
  // By keyboard: from a cell up into the header, right to 关系类型, Ctrl+Enter opens its filter.
  await sheets.cell(0, 'name').click();
  await page.keyboard.press('ArrowUp');
  const header = page.getByRole('columnheader', { name: '关系类型' });
  const focusedColumn = () => page.evaluate(() => document.activeElement?.getAttribute('col-id'));
  for (let i = 0; i < 20 && (await focusedColumn()) !== 'relationshipType'; i += 1)
    await page.keyboard.press('ArrowRight');
  await expect(header).toBeFocused();
  await page.keyboard.press('Control+Enter');
  const filter = page.locator('.kehu-value-filter');
  await expect(filter).toBeVisible();
  await expect(filter.getByRole('searchbox', { name: '搜索值' })).toBeFocused();
  const list = filter.getByRole('group', { name: '关系类型的值' });
  await expect(list.getByRole('checkbox')).not.toHaveCount(0);
  const counts = async (label: string) =>
    Number(await list.locator('label', { hasText: label }).locator('.kehu-value-filter-count').textContent());
  const partner = await counts('伙伴型');
  const basic = await counts('基本型');
  expect(partner).toBeGreaterThan(0);
  expect(basic).toBeGreaterThan(0);

  // Untick all, then tick two values, by keyboard: the search box narrows the list.
  await filter.getByRole('checkbox', { name: '（全选）' }).uncheck();
  await expect(rowCount(page)).toContainText('0 / 300 行');
  await list.getByRole('checkbox', { name: '伙伴型' }).check();
  const search = filter.getByRole('searchbox', { name: '搜索值' });
  await search.fill('基本');
  await expect(list.getByRole('checkbox')).toHaveCount(1);
  await search.press('ArrowDown'); // (Select all found)
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(rowCount(page)).toContainText(`${partner + basic} / 300 行`);
  await search.fill('');
  await page.screenshot({ path: '/work/shots/pinyin/value-filter.png' });
  await page.keyboard.press('Escape');
  await expect(filter).toBeHidden();

  // Every row shown holds one of the two values.
  const shownRows = await shown(page);
  expect(shownRows).toBe(partner + basic);
  for (let i = 0; i < Math.min(shownRows, 10); i += 1)
    await expect(sheets.cell(i, 'relationshipType')).toHaveText(/^(伙伴型|基本型)$/);
});
