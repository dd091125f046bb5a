/**
 * Deploying a new version while the app is open: the new service worker is offered, never forced, so an
 * edit in progress is not lost; accepting it runs the new version with the data intact. Builds the app
 * twice into a folder served by this test, as a static host would serve a fresh upload — the second
 * time from a copy of the source whose schema has one more Dexie version (a new index and an upgrade
 * that rewrites every customer), as a real release with a schema change would.
 */
import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CURRENT_SCHEMA_VERSION } from '../../src/storage/db';
import { SheetsPage } from './pages/sheets-page';
import { build, serve } from './static-site';

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'svelte.config.js', 'package.json'];

/**
 * A copy of this checkout's app source, under `dir`, whose db.ts declares one more schema version: the
 * customers get a `phone` index, and the upgrade rewrites every customer row (unchanged).
 */
function sourceWithNewSchema(dir: string): string {
  for (const name of SOURCES) cpSync(resolve(name), join(dir, name), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  const db = join(dir, 'src/storage/db.ts');
  const text = readFileSync(db, 'utf8');
  const head = 'export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [';
  const tail = '/** The schema version this code writes. */';
  if (!text.includes(head) || !text.includes(tail)) throw new Error('db.ts changed: update this test');
  const next = `const SHIPPED_VERSIONS: SchemaVersion[] = [`;
  const added = `const LAST_SHIPPED = SHIPPED_VERSIONS[SHIPPED_VERSIONS.length - 1] as SchemaVersion;
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  ...SHIPPED_VERSIONS,
  {
    version: LAST_SHIPPED.version + 1,
    stores: { ...LAST_SHIPPED.stores, customers: \`\${String(LAST_SHIPPED.stores.customers)}, phone\` },
    upgrade: (tx) => tx.table('customers').toCollection().modify(() => undefined),
  },
];

`;
  writeFileSync(db, text.replace(head, next).replace(tail, added + tail));
  return dir;
}

/** The version of the app's database as IndexedDB reports it (Dexie stores ten times its own). */
function storedSchemaVersion(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const found = (await indexedDB.databases()).find((d) => d.name === 'kehu');
    return (found?.version ?? 0) / 10;
  });
}

for (const visit of ['first', 'later'] as const) {
  test(`on a ${visit} visit, a new version is offered, not forced, and runs with the data intact once accepted`, async ({
    page,
  }) => {
    // Two production builds (about 15 s each here) and a schema upgrade: about 85 s in all.
    test.setTimeout(240_000);
    const site = mkdtempSync(join(tmpdir(), 'kehu-update-'));
    const next = mkdtempSync(join(tmpdir(), 'kehu-next-'));
    build(site, 'v1-test');
    const server = await serve(site);
    try {
      const sheets = new SheetsPage(page);
      const app = sheets.app;
      await app.open(server.url);
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

      expect(await storedSchemaVersion(page)).toBe(CURRENT_SCHEMA_VERSION);
      build(site, 'v2-test', sourceWithNewSchema(next));
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      await expect(page.getByText('A new version of Kehu is ready.')).toBeVisible({ timeout: 30_000 });
      await expect(editor).toHaveValue('13912345678');

      await page.getByRole('button', { name: 'Update now' }).click();
      await expect(editor).toBeHidden({ timeout: 30_000 });
      // The new version runs on the new schema, with the saved row and the half-typed value both kept.
      await expect(sheets.grid().getByText('Saved Before The Update')).toBeVisible();
      await expect(await sheets.cellInRowWith('Saved Before The Update', 'phone')).toHaveText('13912345678');
      expect(await storedSchemaVersion(page)).toBe(CURRENT_SCHEMA_VERSION + 1);
      await expect(app.count('customers')).toHaveText('1');
      await page.screenshot({ path: `/work/shots/weaktests/app-update-${visit}.png` });
      await app.nav('Settings').click();
      await expect(page.getByTestId('app-version')).toContainText('v2-test');
    } finally {
      await server.stop();
      rmSync(site, { recursive: true, force: true });
      rmSync(next, { recursive: true, force: true });
    }
  });
}
