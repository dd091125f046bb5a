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

  /** The storage-error banners under the header (not a sheet's own list of problems). */
  storageBanner(): Locator {
    return this.page.locator('.banners').getByRole('alert');
  }

  languageSelect(): Locator {
    return this.page.getByRole('banner').getByRole('combobox');
  }

  async waitForServiceWorker(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
  }
}
