/**
 * Cell editors of the sheets. Every editor hands back text (or a choice key, or a row id), never a
 * parsed value: the sheet model parses and validates what any editor or a paste produces in one place.
 * The DOM is built with createElement and textContent only: user data never becomes HTML.
 *
 * Starting an edit: a printable key replaces the cell's text with that key (as in Excel); Backspace or
 * Delete starts from empty; Enter, F2 or a double click start from the current text.
 */
import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';

export interface EditorParams {
  /** The cell's current value as editable text. */
  startText: (data: unknown) => string;
  /** For selects: the options, key and label. */
  options?: () => { key: string; label: string }[];
}

type Params = ICellEditorParams & EditorParams;

function isPrintable(key: string | null): key is string {
  return key !== null && key.length === 1;
}

/** Text an input method composed on a selected cell (ime-entry.ts), for the editor it opens. */
let composed: string | null = null;

/** The next editor opened starts with `text`, as if it had been typed into it. */
export function startWithText(text: string): void {
  composed = text;
}

/** The text an edit starts with, given the key that started it. */
export function initialText(params: Params): { text: string; typed: boolean } {
  const typed = composed;
  composed = null;
  if (typed !== null) return { text: typed, typed: true };
  if (isPrintable(params.eventKey)) return { text: params.eventKey, typed: true };
  if (params.eventKey === 'Backspace' || params.eventKey === 'Delete') return { text: '', typed: true };
  return { text: params.startText(params.data), typed: false };
}

function input(type: string, value: string, label: string): HTMLInputElement {
  const element = document.createElement('input');
  element.type = type;
  element.value = value;
  element.className = 'kehu-cell-input';
  element.setAttribute('aria-label', label);
  return element;
}

/** Plain text, numbers and money: a text input (paste, IME and full-width digits all work). */
export class TextCellEditor implements ICellEditorComp {
  #input!: HTMLInputElement;
  #typed = false;

  init(params: Params): void {
    const { text, typed } = initialText(params);
    this.#typed = typed;
    this.#input = input('text', text, params.colDef.headerName ?? '');
  }

  getGui(): HTMLElement {
    return this.#input;
  }

  afterGuiAttached(): void {
    this.#input.focus();
    if (this.#typed) this.#input.setSelectionRange(this.#input.value.length, this.#input.value.length);
    else this.#input.select();
  }

  getValue(): string {
    return this.#input.value;
  }
}

/**
 * Dates: the browser's date picker (shown in the user's locale, value ISO). Typing a digit on the cell
 * opens a text input instead, so `2024/1/5` or `2024年1月5日` can be typed and parsed.
 */
export class DateCellEditor implements ICellEditorComp {
  #input!: HTMLInputElement;
  #typed = false;

  init(params: Params): void {
    const { text, typed } = initialText(params);
    this.#typed = typed;
    this.#input = typed
      ? input('text', text, params.colDef.headerName ?? '')
      : input('date', text, params.colDef.headerName ?? '');
  }

  getGui(): HTMLElement {
    return this.#input;
  }

  afterGuiAttached(): void {
    this.#input.focus();
    if (this.#typed) this.#input.setSelectionRange(this.#input.value.length, this.#input.value.length);
  }

  getValue(): string {
    return this.#input.value;
  }
}

/** Choices and yes/no: a select with the translated labels; a typed letter picks the first match. */
export class SelectCellEditor implements ICellEditorComp {
  #select!: HTMLSelectElement;

  init(params: Params): void {
    const select = document.createElement('select');
    select.className = 'kehu-cell-input';
    select.setAttribute('aria-label', params.colDef.headerName ?? '');
    const options = params.options?.() ?? [];
    for (const { key, label } of options) {
      const option = document.createElement('option');
      option.value = key;
      option.textContent = label;
      select.append(option);
    }
    const current = params.startText(params.data);
    const typed = isPrintable(params.eventKey) ? params.eventKey.toLowerCase() : '';
    const match = typed ? options.find((o) => o.label.toLowerCase().startsWith(typed)) : undefined;
    select.value = match?.key ?? options.find((o) => o.label === current || o.key === current)?.key ?? '';
    this.#select = select;
  }

  getGui(): HTMLElement {
    return this.#select;
  }

  afterGuiAttached(): void {
    this.#select.focus();
  }

  getValue(): string {
    return this.#select.value;
  }
}
