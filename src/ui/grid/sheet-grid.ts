/**
 * One sheet's AG Grid: created on an element, fed by the sheet's live rows, edits sent to the sheet model.
 *
 * - Client-side row model with row ids (`getRowId`): the first result sets the rows, later changes (this
 *   tab's or another tab's) arrive as transactions, so 100 000 rows are never re-set on each edit.
 * - `readOnlyEdit`: the grid never changes a row itself; an edit becomes a request to the model, which
 *   validates and writes, and the stored row comes back through the live query.
 * - A new row starts as a draft row at the bottom (not stored); it is stored as soon as its required
 *   fields are valid (a customer's name, a deal's customer), so an invalid row is never written.
 */
import {
  createGrid,
  type CellEditRequestEvent,
  type CellKeyDownEvent,
  type GridApi,
  type GridState,
  type RowDataTransaction,
} from 'ag-grid-community';
import { emptyFields } from '../../domain/defaults';
import type { BaseTableName } from '../../domain/types';
import { i18n } from '../../i18n/i18n.svelte';
import { gridLocaleText } from '../../i18n/grid-locale';
import { SHEET_COLUMNS } from '../../state/sheet-columns';
import { watchMetrics } from '../../state/sheet-data';
import { newRowId, type SheetModel } from '../../state/sheets.svelte';
import { registerGridModules } from './ag-grid-setup';
import { SHEET_ROW_SELECTION, sheetColumnDefaults, sheetGridOptions } from './sheet-grid-options';
import { columnDefsOf, searchText, specOf, type SheetContext, type SheetRow } from './column-defs';
import { gridStatus, type GridStatus } from './grid-status';
import { shownView, type ShownView } from './shown-view';
import { orderedIndexFor } from '../../state/sheet-order';
import { SheetSearch } from './sheet-search';
import { presort, type SortKey } from './sheet-sort';
import { HeldSort } from './held-sort';
import { sheetShortcut } from './sheet-keys';
import { CellRange } from './cell-range';
import { acceptImeEntry } from './ime-entry';
import { rangeClearTarget, rangeStatsOf } from './range-actions';
import type { RangeStats } from '../../domain/range-stats';
import {
  initialSort,
  keepSessionSearch,
  keepSessionState,
  sessionSearch,
  sessionState,
  TRANSIENT_STATE,
  viewStateOf,
} from './sheet-session';

export class SheetGrid {
  readonly api: GridApi<SheetRow>;
  readonly context: SheetContext;
  readonly #model: SheetModel<BaseTableName>;
  readonly #element: HTMLElement;
  readonly #stops: (() => void)[] = [];
  #rowCount = 0;
  /** Set until the first read of the table ends: the rows fed to the grid so far (see #feed). */
  #firstRead: { fed: boolean; rows: number } | null = { fed: false, rows: 0 };
  /** The Enter that is ending an edit (it must not also add a row). */
  #enterEndsEdit = false;
  /**
   * The new rows being typed, stored or not: they stay at the bottom whatever the sort and pass every
   * filter until the cursor leaves them, so a row never jumps away under the cursor (see #onCellFocus).
   */
  readonly #newRows = new Set<string>();
  /** Rows typed in this grid that were stored: the read and the live query bring them in again. */
  readonly #typed = new Set<string>();
  /** Row changes that came while a cell was being edited, in order (see #keepingCursor). */
  #whileEditing: (() => void)[] = [];
  readonly #search: SheetSearch;
  /** The sort, off the grid while the first read comes in already sorted (see held-sort.ts). */
  readonly #heldSort = new HeldSort();
  readonly #hasSelection = () => this.api.getSelectedNodes().length > 0;
  /** The selected block of cells (cell-range.ts). */
  readonly range = new CellRange(
    () => this.api,
    () => this.#rangeChanged(),
  );
  /** What moves the cursor next: a click or plain key (a new block), a Shift+click (a larger one). */
  #focusBy: 'reset' | 'extend' | null = null;
  /**
   * What each open editor's cell held when it opened (`rowId|field`). A row can take new values in
   * place while a cell of it is open (a typed row, `#showRow`); the write must be checked against what
   * the owner saw, so that another tab's change in between is shown, not overwritten.
   */
  #seenAtOpen = new Map<string, unknown>();

