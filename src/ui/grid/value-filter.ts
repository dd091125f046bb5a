/**
 * A column's filter by value, as Excel's: a search box, "(Select all)", and each distinct value of the
 * column with a box to tick and the number of rows holding it. AG Grid Community has no set filter, so
 * this is a custom filter component (AG Grid's `IFilterComp`, with `CustomFilterModule`); the counting,
 * narrowing and passing are in src/domain/value-list.ts.
 *
 * - The list is counted each time the filter opens, over the rows that pass the other column filters
 *   (one pass over the rows, some 30 ms at 100 000), and at most `SHOWN` values are drawn: with more,
 *   the search box narrows the list.
 * - Every tick applies at once. With every value ticked the filter is off; otherwise its model is the
 *   list of values ticked (stored values, not labels, so a saved view reads the same in any language).
 *   A value first stored after the filter was set is not ticked, as in Excel. A text filter saved with
 *   a view before these columns had this filter still applies (on the labels) until the list is changed.
 * - Keyboard: the search box has the focus on opening; Tab goes to the boxes; ↑ / ↓ move between boxes;
 *   Space ticks. Draft rows (being typed) always pass, as they do the search.
 * - The DOM is built with createElement and textContent only: user data never becomes HTML.
 */
import type { IDoesFilterPassParams, IFilterComp, IFilterParams } from 'ag-grid-community';
import {
  countValues,
  isValueListModel,
  legacyTextTest,
  passesValues,
  valuesMatching,
  type ValueCount,
  type ValueListModel,
} from '../../domain/value-list';
import { i18n } from '../../i18n/i18n.svelte';
import type { SheetContext, SheetRow } from './column-defs';

/** The most values drawn in the list at once. */
export const SHOWN = 500;

/** What a column hands its value filter (`filterParams`). */
export interface ValueFilterParams {
  /** The stored values of a row's cell (none for an empty cell). */
  valuesOf: (row: SheetRow) => string[];
  /** A stored value as shown. */
  label: (value: string) => string;
}

type Params = IFilterParams<SheetRow, SheetContext> & ValueFilterParams;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== '') node.textContent = text;
  return node;
}

export class ValueFilter implements IFilterComp<SheetRow> {
  #params!: Params;
  /** The values ticked; null when every value is (the filter is off). */
  #ticked: Set<string> | null = null;
  /** A text filter kept from an older saved view, until the list is changed (see `legacyTextTest`). */
  #legacy: { model: unknown; test: (label: string) => boolean } | null = null;
  #counts: ValueCount[] = [];
  #gui!: HTMLElement;
  #search!: HTMLInputElement;
  #all!: HTMLInputElement;
  #allText!: HTMLElement;
  #list!: HTMLElement;
  #note!: HTMLElement;

