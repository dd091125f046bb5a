/**
 * A cell that names a customer (the customers sheet's name, a deal's or an interaction's customer):
 * the name as text, and a small link to that customer's Customer 360 page. Built with textContent:
 * a name like `<img src=x onerror=…>` is shown as those characters and never parsed as HTML.
 */
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { i18n } from '../../i18n/i18n.svelte';
import { router } from '../../state/router.svelte';

export class LinkCellRenderer implements ICellRendererComp {
  #root!: HTMLSpanElement;
  #text!: HTMLSpanElement;
  #link!: HTMLAnchorElement;

  init(params: ICellRendererParams): void {
    this.#root = document.createElement('span');
    this.#root.className = 'kehu-link-cell';
    this.#text = document.createElement('span');
    this.#text.className = 'kehu-link-text';
    this.#link = document.createElement('a');
    this.#link.className = 'kehu-open-360';
    this.#link.textContent = '↗';
    this.#link.tabIndex = -1;
    this.#root.append(this.#text, this.#link);
    this.refresh(params);
  }

  getGui(): HTMLElement {
    return this.#root;
  }

  refresh(params: ICellRendererParams): boolean {
    const text =
      params.valueFormatted ??
      (params.value === null || params.value === undefined ? '' : String(params.value));
    this.#text.textContent = text;
    const data = params.data as Record<string, unknown> | undefined;
    const customerId = params.colDef?.colId === 'name' ? data?.id : data?.customerId;
    const draft = typeof data?.id === 'string' && data.id.startsWith('draft:');
    const show = typeof customerId === 'string' && customerId !== '' && !draft;
    this.#link.hidden = !show;
    if (show) {
      this.#link.href = router.href('customer', customerId);
      const label = i18n.t('grid.open360Of', { name: text });
      this.#link.setAttribute('aria-label', label);
      this.#link.title = label;
    }
    return true;
  }
}
