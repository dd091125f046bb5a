/** Page model of Customer 360's value block: selectors live here. */
import { expect, type Locator, type Page } from '@playwright/test';

export const VALUE_FIGURES = [
  'contemporaryValue',
  'tier',
  'valueClass',
  'shareOfWallet',
  'rfm',
  'loyalty',
  'potential',
  'lifecycle',
  'relationship',
] as const;
export type ValueFigure = (typeof VALUE_FIGURES)[number];

export class CustomerValueBlock {
  constructor(readonly page: Page) {}

  async openCustomer(customerId: string): Promise<void> {
    await this.page.goto(`./#/customer/${encodeURIComponent(customerId)}`);
    await expect(this.region()).toBeVisible();
  }

  region(): Locator {
    return this.page.getByRole('region', { name: /^(Value|价值|價值)$/ });
  }

  figure(name: ValueFigure): Locator {
    return this.region().getByTestId(`value-${name}`);
  }

  /** Opens the explanation of a figure ("How was this computed?") and returns it. */
  async explain(name: ValueFigure): Promise<Locator> {
    const details = this.region().locator('details', { has: this.page.getByTestId(`value-${name}`) });
    await details.locator('summary').click();
    return details;
  }
}
