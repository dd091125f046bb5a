/**
 * Issue 21's acceptance: a small shop's real order history (GB18030, Chinese headers, cancellations as
 * negative "C" orders, quoted thousands separators, dates two to three years old, no stage / paid /
 * cost column) imported by a new user accepting the wizard's defaults, then analysed up to its latest
 * deal. The Analysis page's figures are checked against a plain reference computed over the generated
 * rows (tests/e2e/fixtures/real-history.ts), not with the app's code.
 */
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { gb18030, generateHistory, historyCsv, referenceFigures } from './fixtures/real-history';
import { DashboardsPage } from './pages/dashboards-page';
import { KehuApp } from './pages/kehu-app';

test.use({ locale: 'zh-CN' });

const SHOTS = process.env.KEHU_SHOTS_DIR ?? 'test-results/shots';

function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

const number = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
const pounds = (minor: number) =>
  new Intl.NumberFormat('zh-CN', {
    style: 'currency',
    currency: 'GBP',
    currencyDisplay: 'narrowSymbol',
  }).format(minor / 100);
const percent = (share: number) =>
  new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(share);
const date = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

test('a shop’s order history with returns, imported with the defaults, gives the right figures up to its latest deal', async ({
  page,
}) => {
  test.setTimeout(300_000);
  mkdirSync(SHOTS, { recursive: true });
  const rows = generateHistory(localToday());
  const cancellations = rows.filter((r) => r.order.startsWith('C'));
  expect(rows.length).toBeGreaterThanOrEqual(20_000);
  expect(cancellations.length).toBeGreaterThanOrEqual(3_000);
  expect(cancellations.every((r) => r.amount < 0)).toBe(true);
  const reference = referenceFigures(rows);

  const app = new KehuApp(page);
  await app.open();
  await app.nav('导入 / 导出').click();
  await page.getByLabel('导入到', { exact: true }).selectOption({ label: '交易' });
  await page.getByLabel('CSV 文件', { exact: true }).setInputFiles({
    name: '订单导出.csv',
    mimeType: 'text/csv',
    buffer: gb18030(historyCsv(rows)),
  });

  // The wizard reads the file without help and asks what its rows are, offering completed orders.
  const wizard = page.getByRole('region', { name: '导入 CSV 文件' });
  await expect(wizard.getByLabel('编码', { exact: true })).toHaveValue('gb18030');
  const kind = page.getByRole('group', { name: '这些行是什么？' });
  await expect(kind.getByRole('radio', { name: /已完成的订单：赢单，下单当日全额付款/ })).toBeChecked();
  await expect(kind.getByRole('radio', { name: /未结商机/ })).not.toBeChecked();
  await expect(kind.getByRole('radio', { name: /赢单，未付款/ })).not.toBeChecked();
  await expect(wizard.getByLabel('自动新建尚不存在的客户')).toBeChecked();
  // The preview shows the answer: the first row is won and paid in full on its order date.
  const preview = page.getByRole('region', { name: '预览：前几行将按如下方式保存' });
  const first = rows[0]!;
  const firstRow = preview.getByRole('row', { name: new RegExp(`^2 ?${first.order}`) });
  const pence = (first.amount / 100).toFixed(2);
  await expect(firstRow.getByRole('cell')).toHaveText([
    first.order,
    first.customer,
    first.date,
    pence,
    'won',
    pence,
    first.date,
  ]);
  // The book has no deals yet: its currency is asked too. These are pounds.
  await wizard.getByLabel('金额的币种').selectOption('GBP');
  await kind.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/wizard-row-kind.png`, fullPage: true });

  await wizard.getByRole('button', { name: '检查整个文件' }).click();
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: /^导入 [\d,]+ 行$/ }).click();
  await expect(wizard.getByRole('status')).toContainText(
    `导入完成：新增 ${number(rows.length)}，更新 0，未变 0，拒绝 0。`,
    { timeout: 180_000 },
  );

  // The last 12 months up to today hold none of these deals: the Analysis page says so, plainly.
  await app.nav('分析').click();
  const period = page.getByTestId('period-control');
  await expect(period.getByTestId('period-range')).toHaveValue('last12');
  const empty = period.getByTestId('period-empty');
  await expect(empty).toContainText('您的账本里有交易，但这个期间', { timeout: 120_000 });
  await expect(empty).toContainText(date(reference.latest));
  await page.screenshot({ path: `${SHOTS}/analysis-empty-period.png`, fullPage: true });

  await empty.getByRole('button', { name: `分析到最新一笔交易（${date(reference.latest)}）` }).click();
  await expect(period.getByTestId('period-end')).toHaveValue('latest-deal');
  await expect(period.getByTestId('period-dates')).toContainText(
    `统计期间 ${date(reference.periodStart)} 至 ${date(reference.latest)}`,
  );
  const figures = period.getByTestId('period-figures');
  await expect(figures).toBeVisible({ timeout: 120_000 });
  await expect(figures.getByTestId('period-buyers')).toHaveText(number(reference.buyers));
  await expect(figures.getByTestId('period-total-value')).toHaveText(pounds(reference.totalValue));
  await expect(figures.getByTestId('period-repeat-rate')).toHaveText(percent(reference.repeatRate));
  for (const tier of ['A', 'B', 'C', 'N', 'Z'] as const) {
    await expect(figures.getByTestId(`period-tier-${tier}`)).toHaveText(number(reference.tiers[tier]));
  }
  // The Value dashboard below uses the same period: its date filters are the period's.
  await new DashboardsPage(page).settled(60_000);
  const filters = page.getByRole('region', { name: '所有仪表板的筛选条件' });
  await expect(filters.getByLabel('起始日期')).toHaveValue(reference.periodStart);
  await expect(filters.getByLabel('截止日期')).toHaveValue(reference.latest);
  await page.screenshot({ path: `${SHOTS}/analysis-period.png`, fullPage: true });

  // The other places that use the period show it, and the accountant pack defaults to it.
  await app.nav('导入 / 导出').click();
  await expect(page.getByTestId('period-note')).toContainText(
    `分析期：${date(reference.periodStart)} 至 ${date(reference.latest)}。`,
  );
  const exportPanel = page.getByRole('region', { name: '导出' });
  await expect(exportPanel.getByLabel('从', { exact: true })).toHaveValue(reference.periodStart);
  await expect(exportPanel.getByLabel('到', { exact: true })).toHaveValue(reference.latest);
});
