import { expect, test, type Page } from '@playwright/test';
import { AnalysisPage } from './pages/analysis-page';
import { KehuApp } from './pages/kehu-app';

async function loadSample(page: Page): Promise<void> {
  const app = new KehuApp(page);
  await app.open();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(app.count('productLines')).toHaveText('6', { timeout: 30_000 });
}

async function texts(locators: { textContent(): Promise<string | null> }[]): Promise<string[]> {
  return Promise.all(locators.map(async (l) => (await l.textContent()) ?? ''));
}

test('the rating runs on the criteria with data, and one pairwise judgement updates weights, CR and grades live', async ({
  page,
}) => {
  await loadSample(page);
  const analysis = new AnalysisPage(page);
  await analysis.open('rating');

  // Once the value engine has run (it starts by itself after the sample data arrives), every
  // criterion has data.
  await expect(page.getByTestId('no-metrics-note')).toBeHidden({ timeout: 30_000 });
  await expect(analysis.criterionData('contemporaryValue')).toHaveText(/\d/);
  await expect(analysis.criterionData('paymentBehaviour')).toHaveText(/\d/);

  const grades = () =>
    texts([
      analysis.gradeCount('core'),
      analysis.gradeCount('key'),
      analysis.gradeCount('ordinary'),
      analysis.gradeCount('potential'),
    ]).then((all) => all.join(' | '));
  const before = await texts([
    analysis.ahpWeight('paymentBehaviour'),
    analysis.ahpWeight('strategicImportance'),
    analysis.consistencyRatio(),
  ]);
  const gradesBefore = await grades();

  // Strategic importance extremely more important than payment behaviour (1/9 from the row's side).
  await analysis.judgement('Payment behaviour', 'Strategic importance').selectOption({ label: '1/9' });

  await expect(analysis.ahpWeight('strategicImportance')).not.toHaveText(before[1]!);
  await expect(analysis.ahpWeight('paymentBehaviour')).not.toHaveText(before[0]!);
  await expect(analysis.consistencyRatio()).not.toHaveText(before[2]!);
  await expect.poll(grades).not.toBe(gradesBefore);
  // The mirrored cell took the reciprocal.
  await expect(analysis.ahpRow('Strategic importance').getByRole('cell').nth(3)).toHaveText('9');

  // CR ≥ 0.10 names the comparisons that contribute most.
  await expect(page.getByRole('alert')).toContainText('contribute most to the inconsistency');
  await expect(page.getByRole('alert')).toContainText('Payment behaviour vs Strategic importance');

  // The judgement is stored: a reload keeps it.
  await page.reload();
  await expect(analysis.judgement('Payment behaviour', 'Strategic importance')).toHaveValue('16');
});

test('the BCG and GE charts show the sample product lines, with table views and PNG downloads', async ({
  page,
}) => {
  await loadSample(page);
  const analysis = new AnalysisPage(page);
  await analysis.open('rating');
  await analysis.tab('Product portfolio').click();

  const bcg = analysis.chart('BCG growth–share matrix');
  await expect(analysis.plottedPoints(bcg)).toHaveAttribute('data-points', '5');
  await expect(bcg.getByTestId('bcg-not-plotted')).toContainText('劳保用品: no market figures');

  const bcgTable = await analysis.showTable(bcg);
  await expect(bcgTable.getByRole('row')).toHaveCount(7);
  await expect(bcgTable.getByRole('row', { name: /电子元器件/ })).toContainText('Stars');
  await expect(bcgTable.getByRole('row', { name: /智能家居配件/ })).toContainText('Question marks');
  await expect(bcgTable.getByRole('row', { name: /五金工具/ })).toContainText('Cash cows');
  await expect(bcgTable.getByRole('row', { name: /办公用品/ })).toContainText('Dogs');
  await expect(bcgTable.getByRole('row', { name: /劳保用品/ })).toContainText('Not on the chart');
  const bcgPng = await analysis.downloadPng(bcg);
  expect(bcgPng.suggestedFilename()).toMatch(/\.png$/);

  const ge = analysis.chart('GE / McKinsey matrix');
  await expect(analysis.plottedPoints(ge)).toHaveAttribute('data-points', '6');
  const geTable = await analysis.showTable(ge);
  await expect(geTable.getByRole('row', { name: /五金工具/ })).toContainText('Invest / grow');
  await expect(geTable.getByRole('row', { name: /办公用品/ })).toContainText('Harvest / divest');
  const gePng = await analysis.downloadPng(ge);
  expect(gePng.suggestedFilename()).toMatch(/\.png$/);
});
