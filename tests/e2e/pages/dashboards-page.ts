/**
 * Page model of the Value, Loyalty and Sales & money dashboards (Analysis screen), and a reader of the
 * stored rows (raw IndexedDB) so a spec can compute the expected figures itself.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type DashboardTab = 'value' | 'loyalty' | 'sales';

export interface StoredRows {
  customers: { id: string; name: string; deletedAt: number | null; region: string }[];
  deals: {
    customerId: string;
    stage: string;
    openDate: string;
    closeDate: string;
    dueDate: string;
    amount: number;
    paidAmount: number;
    deletedAt: number | null;
  }[];
  metrics: {
    customerId: string;
    tier: string;
    contemporaryValue: number;
    rfmR: number | null;
    rfmF: number | null;
    lifecycle: string;
  }[];
  today: string;
}

/** Cents from a money text as shown ("¥1,234.50", "-¥20.00", "−¥20.00"). */
export function cents(text: string): number {
  const negative = /[-−]/.test(text);
  const digits = text.replace(/[^\d.]/g, '');
  const value = Math.round(Number(digits) * 100);
  return negative ? -value : value;
}

export function count(text: string): number {
  return Number(text.replace(/[^\d]/g, ''));
}

export class DashboardsPage {
  constructor(readonly page: Page) {}

  async open(tab: DashboardTab): Promise<void> {
    await this.page.goto(`./#/analysis/${tab}`);
    await expect(this.page.getByRole('heading', { level: 1, name: /Analysis|分析/ })).toBeVisible();
  }

  tab(name: string | RegExp): Locator {
    return this.page
      .getByRole('navigation', { name: /Analysis sections|分析栏目|分析欄目/ })
      .getByRole('link', { name });
  }

  chart(title: string | RegExp): Locator {
    return this.page.getByRole('region', { name: title });
  }

  /** A chart's canvas box: `data-drawn` tells whether its figures are drawn, `data-points` how many. */
  canvas(chart: Locator): Locator {
    return chart.locator('[data-drawn]');
  }

  /** Scrolls to every chart of the dashboard, as a reader would, so each gets drawn; then back up. */
  async scrollThroughCharts(): Promise<void> {
    for (const box of await this.page.locator('.dashboards [data-drawn]').all()) {
      await box.scrollIntoViewIfNeeded();
      await expect(box).toHaveAttribute('data-drawn', 'true');
    }
    await this.page.evaluate(() => window.scrollTo(0, 0));
  }

  /** Switches a chart to its table view and returns the table found by its test id. */
  async table(chart: Locator, testId: string): Promise<Locator> {
    await chart.getByRole('button', { name: /^(Table|表格)$/ }).click();
    return chart.getByTestId(testId);
  }

  /** The dates the dashboards cover: the analysis period unless the owner narrows it. */
  async period(): Promise<{ from: string; to: string }> {
    const filters = this.page.getByRole('region', { name: 'Filters for every dashboard' });
    return {
      from: await filters.getByLabel('From', { exact: true }).inputValue(),
      to: await filters.getByLabel('To', { exact: true }).inputValue(),
    };
  }

  filter(name: 'Owner' | 'Region' | 'Industry' | 'Tier'): Locator {
    return this.page
      .getByRole('region', { name: 'Filters for every dashboard' })
      .getByRole('combobox', { name, exact: true });
  }

  drillList(): Locator {
    return this.page.getByTestId('dash-drill');
  }

  async drillNames(): Promise<string[]> {
    return this.drillList().getByRole('rowheader').allTextContents();
  }

  /** Resolves once the dashboard shows the figures of the latest metrics and no request is running. */
  async settled(timeout = 10_000): Promise<void> {
    await expect(this.page.locator('.dashboards[data-ready="true"]')).toBeVisible({ timeout });
  }

  /** Every live customer, deal and metrics row, and the browser's local date. */
  storedRows(): Promise<StoredRows> {
    return this.page.evaluate(
      () =>
        new Promise<StoredRows>((resolve, reject) => {
          const request = indexedDB.open('kehu');
          request.onerror = () => reject(request.error ?? new Error('open failed'));
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction(['customers', 'deals', 'customerMetrics'], 'readonly');
            const all = (name: string) =>
              new Promise<unknown[]>((ok, fail) => {
                const r = tx.objectStore(name).getAll();
                r.onsuccess = () => ok(r.result as unknown[]);
                r.onerror = () => fail(r.error ?? new Error('read failed'));
              });
            void Promise.all([all('customers'), all('deals'), all('customerMetrics')]).then(
              ([customers, deals, metrics]) => {
                db.close();
                const now = new Date();
                const today = new Date(now.getTime() - now.getTimezoneOffset() * 60_000)
                  .toISOString()
                  .slice(0, 10);
                resolve({
                  customers: (customers as StoredRows['customers']).filter((c) => c.deletedAt === null),
                  deals: (deals as StoredRows['deals']).filter((d) => d.deletedAt === null),
                  metrics: metrics as StoredRows['metrics'],
                  today,
                });
              },
              reject,
            );
          };
        }),
    );
  }

  /** Writes fields of one customer straight into the database (as another device or an import would). */
  renameCustomer(id: string, fields: { name: string; region: string }): Promise<void> {
    return this.page.evaluate(
      ({ id, fields }) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('kehu');
          request.onerror = () => reject(request.error ?? new Error('open failed'));
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('customers', 'readwrite');
            const store = tx.objectStore('customers');
            const get = store.get(id);
            get.onsuccess = () => store.put({ ...(get.result as object), ...fields });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error ?? new Error('write failed'));
          };
        }),
      { id, fields },
    );
  }
}
