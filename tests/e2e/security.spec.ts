import { expect, test } from '@playwright/test';
import { KehuApp } from './pages/kehu-app';

const VIOLATION_PROBE = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
  });
`;

test('the Content-Security-Policy forbids inline and eval scripts, and using the app violates nothing', async ({
  page,
}) => {
  await page.addInitScript(VIOLATION_PROBE);
  const app = new KehuApp(page);
  await app.open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(app.count('productLines')).toHaveText('6', { timeout: 30_000 });
  for (const name of ['Customer 360', 'Analysis', 'Import / Export', 'Settings', 'Sheets']) {
    await app.nav(name).click();
    await expect(app.nav(name)).toHaveAttribute('aria-current', 'page');
  }
  await app.languageSelect().selectOption('zh-CN');
  await expect(app.nav('设置')).toBeVisible();

  // The policy is really enforced: an inline script is refused and reported.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  const violations = await page.evaluate(
    () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
  );
  expect(violations).toEqual([expect.stringContaining('script-src')]);
});
