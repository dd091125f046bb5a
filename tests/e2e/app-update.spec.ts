/**
 * Deploying a new version while the app is open: the new service worker is offered, never forced, so an
 * edit in progress is not lost; accepting it runs the new version with the data intact. Builds the app
 * twice into a folder served by this test, as a static host would serve a fresh upload.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { SheetsPage } from './pages/sheets-page';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function build(outDir: string, buildId: string): void {
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, KEHU_BUILD_ID: buildId },
    stdio: 'inherit',
  });
}

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

for (const visit of ['first', 'later'] as const) {
  test(`on a ${visit} visit, a new version is offered, not forced, and runs with the data intact once accepted`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const site = mkdtempSync(join(tmpdir(), 'kehu-update-'));
    build(site, 'v1-test');
    const server = await serve(site);
    try {
      const sheets = new SheetsPage(page);
      const app = sheets.app;
      await app.open(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await page.getByRole('button', { name: 'Start with an empty book' }).click();
      await sheets.addRow([['name', 'Saved Before The Update']]);
      await expect(app.count('customers')).toHaveText('1');
      await app.waitForServiceWorker();
      // On a later visit the page is controlled by the installed service worker; on the first it is not.
      if (visit === 'later') {
        await page.reload();
        expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      }

      // An edit in progress: typed, not yet saved.
      // An edit in progress: a cell being typed into, not yet confirmed.
      const phone = await sheets.cellInRowWith('Saved Before The Update', 'phone');
      await phone.click();
      await page.keyboard.type('13912345678');
      const editor = sheets.grid().locator('.ag-cell-inline-editing input').first();
      await expect(editor).toHaveValue('13912345678');

      build(site, 'v2-test');
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      await expect(page.getByText('A new version of Kehu is ready.')).toBeVisible({ timeout: 30_000 });
      await expect(editor).toHaveValue('13912345678');

      await page.getByRole('button', { name: 'Update now' }).click();
      await expect(editor).toBeHidden({ timeout: 30_000 });
      await expect(sheets.grid().getByText('Saved Before The Update')).toBeVisible();
      await app.nav('Settings').click();
      await expect(page.getByTestId('app-version')).toContainText('v2-test');
    } finally {
      server.close();
      rmSync(site, { recursive: true, force: true });
    }
  });
}
