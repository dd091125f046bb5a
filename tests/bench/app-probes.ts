/**
 * How the benchmark sees the app: what "the Customers sheet is usable" and "a filter has applied"
 * mean on screen. Kept in one place so that a change of the sheets' UI changes only this file.
 */
import type { Page } from '@playwright/test';

/** Records every long main-thread task (PerformanceObserver 'longtask') from the first script on. */
export const LONG_TASK_PROBE = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
`;

/** The longest task (ms) that started between `from` and `to` (page clock, performance.now()). */
export async function longestTask(page: Page, from = 0, to = Infinity): Promise<number> {
  return page.evaluate(
    ([a, b]) => {
      const tasks = (window as unknown as { __longTasks?: [number, number][] }).__longTasks ?? [];
      return Math.max(0, ...tasks.filter(([start]) => start >= a && start <= b).map(([, d]) => d));
    },
    [from, to] as const,
  );
}

/** The page's clock (performance.now()). */
export async function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/**
 * Waits for the value engine's recompute that a write started: its state (on <body data-analytics>,
 * src/ui/common/AnalyticsBadge.svelte) leaves 'idle', then comes back to it.
 */
export async function waitForRecompute(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.analytics !== 'idle', undefined, {
    timeout: 60_000,
    polling: 50,
  });
  await page.waitForFunction(() => document.body.dataset.analytics === 'idle', undefined, {
    timeout: 1_800_000,
    polling: 100,
  });
}

export async function jsHeapBytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

/**
 * Milliseconds from navigation start until the Customers sheet shows the stored count and its first
 * rows (the page is usable: rows to read, scroll and edit), and until every row is in the sheet (its
 * count reads "N of N rows" instead of "Loading rows…").
 */
export async function waitForCustomersSheet(
  page: Page,
  customers: number,
): Promise<{ usableMs: number; allRowsMs: number }> {
  const usable = await page.waitForFunction(
    (expected) => {
      const count = document.querySelector('[data-testid="count-customers"]')?.textContent ?? '';
      const rows = document.querySelectorAll('[role="row"][row-index]').length;
      return Number(count.replace(/[^\d]/g, '')) === expected && rows > 0 ? performance.now() : 0;
    },
    customers,
    { timeout: 600_000, polling: 'raf' },
  );
  const all = await page.waitForFunction(
    (expected) => {
      const match = /([\d,]+) of ([\d,]+) rows/.exec(document.body.innerText);
      return match && Number(match[2]!.replace(/,/g, '')) === expected ? performance.now() : 0;
    },
    customers,
    { timeout: 600_000, polling: 'raf' },
  );
  return { usableMs: (await usable.jsonValue()) as number, allRowsMs: (await all.jsonValue()) as number };
}

/**
 * Scrolls the Customers sheet down by half a screen per frame for `frames` frames (a fast wheel flick
 * or a dragged scrollbar: every frame shows rows the grid has not drawn yet) and returns the 95th
 * percentile and the longest of the intervals between frames (ms). 16.7 ms is a frame at 60 Hz.
 */
export async function timeScroll(page: Page, frames = 120): Promise<{ p95Ms: number; maxMs: number }> {
  return page.evaluate(async (n) => {
    const viewport = document.querySelector<HTMLElement>('.ag-grid-viewport');
    if (!viewport) throw new Error('no grid viewport on the Customers sheet');
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const gaps: number[] = [];
    let last = await frame();
    for (let i = 0; i < n; i += 1) {
      viewport.scrollTop += viewport.clientHeight / 2;
      const now = await frame();
      gaps.push(now - last);
      last = now;
    }
    gaps.sort((a, b) => a - b);
    return { p95Ms: gaps[Math.floor(0.95 * (gaps.length - 1))] ?? 0, maxMs: gaps.at(-1) ?? 0 };
  }, frames);
}

/**
 * Milliseconds from typing a customer code into the sheet's search box until the sheet shows only the
 * one matching row (its "1 of N rows" count, and a row on screen).
 */
export async function timeFilter(page: Page, code: string): Promise<number> {
  return page.evaluate(async (query) => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) throw new Error('no search box on the Customers sheet');
    const t0 = performance.now();
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return new Promise<number>((resolve) => {
      const check = () => {
        const filtered = /(^|\s)1 of [\d,]+ rows/.test(document.body.innerText);
        const shown = document.querySelectorAll('[role="row"][row-index]').length > 0;
        if (filtered && shown) resolve(performance.now() - t0);
        else requestAnimationFrame(check);
      };
      check();
    });
  }, code);
}

/** Main-thread task time (ms, from the DevTools `TaskDuration` metric) spent while `action` runs. */
export async function mainThreadMs(page: Page, action: () => Promise<void>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  const before = await taskSeconds();
  await action();
  const after = await taskSeconds();
  await cdp.detach();
  return (after - before) * 1000;
}

/** Resolves when the dashboards show the figures of the latest metrics and no request is running. */
export async function waitForDashboards(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('.dashboards[data-ready="true"]') !== null,
    undefined,
    { timeout: 600_000, polling: 100 },
  );
}

/**
 * Main-thread work of switching from the Value to the Loyalty dashboard and of choosing tier A. The
 * switch ends when the RFM grid, the chart on screen, is drawn: charts below the fold are drawn only
 * when scrolled to (src/ui/charts/draw-when-seen.ts), so they are not part of what the person waits for.
 */
export async function timeDashboards(page: Page): Promise<{ switchMs: number; filterMs: number }> {
  await page.goto('/#/analysis/value');
  await waitForDashboards(page);
  const switchMs = await mainThreadMs(page, async () => {
    await page.getByRole('link', { name: 'Loyalty' }).click();
    await waitForDashboards(page);
    await page
      .getByRole('region', { name: /RFM grid/ })
      .locator('[data-drawn="true"]')
      .waitFor();
  });
  const filterMs = await mainThreadMs(page, async () => {
    await page
      .getByRole('region', { name: 'Filters for every dashboard' })
      .getByRole('combobox', { name: 'Tier', exact: true })
      .selectOption('A');
    await page.waitForFunction(() => document.querySelector('.dashboards[aria-busy="true"]') === null);
    await waitForDashboards(page);
  });
  return { switchMs, filterMs };
}
