/**
 * The box that selects a row, in the grid's selection column: one plain `<input type="checkbox">`.
 *
 * AG Grid's own row checkbox is a component of seven elements (wrapper, label, styled box drawn with
 * pseudo-elements) built through its component factory. Scrolling the Customers sheet half a screen
 * per frame creates about six rows per frame, and that checkbox was the largest part of each new row:
 * about a seventh of the script time per frame and a third of the new elements to style, lay out and
 * paint (CPU profile and trace of the open stage's scroll at 100 000 customers). The select-all box in
 * the column's header stays the grid's own.
 *
 * A click toggles the row; Shift+click sets every row from the previous clicked one to this one to the
 * clicked row's new state, as the grid's own checkbox does.
 */
import type { GridApi, ICellRendererComp, ICellRendererParams, IRowNode } from 'ag-grid-community';
import { i18n } from '../../i18n/i18n.svelte';

/** Per grid, the row whose box was clicked last (where a Shift+click range starts). */
const lastClicked = new WeakMap<GridApi, string>();

export class RowCheckRenderer implements ICellRendererComp {
  #input!: HTMLInputElement;
  #node!: IRowNode;
  #api!: GridApi;

  readonly #onSelected = () => {
    this.#input.checked = this.#node.isSelected() === true;
  };

  readonly #onClick = (event: MouseEvent) => {
    const selected = this.#input.checked;
    const from = event.shiftKey ? this.#api.getRowNode(lastClicked.get(this.#api) ?? '') : undefined;
    lastClicked.set(this.#api, this.#node.id ?? '');
    const range = from ? rowsBetween(this.#api, from, this.#node) : [];
    if (range.length > 0) this.#api.setNodesSelected({ nodes: range, newValue: selected });
    else this.#node.setSelected(selected);
  };

  init(params: ICellRendererParams): void {
    this.#node = params.node;
    this.#api = params.api;
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.className = 'kehu-row-check';
    input.tabIndex = -1;
    input.setAttribute('aria-label', i18n.t('grid.selectRow'));
    input.checked = params.node.isSelected() === true;
    input.addEventListener('click', this.#onClick);
    this.#input = input;
    params.node.addEventListener('rowSelected', this.#onSelected);
  }

  getGui(): HTMLElement {
    return this.#input;
  }

  refresh(): boolean {
    this.#onSelected();
    return true;
  }

  destroy(): void {
    this.#node.removeEventListener('rowSelected', this.#onSelected);
    this.#input.removeEventListener('click', this.#onClick);
  }
}

/** The displayed rows from `a` to `b`, both included (empty when either is not displayed). */
export function rowsBetween(api: GridApi, a: IRowNode, b: IRowNode): IRowNode[] {
  if (a.rowIndex === null || b.rowIndex === null || !a.displayed || !b.displayed) return [];
  const first = Math.min(a.rowIndex, b.rowIndex);
  const last = Math.max(a.rowIndex, b.rowIndex);
  const rows: IRowNode[] = [];
  for (let index = first; index <= last; index += 1) {
    const node = api.getDisplayedRowAtIndex(index);
    if (node) rows.push(node);
  }
  return rows;
}
