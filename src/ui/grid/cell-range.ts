/**
 * A block of selected cells, the spreadsheet way (AG Grid's range selection is Enterprise-only).
 *
 * The block runs from an anchor cell to the cursor: a click or a plain arrow puts both on one cell;
 * Shift+arrows, Shift+Home/End and Shift+click move the cursor and leave the anchor, Ctrl+A takes every
 * cell. Cells are named by displayed row index and column id; the block is a rectangle of the columns
 * shown, in their on-screen order. Cells inside it get the class `kehu-in-range` (see `cellClass`).
 */
import type { Column, GridApi, IRowNode } from 'ag-grid-community';
import { visibleColumns } from './clipboard';
import type { SheetRow } from './column-defs';

export interface CellPos {
  rowIndex: number;
  colId: string;
}

export interface RangeBlock {
  top: number;
  bottom: number;
  columns: Column[];
}

const ARROWS: Record<string, [rows: number, columns: number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export class CellRange {
  #anchor: CellPos | null = null;
  #end: CellPos | null = null;
  /** Column id → position among the shown columns, for the block's columns (see #columnsOf). */
  #inBlock = new Set<string>();
  #top = 0;
  #bottom = -1;
  constructor(
    readonly api: () => GridApi<SheetRow>,
    readonly onChange: () => void,
  ) {}

  /** True when the block holds more than one cell. */
  get isBlock(): boolean {
    return this.#bottom > this.#top || this.#inBlock.size > 1;
  }

  /** Whether a cell is in the block (for the cell class; cheap: one comparison and one lookup). */
  has(rowIndex: number | null, colId: string): boolean {
    return rowIndex !== null && rowIndex >= this.#top && rowIndex <= this.#bottom && this.#inBlock.has(colId);
  }

  /** The block's rows and columns, or null before any cell was focused. */
  block(): RangeBlock | null {
    if (!this.#anchor || !this.#end) return null;
    return { top: this.#top, bottom: this.#bottom, columns: this.#columnsOf(this.#anchor, this.#end) };
  }

  /** The top-left cell of the block (where a paste lands). */
  origin(): CellPos | null {
    const block = this.block();
    const first = block?.columns[0];
    return block && first ? { rowIndex: block.top, colId: first.getColId() } : null;
  }

  /**
   * The cursor moved. `by`: what moved it: a click or a plain key starts a new one-cell block there,
   * a Shift+click extends the block to it; anything else (the grid putting the focus back after rows
   * changed, the block's own Shift+arrows reported late) leaves the block as it is.
   */
  focused(pos: CellPos | null, by: 'reset' | 'extend' | null): void {
    if (!pos) return;
    if (by === 'extend' && this.#anchor) this.#set(this.#anchor, pos);
    else if (by !== null || !this.#end) this.#set(pos, pos);
  }

  /** Handles Shift+arrows, Shift+Home/End and Ctrl+A; true when the key was used. */
  key(event: KeyboardEvent): boolean {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'a') {
      this.selectAll();
      return true;
    }
    if (!event.shiftKey || mod || event.altKey) return false;
    const step = ARROWS[event.key];
    const api = this.api();
    const end = this.#end;
    if (!end) return false;
    const columns = visibleColumns(api).map((c) => c.getColId());
    const last = api.getDisplayedRowCount() - 1;
    let rowIndex = end.rowIndex;
    let col = columns.indexOf(end.colId);
    if (col < 0) return false;
    if (step) {
      rowIndex = Math.min(last, Math.max(0, rowIndex + step[0]));
      col = Math.min(columns.length - 1, Math.max(0, col + step[1]));
    } else if (event.key === 'Home') col = 0;
    else if (event.key === 'End') col = columns.length - 1;
    else return false;
    this.#moveCursor({ rowIndex, colId: columns[col] ?? end.colId });
    return true;
  }

  selectAll(): void {
    const api = this.api();
    const columns = visibleColumns(api);
    const first = columns[0];
    const lastColumn = columns[columns.length - 1];
    const last = api.getDisplayedRowCount() - 1;
    if (!first || !lastColumn || last < 0) return;
    this.#set({ rowIndex: 0, colId: first.getColId() }, { rowIndex: last, colId: lastColumn.getColId() });
  }

  /** Every cell of the block, row by row: its row node and column. */
  *cells(): Generator<[IRowNode<SheetRow>, Column]> {
    const block = this.block();
    if (!block) return;
    const api = this.api();
    for (let i = block.top; i <= block.bottom; i += 1) {
      const node = api.getDisplayedRowAtIndex(i);
      if (node) for (const column of block.columns) yield [node, column];
    }
  }

  /** Puts the cursor on a cell while keeping the anchor. */
  #moveCursor(pos: CellPos): void {
    const api = this.api();
    this.#set(this.#anchor ?? pos, pos);
    api.ensureIndexVisible(pos.rowIndex);
    api.ensureColumnVisible(pos.colId);
    api.setFocusedCell(pos.rowIndex, pos.colId);
  }

  #columnsOf(a: CellPos, b: CellPos): Column[] {
    const columns = visibleColumns(this.api());
    const i = columns.findIndex((c) => c.getColId() === a.colId);
    const j = columns.findIndex((c) => c.getColId() === b.colId);
    if (i < 0 || j < 0) return [];
    return columns.slice(Math.min(i, j), Math.max(i, j) + 1);
  }

  #set(anchor: CellPos, end: CellPos): void {
    const before = `${this.#top}:${this.#bottom}:${[...this.#inBlock].join()}`;
    this.#anchor = anchor;
    this.#end = end;
    this.#top = Math.min(anchor.rowIndex, end.rowIndex);
    this.#bottom = Math.max(anchor.rowIndex, end.rowIndex);
    this.#inBlock = new Set(this.#columnsOf(anchor, end).map((c) => c.getColId()));
    if (`${this.#top}:${this.#bottom}:${[...this.#inBlock].join()}` !== before) this.onChange();
  }
}
