/** Page model of the follow-up list (Analysis → Follow-up): selectors live here. */
import { expect, type Locator, type Page } from '@playwright/test';

export const OUTREACH = ['at-risk', 'lifecycle', 'care'] as const;

export class FollowUpPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('./#/analysis/follow-up');
    await expect(
      this.page.getByRole('heading', { level: 2, name: /Who to contact this week|本周该联系谁/ }),
    ).toBeVisible();
  }

  /** Waits until the value engine has tiers and lifecycle stages (care items need them). */
  async waitForMetrics(): Promise<void> {
    await expect(this.page.getByText(/Tiers and lifecycle stages are being computed/)).toBeHidden({
      timeout: 60_000,
    });
    await expect(this.items().first()).toBeVisible({ timeout: 30_000 });
  }

  items(): Locator {
    return this.page.getByTestId('follow-up-item');
  }

  /** Items of one customer (the list filtered by the customer search). */
  itemsOf(name: string): Locator {
    return this.items().filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  outreachItems(): Locator {
    return this.items().and(this.page.locator(OUTREACH.map((k) => `[data-kind="${k}"]`).join(',')));
  }

  reason(item: Locator): Locator {
    return item.getByTestId('follow-up-reason');
  }

  doneButton(item: Locator): Locator {
    return item.getByRole('button', { name: /^Mark done|^标记完成/ });
  }

  async searchCustomer(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: /Customer|客户/ }).fill(text);
  }

  count(kind: string): Locator {
    return this.page.getByTestId(`follow-up-count-${kind}`);
  }

  owner(): Locator {
    return this.page.getByRole('combobox', { name: /Owner|负责人/ });
  }

  tier(): Locator {
    return this.page.getByRole('combobox', { name: /Tier|等级/ });
  }

  notice(): Locator {
    return this.page.locator('.toast-region');
  }
}
