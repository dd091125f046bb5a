/** Page model of the Analysis screen (rating and portfolio sections): selectors live here. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class AnalysisPage {
  constructor(readonly page: Page) {}

  async open(section: 'rating' | 'portfolio'): Promise<void> {
    await this.page.goto(`./#/analysis/${section}`);
    await expect(this.page.getByRole('heading', { level: 1, name: /Analysis|分析/ })).toBeVisible();
  }

  tab(name: string | RegExp): Locator {
    return this.page
      .getByRole('navigation', { name: /Analysis sections|分析栏目|分析欄目/ })
      .getByRole('link', { name });
  }

  /** The select of the AHP cell "row compared with column". */
  judgement(row: string, column: string): Locator {
    return this.page.getByRole('combobox', { name: `${row} compared with ${column}` });
  }

  /** A row of the AHP matrix, by its criterion name. */
  ahpRow(name: string): Locator {
    return this.page
      .getByRole('region', { name: /Pairwise comparisons/ })
      .getByRole('row', { name: new RegExp(`^${name}`) });
  }

  ahpWeight(key: string): Locator {
    return this.page.getByTestId(`ahp-weight-${key}`);
  }

  consistencyRatio(): Locator {
    return this.page.getByTestId('ahp-cr');
  }

  gradeCount(grade: 'core' | 'key' | 'ordinary' | 'potential' | 'none'): Locator {
    return this.page.getByTestId(`grade-count-${grade}`);
  }

  criterionData(key: string): Locator {
    return this.page.getByTestId(`criterion-data-${key}`);
  }

  /** The card of one chart, found by its title. */
  chart(title: string | RegExp): Locator {
    return this.page.getByRole('region', { name: title });
  }

  async showTable(chart: Locator): Promise<Locator> {
    await chart.getByRole('button', { name: 'Table' }).click();
    return chart.getByRole('table');
  }

  async downloadPng(chart: Locator): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await chart.getByRole('button', { name: 'Download PNG' }).click();
    return download;
  }

  /** Number of points the chart drew (set once Chart.js has rendered). */
  plottedPoints(chart: Locator): Locator {
    return chart.locator('[data-points]');
  }
}