  constructor(
    element: HTMLElement,
    model: SheetModel<BaseTableName>,
    context: Omit<SheetContext, 'model' | 'metrics' | 'drafts' | 'table'>,
    readonly onStatus: (status: GridStatus, range: RangeStats | null) => void,
  ) {
    registerGridModules();
    this.#model = model;
    this.#element = element;
    this.context = { ...context, table: model.table, model, metrics: new Map(), drafts: new Set() };
    const sheet = this.context;
    this.#search = new SheetSearch((row) => searchText(model.table, row, sheet), {
      rows: () => this.#allRows(),
      onPinyin: () => {
        if (this.#search.active) this.api.onFilterChanged();
      },
    });
    this.#search.set(sessionSearch(model.table));
    const sort = initialSort(model.table);
    const readOrder = orderedIndexFor(model.table, sort);
    // The reads start first: the database reads while the grid is being built.
    this.#stops.push(
      model.watch(
        {
          reset: (rows) => {
            this.#rowCount = rows.length;
            if (this.#firstRead?.fed) {
              // The pages of the first read are all in the grid already: they are exactly these rows.
              this.#firstReadDone();
              this.#status();
              return;
            }
            this.#firstReadDone();
            const sorted = presort(rows as unknown as SheetRow[], this.#sortKeys());
            this.#setRows(sorted);
            this.#search.prepare(sorted);
            this.#status();
          },
          // During the first read, each page goes to the grid; the search text of its rows is built in
          // tasks after this one (active rows only matter, a trashed row's text is simply never used).
          page: (rows) => {
            this.#search.prepareLater(rows as unknown as SheetRow[]);
            if (this.#firstRead) this.#feed(rows as unknown as SheetRow[]);
          },
          diff: ({ add, update, remove }) => {
            this.#rowCount += add.length - remove.length;
            const [added, known] = this.#splitKnown(add as unknown as SheetRow[]);
            // A row being typed shows its stored values at once, in place (no sort, no filter).
            const changed: SheetRow[] = [];
            for (const row of [...known, ...(update as unknown as SheetRow[])]) {
              if (this.#newRows.has(row.id)) this.#showRow(row);
              else changed.push(row);
            }
            this.#apply({
              add: added,
              update: changed,
              remove: remove as unknown as SheetRow[],
              addIndex: this.#storedAddIndex(added.length),
            });
          },
        },
        readOrder,
      ),
    );
    if (model.table === 'customers') {
      this.#stops.push(
        watchMetrics((metrics, changed) => {
          this.context.metrics = metrics;
          this.api.expireValueCache();
          const rowNodes = changed?.map((id) => this.api.getRowNode(id)).filter((n) => n !== undefined);
          this.api.refreshCells({ force: true, columns: this.#metricColumns(), rowNodes });
        }),
      );
    }
    const newRows = this.#newRows;
    this.api = createGrid<SheetRow>(element, {
      ...sheetGridOptions(newRows),
      columnDefs: columnDefsOf(model.table),
      defaultColDef: {
        ...sheetColumnDefaults(newRows),
        suppressKeyboardEvent: (p) => this.#ownsKey(p.event, p.editing),
        cellClassRules: {
          'kehu-in-range': (p) => this.range.has(p.node.rowIndex, p.column.getColId()),
        },
      },
      context: this.context,
      onCellEditRequest: (e) => void this.#onEdit(e),
      onCellEditingStarted: (e) => {
        const field = specOf(e.colDef)?.field;
        if (e.data && field) this.#seenAtOpen.set(`${e.data.id}|${field}`, e.data[field]);
      },
      initialState: sessionState(model.table),
      localeText: gridLocaleText(i18n.language),
      // The search box (src/ui/grid/sheet-search.ts); a new row being typed stays in view.
      isExternalFilterPresent: () => this.#search.active,
      doesExternalFilterPass: (node) => !node.data || this.#search.passes(node.data),
      onCellKeyDown: (e) => this.#onCellKey(e as CellKeyDownEvent<SheetRow>),
      onModelUpdated: () => this.#status(),
      onSortChanged: (e) => this.#heldSort.sortChanged(e.api),
      onSelectionChanged: () => this.#status(),
      onCellFocused: (e) => {
        const colId = typeof e.column === 'string' ? e.column : e.column?.getColId();
        if (e.rowIndex !== null && colId && !e.rowPinned)
          this.range.focused({ rowIndex: e.rowIndex, colId }, this.#focusBy);
        this.#focusBy = null;
        this.#releaseNewRows();
        this.#status();
      },
      onCellEditingStopped: () => {
        const waiting = this.#whileEditing;
        this.#whileEditing = [];
        for (const change of waiting) change();
      },
    });
    const by = (e: KeyboardEvent) => (this.#focusBy = e.shiftKey ? null : 'reset');
    element.addEventListener('mousedown', (e) => (this.#focusBy = e.shiftKey ? 'extend' : 'reset'), true);
    element.addEventListener('keydown', by, true);
    element.addEventListener('focusout', (e) => {
      if (!(e.relatedTarget instanceof Node && element.contains(e.relatedTarget))) this.#releaseNewRows(true);
    });
    this.#stops.push(
      acceptImeEntry(
        element,
        ({ colId }) => specOf(this.api.getColumnDef(colId) ?? {}) !== null,
        ({ rowIndex, colId }) => this.api.startEditingCell({ rowIndex, colKey: colId }),
      ),
    );
    // The rows come in sorted: the grid needs no sort of its own until they are all in.
    if (readOrder !== null) this.#heldSort.hold(this.api, sort);
  }

  /**
   * One page of the sheet's first read, into the grid: the first page is set (presorted), later ones
   * are added as transactions that sort only their own rows into place (`deltaSort`). The owner sees
   * rows and can scroll after the first page instead of after the whole table, and no single task takes
   * in 100 000 rows.
   */
  #feed(page: readonly SheetRow[]): void {
    const read = this.#firstRead;
    if (!read) return;
    const active = this.#splitKnown(page.filter((row) => row.deletedAt === null))[0];
    if (!read.fed) {
      this.#setRows(presort(active, this.#sortKeys()));
      read.fed = true;
    } else if (active.length > 0) {
      this.#rowCount = read.rows + active.length;
      this.#apply({ add: active, addIndex: this.#storedAddIndex(active.length) });
    }
    read.rows += active.length;
    this.#rowCount = read.rows;
    this.#status();
  }

  #firstReadDone(): void {
    if (this.#firstRead === null) return;
    const { fed } = this.#firstRead;
    this.#firstRead = null;
    // Putting the sort back and showing the select-all box each go over every row: after the last
    // page, in tasks of their own. With no page fed, the rows are set next, sorted: the sort first.
    const release = () => this.#heldSort.release(this.api);
    if (fed) this.#later(release);
    else release();
    this.#later(() => this.api.setGridOption('rowSelection', SHEET_ROW_SELECTION));
  }

  /** Runs `work` in a task of its own (and not during an edit), unless the grid is gone by then. */
  #later(work: () => void): void {
    setTimeout(() => {
      if (!this.api.isDestroyed() && !this.#waitForEdit(work)) work();
    });
  }

  /**
   * True when a cell is being edited, `work` then waiting until the edit ends. Rows moving under an
   * open editor, a new sort or the select-all column being redrawn take the focus off the editor (the
   * grid refocuses the cell at the old index), which ends the edit half typed.
   */
  #waitForEdit(work: () => void): boolean {
    if (this.api.getEditingCells().length === 0) return false;
    this.#whileEditing.push(work);
    return true;
  }

  /** A transaction on the grid's rows; the cached values of the rows it updates are dropped first. */
  #apply(transaction: RowDataTransaction<SheetRow>): void {
    this.#keepingCursor(() => {
      if ((transaction.update?.length ?? 0) > 0) this.api.expireValueCache();
      this.api.applyTransaction(transaction);
    });
  }

  /**
   * Changes the grid's rows, keeping the cursor on its row. AG Grid keeps the focused cell by row
   * index: rows coming in above it (the pages of the first read, another tab's new rows) would move the
   * cursor onto another row, and what the owner types next would change that row. A new row being
   * typed stays in view too. During an edit, the change waits until the edit ends (#waitForEdit).
   */
  #keepingCursor(change: () => void): void {
    if (this.#waitForEdit(() => this.#keepingCursor(change))) return;
    const focused = this.api.getFocusedCell();
    const id =
      focused && !focused.rowPinned ? this.api.getDisplayedRowAtIndex(focused.rowIndex)?.id : undefined;
    change();
    if (!focused || id === undefined) return;
    const node = this.api.getRowNode(id);
    if (!node || node.rowIndex === null || node.rowIndex === focused.rowIndex) return;
    if (this.context.drafts.has(id)) this.api.ensureNodeVisible(node);
    // Moving the focused cell also moves the browser's focus: only when it is in the grid already.
    const inGrid = this.#element.contains(document.activeElement);
    if (inGrid) this.api.setFocusedCell(node.rowIndex, focused.column);
  }

  /**
   * Sets every stored row (rows with a known id keep their node, so cached values are dropped). The
   * draft rows stay, after them: "Add row" may come before the first page of the read is in, or
   * before a later full read ends, and the row being typed must not vanish.
   */
  #setRows(rows: SheetRow[]): void {
    this.#keepingCursor(() => {
      const drafts: SheetRow[] = [];
      for (const id of this.context.drafts) {
        const draft = this.api.getRowNode(id)?.data;
        if (draft) drafts.push(draft);
      }
      this.api.expireValueCache();
      this.api.setGridOption('rowData', drafts.length > 0 ? [...rows, ...drafts] : rows);
    });
  }

  /**
   * Where stored rows being added go in the grid's row list (`#rowCount` already counts them): before
   * the draft rows, which "Add row" appended at the end, so that they stay at the bottom when the sheet
   * is not sorted (a sort keeps them there through `draftsLast`). Undefined (the end) without drafts.
   */
  #storedAddIndex(adding: number): number | undefined {
    return this.context.drafts.size > 0 ? this.#rowCount - adding : undefined;
  }

  /** Every row in the grid, drafts included. */
  #allRows(): SheetRow[] {
    const rows: SheetRow[] = [];
    this.api.forEachNode((node) => {
      if (node.data) rows.push(node.data);
    });
    return rows;
  }

  /** The grid's sort columns, first key first. */
  #sortState(): { colId: string; descending: boolean }[] {
    return this.api
      .getColumnState()
      .filter((c) => c.sort)
      .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
      .map((c) => ({ colId: c.colId, descending: c.sort === 'desc' }));
  }

  /** The grid's current sort, as values to presort rows by (see sheet-sort.ts). */
  #sortKeys(): SortKey<SheetRow>[] {
    const keys: SortKey<SheetRow>[] = [];
    for (const { colId, descending } of this.#sortState()) {
      const getter = this.api.getColumnDef(colId)?.valueGetter;
      if (typeof getter !== 'function') return [];
      const sheet = this.context;
      keys.push({ value: (row) => getter({ data: row, context: sheet } as never), descending });
    }
    return keys;
  }

  #metricColumns(): string[] {
    return (this.api.getColumns() ?? []).map((c) => c.getColId()).filter((id) => id.startsWith('m.'));
  }

  /**
   * Keys the sheet handles itself rather than the grid: undo/redo, Delete (a block of cells is
   * cleared, else selected rows go to the trash), and the block's keys (Shift+arrows, Ctrl+A).
   */
  #ownsKey(event: KeyboardEvent, editing: boolean): boolean {
    if (event.key === 'Enter' && event.type === 'keydown') this.#enterEndsEdit = editing;
    if (editing) return false;
    return sheetShortcut(event, this.#hasBlockOrRows) !== null || this.#isRangeKey(event);
  }

  readonly #hasBlockOrRows = () => this.range.isBlock || this.#hasSelection();

  #isRangeKey(event: KeyboardEvent): boolean {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.shiftKey && event.key.toLowerCase() === 'a') return true;
    return event.shiftKey && !mod && /^(Arrow(Up|Down|Left|Right)|Home|End)$/.test(event.key);
  }

  /** Handles the sheet's own shortcuts (sheet-keys.ts); returns true when the key was used. */
  handleKey(event: KeyboardEvent): boolean {
    if (this.api.getEditingCells().length > 0) return false;
    if (this.#isRangeKey(event)) return this.range.key(event);
    const shortcut = sheetShortcut(event, this.#hasBlockOrRows);
    if (shortcut === 'undo') void this.#model.undo();
    else if (shortcut === 'redo') void this.#model.redo();
    else if (shortcut === 'delete') void (this.range.isBlock ? this.clearRange() : this.deleteSelected());
    return shortcut !== null;
  }

  /** Empties the editable cells of the selected block, as one undo step. */
  async clearRange(): Promise<void> {
    const target = rangeClearTarget(this.range, this.api, this.context.drafts);
    if (!target) return;
    const { block, columns, rows } = target;
    await this.#model.paste(block, columns, rows, (rows.at(-1)?.number ?? 0) + 1, true);
  }

  /** The block changed: its cells on screen are marked again, and the status line adds it up. */
  #rangeChanged(): void {
    for (const cell of this.#element.querySelectorAll<HTMLElement>('.ag-row[row-index] .ag-cell[col-id]')) {
      const row = cell.closest('.ag-row')?.getAttribute('row-index');
      const inRange = this.range.has(row ? Number(row) : null, cell.getAttribute('col-id') ?? '');
      cell.classList.toggle('kehu-in-range', inRange);
    }
    this.#status();
  }

  #onCellKey(e: CellKeyDownEvent<SheetRow>): void {
    const event = e.event as KeyboardEvent | null;
    if (!event || event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (this.#enterEndsEdit || this.api.getEditingCells().length > 0) return;
    // Enter on the last row opens a new one, unless the last row is already a new (draft) row.
    if (e.rowIndex !== this.api.getDisplayedRowCount() - 1 || this.#newRows.has(e.data?.id ?? '')) return;
    this.addRow(e.column.getColId());
  }

  async #onEdit(e: CellEditRequestEvent<SheetRow>): Promise<void> {
    const spec = specOf(e.colDef);
    if (!spec || !e.data) return;
    const row = e.data;
    const draft = this.context.drafts.has(row.id);
    const text = e.newValue === null || e.newValue === undefined ? '' : String(e.newValue);
    const header = e.colDef.headerName ?? spec.field;
    const seenKey = `${row.id}|${spec.field}`;
    const fields = this.#seenAtOpen.has(seenKey)
      ? { ...row, [spec.field]: this.#seenAtOpen.get(seenKey) }
      : row;
    this.#seenAtOpen.delete(seenKey);
    const result = await this.#model.editCell(
      { id: row.id, number: (e.rowIndex ?? 0) + 1, fields, draft },
      spec,
      text,
      header,
    );
    if (this.api.isDestroyed()) return;
    const node = this.api.getRowNode(row.id);
    if (result.draftFields && node?.data) this.#showRow({ ...node.data, ...result.draftFields });
    if (result.created) {
      // Stored under the draft's id: the same row, still where it was, its values arriving in place.
      this.context.drafts.delete(row.id);
      this.#typed.add(row.id);
      this.#releaseNewRows();
    }
    if (node) this.api.refreshCells({ rowNodes: [node], force: true });
  }

  /**
   * Rows of `rows` the grid has already, apart: the read and the live query bring a row typed here
   * again. Only looked for when a row was typed (no work per row when the sheet opens).
   */
  #splitKnown(rows: SheetRow[]): [fresh: SheetRow[], known: SheetRow[]] {
    if (this.#typed.size === 0) return [rows, []];
    const fresh: SheetRow[] = [];
    const known: SheetRow[] = [];
    for (const row of rows)
      (this.#typed.has(row.id) && this.api.getRowNode(row.id) ? known : fresh).push(row);
    return [fresh, known];
  }

  /** New values of one row shown in place: no sort or filter runs, so an open editor stays open. */
  #showRow(row: SheetRow): void {
    const node = this.api.getRowNode(row.id);
    if (!node) return;
    this.api.expireValueCache();
    node.updateData(row);
  }

  /**
   * Stored new rows the cursor has left (or every one, when the owner left the grid: `all`) take their
   * place in the sort and the filters (in a task of their own, after any edit: see #later).
   */
  #releaseNewRows(all = false): void {
    if (this.#newRows.size === this.context.drafts.size) return;
    const focused = all ? null : this.api.getFocusedCell();
    const here = focused && !focused.rowPinned ? this.api.getDisplayedRowAtIndex(focused.rowIndex)?.id : '';
    const released: SheetRow[] = [];
    for (const id of this.#newRows) {
      if (this.context.drafts.has(id) || id === here) continue;
      this.#newRows.delete(id);
      const data = this.api.getRowNode(id)?.data;
      if (data) released.push(data);
    }
    if (released.length > 0) this.#later(() => this.#apply({ update: released }));
  }

  /** Adds a draft row at the bottom and puts the cursor in it. */
  addRow(colId?: string): void {
    const id = newRowId();
    this.context.drafts.add(id);
    this.#newRows.add(id);
    const row = { id, ...emptyFields(this.#model.table) } as SheetRow;
    this.#apply({ add: [row] });
    const node = this.api.getRowNode(id);
    if (!node || node.rowIndex === null) return;
    this.api.ensureNodeVisible(node, 'bottom');
    const first =
      SHEET_COLUMNS[this.#model.table].find((c) => c.required)?.field ??
      SHEET_COLUMNS[this.#model.table][0]?.field;
    this.api.setFocusedCell(node.rowIndex, colId ?? first ?? 'code');
  }

  async deleteSelected(): Promise<void> {
    const nodes = this.api.getSelectedNodes();
    const draftNodes = nodes.filter((n) => this.context.drafts.has(n.data?.id ?? ''));
    for (const n of draftNodes) {
      const id = n.data?.id ?? '';
      this.context.drafts.delete(id);
      this.#newRows.delete(id);
      this.#model.forgetDraft(id);
    }
    if (draftNodes.length > 0) this.#apply({ remove: draftNodes.map((n) => n.data as SheetRow) });
    const ids = nodes.filter((n) => !draftNodes.includes(n)).map((n) => n.data?.id ?? '');
    await this.#model.moveToTrash(ids.filter(Boolean));
  }

  /** The text in the search box. */
  get search(): string {
    return this.#search.text;
  }

  setSearch(text: string): void {
    this.#search.set(text);
    keepSessionSearch(this.#model.table, text);
    this.api.onFilterChanged();
  }

  /** What the sheet shows, for "Export this view" (shown-view.ts). */
  shownView(): ShownView {
    return shownView(this.api, this.context);
  }

  /** The layout a saved view keeps (no focus, selection or scroll). */
  viewState(): Record<string, unknown> {
    return viewStateOf(this.#heldSort.stateWithHeldSort(this.api.getState()));
  }

  /** Applies a saved layout, or the default one for null. */
  applyView(grid: Record<string, unknown> | null): void {
    this.api.resetColumnState();
    this.api.setFilterModel(null);
    if (grid) this.api.setState(grid as GridState, TRANSIENT_STATE as never);
  }

  #status(): void {
    this.onStatus(
      gridStatus(this.api, this.context, this.#rowCount, this.#firstRead !== null),
      rangeStatsOf(this.range, this.api, this.context),
    );
  }

  /** Re-reads link names (a customer renamed in another sheet or tab). */
  refreshLinks(): void {
    this.#search.clear();
    this.api.expireValueCache();
    this.api.refreshCells({ force: true, columns: ['customerId', 'productLineId'] });
  }

  destroy(): void {
    this.#search.stop();
    for (const stop of this.#stops) stop();
    if (!this.api.isDestroyed()) {
      keepSessionState(this.#model.table, this.#heldSort.stateWithHeldSort(this.api.getState()));
      this.api.destroy();
    }
  }
}
