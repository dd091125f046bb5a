/** Page model of the app shell: selectors live here, specs read like what a person does. */
import { expect, type Locator, type Page } from '@playwright/test';

export const TABLES = ['customers', 'deals', 'interactions', 'productLines'] as const;

export class KehuApp {
  constructor(readonly page: Page) {}

  async open(path = './'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByRole('navigation')).toBeVisible();
  }

  nav(name: string | RegExp): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name });
  }

  count(table: (typeof TABLES)[number]): Locator {
    return this.page.getByTestId(`count-${table}`);
  }

  async countValue(table: (typeof TABLES)[number]): Promise<number> {
    const text = (await this.count(table).textContent()) ?? '';
    return Number(text.replace(/[^\d]/g, ''));
  }

  languageSelect(): Locator {
    return this.page.getByRole('banner').getByRole('combobox');
  }

  /** Fills the new-customer form; `fields` maps the visible label to the value. */
  async addCustomer(fields: Record<string, string>, submitLabel = 'Add customer'): Promise<void> {
    const form = this.page.getByRole('region', { name: /New customer|新增客户|新增客戶/ });
    for (const [label, value] of Object.entries(fields)) {
      await form.getByLabel(label, { exact: false }).first().fill(value);
    }
    await form.getByRole('button', { name: submitLabel }).click();
  }

  customerList(): Locator {
    return this.page.getByRole('region', { name: /^(Customers|客户|客戶)$/ });
  }

  async waitForServiceWorker(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
  }
}
