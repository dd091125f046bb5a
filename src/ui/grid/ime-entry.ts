/**
 * Typing straight into a selected cell with an input method (pinyin, zhuyin, kana…).
 *
 * The browser turns an input method on only in an editable element. A focused grid cell is a plain
 * `div`, so the first key of a Chinese name reached the grid as a Latin letter: it opened the editor
 * with that letter, and only the keys after it went to the input method ("z" + "张三" → "z张三").
 * Here the focused cell is made editable (`contenteditable`) while it has the focus, so the input
 * method composes from the first key; the composed text then opens the cell's editor with the whole
 * text in it. Everything else the browser would type or delete in the cell itself is refused
 * (`beforeinput`): the cell's content stays the grid's, and plain keys keep opening the editor as before.
 */
import { startWithText } from './editors';

export interface ImeCell {
  rowIndex: number;
  colId: string;
}

/** Makes focused cells of `element` take input-method text; returns the function that stops it. */
export function acceptImeEntry(
  element: HTMLElement,
  editable: (cell: ImeCell) => boolean,
  startEditing: (cell: ImeCell) => void,
): () => void {
  const cellOf = (target: EventTarget | null): { el: HTMLElement; cell: ImeCell } | null => {
    if (!(target instanceof HTMLElement) || !target.classList.contains('ag-cell')) return null;
    const row = target.closest('[row-index]')?.getAttribute('row-index');
    const colId = target.getAttribute('col-id');
    if (row === null || row === undefined || colId === null || target.closest('.ag-row-pinned')) return null;
    return { el: target, cell: { rowIndex: Number(row), colId } };
  };
  let composing: { el: HTMLElement; text: Map<Node, string | null>; nodes: Node[] } | null = null;

  const onFocusIn = (e: FocusEvent) => {
    const found = cellOf(e.target);
    if (found && editable(found.cell)) found.el.setAttribute('contenteditable', 'true');
  };
  const onFocusOut = (e: FocusEvent) => {
    if (e.target instanceof HTMLElement && e.target.classList.contains('ag-cell'))
      e.target.removeAttribute('contenteditable');
  };
  const onBeforeInput = (e: InputEvent) => {
    if (!cellOf(e.target)) return;
    // The input method's own text may not be refused (the browser would not let it); it is undone
    // when the composition ends.
    if (e.inputType !== 'insertCompositionText') e.preventDefault();
  };
  const onCompositionStart = (e: CompositionEvent) => {
    const found = cellOf(e.target);
    if (!found) return;
    const text = new Map<Node, string | null>();
    const walker = document.createTreeWalker(found.el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) text.set(node, node.nodeValue);
    composing = { el: found.el, text, nodes: [...found.el.childNodes] };
  };
  const onCompositionEnd = (e: CompositionEvent) => {
    const found = cellOf(e.target);
    const before = composing;
    composing = null;
    if (!found || !before || before.el !== found.el) return;
    // The cell as it was: what the composition put in it is taken out again.
    for (const [node, value] of before.text) node.nodeValue = value;
    for (const node of [...found.el.childNodes]) if (!before.nodes.includes(node)) node.remove();
    found.el.removeAttribute('contenteditable');
    if (!e.data) return;
    startWithText(e.data);
    startEditing(found.cell);
  };
  element.addEventListener('focusin', onFocusIn);
  element.addEventListener('focusout', onFocusOut);
  element.addEventListener('beforeinput', onBeforeInput);
  element.addEventListener('compositionstart', onCompositionStart);
  element.addEventListener('compositionend', onCompositionEnd);
  return () => {
    element.removeEventListener('focusin', onFocusIn);
    element.removeEventListener('focusout', onFocusOut);
    element.removeEventListener('beforeinput', onBeforeInput);
    element.removeEventListener('compositionstart', onCompositionStart);
    element.removeEventListener('compositionend', onCompositionEnd);
  };
}