  init(params: Params): void {
    this.#params = params;
    const column = params.colDef.headerName ?? '';
    this.#gui = element('div', 'kehu-value-filter');
    this.#search = element('input', 'kehu-value-filter-search');
    this.#search.type = 'search';
    this.#search.placeholder = i18n.t('valueFilter.searchPlaceholder');
    this.#search.setAttribute('aria-label', i18n.t('valueFilter.search'));
    this.#search.addEventListener('input', () => this.#render());
    const allRow = element('label', 'kehu-value-filter-item kehu-value-filter-all');
    this.#all = element('input', '');
    this.#all.type = 'checkbox';
    this.#all.addEventListener('change', () => this.#tickShown(this.#all.checked));
    this.#allText = element('span', '');
    allRow.append(this.#all, this.#allText);
    this.#list = element('div', 'kehu-value-filter-list');
    this.#list.setAttribute('role', 'group');
    this.#list.setAttribute('aria-label', i18n.t('valueFilter.list', { column }));
    this.#note = element('p', 'kehu-value-filter-note');
    this.#gui.append(this.#search, allRow, this.#list, this.#note);
    this.#gui.addEventListener('keydown', (e) => this.#onKey(e));
  }

  getGui(): HTMLElement {
    return this.#gui;
  }

  afterGuiAttached(): void {
    this.#count();
    this.#render();
    this.#search.focus();
  }

  isFilterActive(): boolean {
    return this.#ticked !== null || this.#legacy !== null;
  }

  doesFilterPass({ data }: IDoesFilterPassParams<SheetRow>): boolean {
    if (!this.isFilterActive() || this.#params.context.drafts.has(data.id)) return true;
    const values = this.#params.valuesOf(data);
    if (this.#legacy) {
      const test = this.#legacy.test;
      return values.length === 0 ? test('') : values.some((value) => test(this.#params.label(value)));
    }
    return passesValues(values, this.#ticked ?? new Set());
  }

  getModel(): unknown {
    if (this.#legacy) return this.#legacy.model;
    return this.#ticked === null
      ? null
      : ({ filterType: 'values', values: [...this.#ticked] } satisfies ValueListModel);
  }

  setModel(model: unknown): void {
    this.#ticked = isValueListModel(model) ? new Set(model.values) : null;
    const test = legacyTextTest(model);
    this.#legacy = test ? { model, test } : null;
    if (this.#gui.isConnected) this.#render();
  }

  /** Counts the values of the rows that pass the other filters. */
  #count(): void {
    const { api, valuesOf, label } = this.#params;
    const cells: string[][] = [];
    api.forEachNode((node) => {
      if (node.data && this.#params.doesRowPassOtherFilter(node)) cells.push(valuesOf(node.data));
    });
    this.#counts = countValues(cells, label);
  }

  #label = (value: string): string =>
    value === '' ? i18n.t('valueFilter.blank') : this.#params.label(value);

  #isTicked(value: string): boolean {
    if (this.#legacy) return this.#legacy.test(value === '' ? '' : this.#params.label(value));
    return this.#ticked === null || this.#ticked.has(value);
  }

  #shown(): ValueCount[] {
    return valuesMatching(this.#counts, this.#label, this.#search.value);
  }

  #render(): void {
    const shown = this.#shown();
    const searching = this.#search.value.trim() !== '';
    this.#allText.textContent = i18n.t(searching ? 'valueFilter.selectAllFound' : 'valueFilter.selectAll');
    const tickedShown = shown.filter((item) => this.#isTicked(item.value)).length;
    this.#all.checked = shown.length > 0 && tickedShown === shown.length;
    this.#all.indeterminate = tickedShown > 0 && tickedShown < shown.length;
    this.#all.disabled = shown.length === 0;
    const items = shown.slice(0, SHOWN).map((item) => {
      const row = element('label', 'kehu-value-filter-item');
      const box = element('input', '');
      box.type = 'checkbox';
      box.checked = this.#isTicked(item.value);
      box.addEventListener('change', () => this.#tick([item.value], box.checked));
      const name = element('span', 'kehu-value-filter-label', this.#label(item.value));
      const count = element('span', 'kehu-value-filter-count', i18n.number(item.count));
      count.title = i18n.t('valueFilter.count', { count: item.count });
      row.append(box, name, count);
      return row;
    });
    this.#list.replaceChildren(...items);
    this.#note.textContent =
      shown.length === 0
        ? i18n.t('valueFilter.none')
        : shown.length > SHOWN
          ? i18n.t('valueFilter.more', { count: shown.length - SHOWN })
          : '';
  }

  /** Ticks or unticks every value in the list as shown (narrowed by the search). */
  #tickShown(ticked: boolean): void {
    this.#tick(
      this.#shown().map((item) => item.value),
      ticked,
    );
  }

  #tick(values: readonly string[], ticked: boolean): void {
    const set =
      this.#ticked ??
      new Set(this.#counts.filter((item) => this.#isTicked(item.value)).map((item) => item.value));
    this.#legacy = null;
    for (const value of values) {
      if (ticked) set.add(value);
      else set.delete(value);
    }
    // Every value of the list ticked: the filter is off (values stored later pass too).
    const every = this.#counts.every((item) => set.has(item.value));
    this.#ticked = every ? null : set;
    this.#render();
    this.#params.filterChangedCallback();
  }

  /** ↑ / ↓ move between the boxes (and from the search box into the list). */
  #onKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const boxes = [this.#all, ...this.#list.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    const at = boxes.indexOf(document.activeElement as HTMLInputElement);
    if (at === -1 && event.target !== this.#search) return;
    event.preventDefault();
    const next = at === -1 ? 0 : at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) this.#search.focus();
    else boxes[Math.min(next, boxes.length - 1)]?.focus();
  }
}
