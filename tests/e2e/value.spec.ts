import { expect, test } from '@playwright/test';
import { computeAnalytics } from '../../src/domain/analytics/compute';
import { generateSampleData } from '../../src/domain/sample-data';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { KehuApp } from './pages/kehu-app';
import { CustomerValueBlock } from './pages/customer-value';

/** The owner's local date, as the app computes it. */
function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

const cny = (minor: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }).format(
    minor / 100,
  );

test('Customer 360 shows the tier and contemporary value computed from the sample data, and explains them', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const today = localToday();
  const data = generateSampleData({ today });
  const { metrics } = computeAnalytics({ ...data, settings: DEFAULT_SETTINGS, today });
  const a = metrics.find((m) => m.tier === 'A')!;
  const c = metrics.find((m) => m.tier === 'C' && m.contemporaryValue > 0)!;
  const z = metrics.find((m) => m.tier === 'Z')!;

  const app = new KehuApp(page);
  await app.open();
  // The header says the figures are being brought up to date, and says nothing once they are. On a
  // fast machine the first state may last less than one of Playwright's polls, so every text the
  // badge shows is recorded from the start.
  const badge = page.getByRole('banner').getByRole('status');
  await badge.evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { badgeTexts: string[] }).badgeTexts = seen;
    new MutationObserver(() => seen.push(element.textContent?.trim() ?? '')).observe(element, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(app.count('customers')).toHaveText(data.customers.length.toLocaleString('en-US'));
  const updating = /^(Figures update shortly|Updating figures: (reading|computing|saving) \d+ %)$/;
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { badgeTexts: string[] }).badgeTexts))
    .toContainEqual(expect.stringMatching(updating));
  await expect(badge).toHaveText('', { timeout: 30_000 });

  const value = new CustomerValueBlock(page);
  await value.openCustomer(a.customerId);
  await expect(value.figure('tier')).toHaveText('A', { timeout: 30_000 });
  await expect(value.figure('contemporaryValue')).toHaveText(cny(a.contemporaryValue));
  await expect(value.figure('valueClass')).toHaveText('MVC — most valuable customer');
  // Potential value as the model projects it from the same rows (the fit, or the run-rate fallback).
  expect(a.potentialValue).not.toBeNull();
  await expect(value.figure('potential')).toHaveText(cny(a.potentialValue!));
  // (the sample data show no spread in dropout, so the fit is usually BG/NBD's fixed-p limit: issue 6).
  const fixedP = 'BG/NBD + Gamma-Gamma fit (one dropout probability for all)';
  if (a.potentialMethod === 'bgnbd-fixed-p-gg') await expect(value.region()).toContainText(fixedP);
  else if (a.potentialMethod === 'bgnbd-gg') {
    await expect(value.region()).toContainText('BG/NBD + Gamma-Gamma fit');
    await expect(value.region()).not.toContainText(fixedP);
  } else await expect(value.region()).toContainText('run-rate estimate');

  await value.openCustomer(c.customerId);
  await expect(value.figure('tier')).toHaveText('C');
  await expect(value.figure('contemporaryValue')).toHaveText(cny(c.contemporaryValue));
  const why = await value.explain('tier');
  await expect(why).toContainText(`Its value ${cny(c.contemporaryValue)} is below the lowest value in B`);
  await value.explain('contemporaryValue');
  await page.screenshot({ path: 'test-results/customer-360-value.png', fullPage: true });

  await value.openCustomer(z.customerId);
  await expect(value.figure('tier')).toHaveText('Z (below zero)');
  await expect(value.figure('contemporaryValue')).toHaveText(cny(z.contemporaryValue));
});
