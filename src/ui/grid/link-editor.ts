/**
 * The editor of a link cell (a deal's or an interaction's customer, a deal's product line): type part
 * of a name or code, pick from the list with the arrow keys and Enter (or the mouse). It hands back the
 * picked row's id, or the typed text, which the sheet model resolves by code or name.
 * Built with textContent only: names are user data.
 */
import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import { LinkIndex, type LinkTarget } from '../../state/link-index';
import { initialText, type EditorParams } from './editors';

export interface LinkEditorParams extends EditorParams {
  index: () => LinkIndex;
}

type Params = ICellEditorParams & LinkEditorParams;

let nextListId = 1;

export class LinkCellEditor implements ICellEditorComp {
  #root!: HTMLDivElement;
  #input!: HTMLInputElement;
  #list!: HTMLUListElement;
  #params!: Params;
  #matches: LinkTarget[] = [];
  #active = -1;
  #picked: string | null = null;
  #typed = false;

  init(params: Params): void {
    this.#params = params;
    const listId = `kehu-link-list-${nextListId++}`;
    this.#root = document.createElement('div');
    this.#root.className = 'kehu-link-editor';
    this.#input = document.createElement('input');
    this.#input.type = 'text';
    this.#input.className = 'kehu-cell-input';
    this.#input.setAttribute('role', 'combobox');
    this.#input.setAttribute('aria-autocomplete', 'list');
    this.#input.setAttribute('aria-controls', listId);
    this.#input.setAttribute('aria-label', params.colDef.headerName ?? '');
    const { text, typed } = initialText(params);
    this.#typed = typed;
    this.#input.value = text;
    this.#list = document.createElement('ul');
    this.#list.id = listId;
    this.#list.setAttribute('role', 'listbox');
    this.#list.className = 'kehu-link-list';
    this.#root.append(this.#input, this.#list);
    this.#input.addEventListener('input', () => {
      this.#picked = null;
      this.#refresh();
    });
    this.#input.addEventListener('keydown', (event) => this.#onKey(event));
    this.#refresh();
  }

  #refresh(): void {
    const text = this.#input.value;
    this.#matches = this.#params
      .index()
      .complete(text === this.#params.startText(this.#params.data) ? '' : text);
    this.#active = -1;
    this.#list.replaceChildren(
      ...this.#matches.map((target, i) => {
        const item = document.createElement('li');
        item.id = `${this.#list.id}-${i}`;
        item.setAttribute('role', 'option');
        item.textContent = LinkIndex.label(target);
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          this.#pick(i);
          this.#params.stopEditing();
        });
        return item;
      }),
    );
  }

  #highlight(i: number): void {
    this.#active = i;
    [...this.#list.children].forEach((child, j) => child.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) this.#input.setAttribute('aria-activedescendant', `${this.#list.id}-${i}`);
    else this.#input.removeAttribute('aria-activedescendant');
  }

  #pick(i: number): void {
    const target = this.#matches[i];
    if (!target) return;
    this.#picked = target.id;
    this.#input.value = LinkIndex.label(target);
  }

  #onKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      // Moving in the list, not to the next row of the grid.
      event.stopPropagation();
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const count = this.#matches.length;
      if (count > 0) this.#highlight((this.#active + step + count) % count);
    } else if (event.key === 'Enter' && this.#active >= 0) {
      this.#pick(this.#active);
    }
  }

  getGui(): HTMLElement {
    return this.#root;
  }

  isPopup(): boolean {
    return true;
  }

  afterGuiAttached(): void {
    this.#input.focus();
    if (this.#typed) this.#input.setSelectionRange(this.#input.value.length, this.#input.value.length);
    else this.#input.select();
  }

  getValue(): string {
    return this.#picked ?? this.#input.value;
  }
}
