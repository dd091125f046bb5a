/** Page model of the spreadsheet sheets: selectors live here, specs read like what a person does. */
import { expect, type Locator, type Page } from '@playwright/test';
import { KehuApp } from './kehu-app';

export type Sheet = 'customers' | 'deals' | 'interactions' | 'productLines';

const TAB_NAMES: Record<Sheet, RegExp> = {
  customers: /^(Customers|客户|客戶)$/,
  deals: /^(Deals|交易)$/,
  interactions: /^(Interactions|联系记录|聯繫記錄|互動)$/,
  productLines: /^(Product lines|产品线|產品線)$/,
};

export class SheetsPage {
  readonly app: KehuApp;

  constructor(readonly page: Page) {
    this.app = new KehuApp(page);
  }

  async open(sheet: Sheet = 'customers'): Promise<void> {
    await this.app.open(`./#/sheets/${sheet}`);
    await expect(this.tab(sheet)).toHaveAttribute('aria-selected', 'true');
    await expect(this.grid()).toBeVisible();
  }

  /** Opens an empty book (dismisses the welcome card). */
  async openEmpty(sheet: Sheet = 'customers'): Promise<void> {
    await this.open(sheet);
    const startEmpty = this.page.getByRole('button', { name: 'Start with an empty book' });
    if (await startEmpty.isVisible()) await startEmpty.click();
  }

  tab(sheet: Sheet): Locator {
    return this.page.getByRole('tab', { name: TAB_NAMES[sheet] });
  }

  grid(): Locator {
    return this.page.getByRole('treegrid').or(this.page.getByRole('grid')).first();
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('toolbar').getByRole('button', { name });
  }

  search(): Locator {
    return this.page.getByRole('toolbar').getByRole('searchbox');
  }

  problems(): Locator {
    return this.page.getByRole('alert', { name: 'Problems' });
  }

  /** The status line under the sheet. */
  status(): Locator {
    return this.page.getByTestId('sheet-status');
  }

  rowCount(): Locator {
    return this.status().getByText(/ of [\d,]+ rows/);
  }

  /** The count / sum / average of the selected block, on the status line. */
  rangeStats(): Locator {
    return this.status().getByTestId('range-stats');
  }

  /** An action of the toolbar's "More" menu, the menu opened. */
  async moreAction(name: string | RegExp): Promise<Locator> {
    const menu = this.page.getByRole('toolbar').locator('details.more');
    if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
    return menu.getByRole('button', { name });
  }

  /** The cells drawn as the selected block. */
  rangeCells(): Locator {
    return this.grid().locator('.ag-cell.kehu-in-range');
  }

  /** The cell of column `colId` in the displayed row `rowIndex` (0-based). */
  cell(rowIndex: number, colId: string): Locator {
    return this.grid().locator(`[row-index="${rowIndex}"] [col-id="${colId}"]`).first();
  }

  /** The cell of column `colId` in the row that shows `text` somewhere. */
  async cellInRowWith(text: string, colId: string): Promise<Locator> {
    const row = this.grid().locator('[role="row"][row-index]', { hasText: text }).first();
    const index = await row.getAttribute('row-index');
    const cell = this.cell(Number(index), colId);
    await this.reveal(cell);
    return cell;
  }

  /** Scrolls the sheet sideways, as a person would, until the cell is on screen. */
  async reveal(cell: Locator): Promise<void> {
    const scroller = this.page.locator('.ag-body-horizontal-scroll-viewport').first();
    for (let i = 0; i < 30 && (await cell.count()) === 0; i += 1) {
      await scroller.evaluate((el) => el.scrollBy({ left: 250 }));
    }
    await cell.scrollIntoViewIfNeeded();
  }

  /** Scrolls the sheet back to its first columns (the grid keeps its sideways scroll between visits). */
  async scrollToStart(): Promise<void> {
    await this.page
      .locator('.ag-body-horizontal-scroll-viewport')
      .first()
      .evaluate((el) => el.scrollTo({ left: 0 }));
  }

  /** Types into a cell as a person does: select it, type (which starts editing), press Enter. */
  async typeInto(cell: Locator, text: string): Promise<void> {
    await this.reveal(cell);
    await cell.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Adds a draft row and types its first values; `values` maps a column id to the text. */
  async addRow(values: [colId: string, text: string][]): Promise<void> {
    await this.button('Add row').click();
    const draft = this.grid().locator('.kehu-draft-row').first();
    await expect(draft).toBeVisible();
    const index = Number(await draft.getAttribute('row-index'));
    for (const [colId, text] of values) await this.typeInto(this.cell(index, colId), text);
  }

  /**
   * Pastes tab-separated text at the focused cell, as the browser does for Ctrl+V: a `paste` event
   * with the text in its DataTransfer, fired at the focused element.
   */
  async paste(text: string): Promise<void> {
    await this.page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', data);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, text);
  }

  /** Fires a `copy` event at the focused element and returns the text the sheet put on the clipboard. */
  async copy(): Promise<string> {
    return this.page.evaluate(() => {
      const transfer = new DataTransfer();
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(
        new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
      return transfer.getData('text/plain');
    });
  }

  /** Loads the sample data from the welcome card and waits until every customer is stored. */
  async loadSample(): Promise<void> {
    await this.app.open();
    await this.page.getByRole('button', { name: 'Load sample data' }).click();
    await expect(this.app.count('customers')).toHaveText('300', { timeout: 30_000 });
  }

  /** Sorts by a column by clicking its header until the sort is `direction`. */
  async sortBy(colId: string, direction: 'ascending' | 'descending'): Promise<void> {
    const header = this.grid().locator(`.ag-header-cell[col-id="${colId}"]`);
    for (let i = 0; i < 3 && (await header.getAttribute('aria-sort')) !== direction; i += 1) {
      await header.locator('.ag-header-cell-label').click();
    }
    await expect(header).toHaveAttribute('aria-sort', direction);
  }

  /**
   * Types a new row by keyboard alone: "Add row", then each value followed by Tab (an empty value just
   * moves on), Enter after the last one. Nothing waits between keys but the typing itself.
   */
  async typeNewRow(values: string[]): Promise<void> {
    await this.button('Add row').click();
    await expect(this.grid().locator('.kehu-draft-row')).toBeVisible();
    for (const [i, value] of values.entries()) {
      if (value) await this.page.keyboard.type(value);
      await this.page.keyboard.press(i === values.length - 1 ? 'Enter' : 'Tab');
    }
  }

  /** The texts of a displayed row's cells, by column id. */
  async rowTexts(rowIndex: number, colIds: string[]): Promise<string[]> {
    const texts = await Promise.all(colIds.map((colId) => this.cell(rowIndex, colId).innerText()));
    // A name cell ends with its "open Customer 360" arrow.
    return texts.map((text) => text.replace(/\s*↗$/, ''));
  }

  /** The row that shows `text` (a rendered row of the grid, its cells in one or more containers). */
  rowWith(text: string): Locator {
    return this.grid().locator('[role="row"][row-index]', { hasText: text }).first();
  }

  trash(): Locator {
    return this.page.getByRole('region', { name: /^Trash · / });
  }
}
