/**
 * The duplicate finder at L (100 000 customers, DESIGN.md §6): from opening #/duplicates to the groups
 * on screen, and the longest main-thread task meanwhile (budget 5 s, no task over 200 ms). The customers
 * are written straight into the app's IndexedDB (a fresh profile), about 2 % of them a second spelling
 * of another (legal form and city dropped, phone with +86 and dashes, e-mail in capitals). Prints its
 * figures; run alone with `npx playwright test -c tests/bench/playwright.config.ts duplicate-finder`.
 */
import { expect, test } from '@playwright/test';
import { LONG_TASK_PROBE, longestTask, pageNow } from './app-probes';

const CUSTOMERS = Number(process.env.BENCH_DUP_CUSTOMERS ?? 100_000);

test('duplicate finder at L', async ({ page }) => {
  test.setTimeout(10 * 60 * 1000);
  await page.addInitScript(LONG_TASK_PROBE);
  await page.goto('./#/settings');
  await expect(page.getByRole('navigation')).toBeVisible();
  await page.evaluate(async (count) => {
    const cities = ['深圳', '广州', '上海', '杭州', '苏州', '成都', '武汉', '厦门'];
    const words = ['华成', '明辉', '宏达', '金泰', '恒信', '瑞丰', '鑫源', '永康', '天宇', '东方'];
    const trades = ['电子', '贸易', '机械', '五金', '塑胶', '纺织', '物流', '科技'];
    const open = indexedDB.open('kehu');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('customers', 'readwrite');
    const store = tx.objectStore('customers');
    for (let i = 0; i < count; i++) {
      const twin = i % 50 === 49; // every 50th customer is a second spelling of the one before
      const n = twin ? i - 1 : i;
      const core = `${words[n % 10]}${words[Math.floor(n / 10) % 10]}${trades[Math.floor(n / 100) % 8]}${Math.floor(n / 800)}`;
      const city = cities[n % 8] ?? '';
      const phone = `138${String(n).padStart(8, '0')}`;
      store.put({
        id: `bench-dup-${String(i).padStart(6, '0')}`,
        code: `C${String(i).padStart(6, '0')}`,
        name: twin ? `${core}（${city}）` : `${city}${core}有限公司`,
        taxId: '',
        licenceNo: '',
        contactName: '',
        phone: twin ? `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}` : phone,
        email: twin ? `SALES${n}@EXAMPLE.CN` : `sales${n}@example.cn`,
        address: '',
        region: '',
        industry: '',
        owner: '',
        relationshipType: '',
        walletEstimate: null,
        doNotContact: false,
        loyaltyTypes: [],
        strategicImportance: null,
        notes: '',
        createdAt: 1_700_000_000_000 + i,
        updatedAt: 1_700_000_000_000 + i,
        deletedAt: null,
        batchId: '',
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, CUSTOMERS);
  await page.reload();
  await expect(page.getByRole('navigation')).toBeVisible();
  await page.waitForTimeout(3000); // let the value engine's first recompute of the new rows start

  const started = await pageNow(page);
  await page.evaluate(() => (location.hash = '#/duplicates'));
  const summary = page.getByText(/Groups of likely duplicates: /);
  await expect(summary).toBeVisible({ timeout: 120_000 });
  const shown = await pageNow(page);
  const text = (await summary.textContent()) ?? '';
  const longest = await longestTask(page, started, shown);
  const span = page.locator('[data-read-ms]');
  const figures = {
    customers: CUSTOMERS,
    openToGroupsMs: Math.round(shown - started),
    workerReadMs: Number(await span.getAttribute('data-read-ms')),
    workerMatchMs: Number(await span.getAttribute('data-match-ms')),
    longestMainThreadTaskMs: Math.round(longest),
    summary: text.trim(),
  };
  console.log(`duplicate finder: ${JSON.stringify(figures)}`);
  expect(text).toContain(`duplicates: ${new Intl.NumberFormat('en').format(Math.floor(CUSTOMERS / 50))},`);
});
