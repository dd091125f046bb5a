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
  type IRowNode,
  type RowDataTransaction,
} from 'ag-grid-community';
import { emptyFields } from '../../domain/defaults';
import type { BaseTableName } from '../../domain/types';
import { i18n } from '../../i18n/i18n.svelte';
import { gridLocaleText } from '../../i18n/grid-locale';
import { SHEET_COLUMNS } from '../../state/sheet-columns';
import { watchMetrics } from '../../state/sheet-data';
import type { SheetModel } from '../../state/sheets.svelte';
import { registerGridModules, sheetTheme } from './ag-grid-setup';
import type { ComputedExportColumn } from '../../domain/csv/export-rows';
import {
  columnDefsOf,
  computedExportColumns,
  searchText,
  specOf,
  type SheetContext,
  type SheetRow,
} from './column-defs';
import { orderedIndexFor } from '../../state/sheet-order';
import { SheetSearch } from './sheet-search';
import { draftsLast, presort, type SortKey } from './sheet-sort';
import { HeldSort, type SortColumn } from './held-sort';
import { RowCheckRenderer } from './row-check';

export interface GridStatus {
  shown: number;
  total: number;
  selected: number;
  /** True while the table's first read is under way (`total` counts the rows read so far). */
  loading: boolean;
  /** The customer of the focused row (for "Open Customer 360"), or ''. */
  focusedCustomer: string;
}

/** Grid layout per sheet for this session: switching tabs or language keeps filters and columns. */
const sessionStates = new Map<BaseTableName, GridState>();
const sessionSearches = new Map<BaseTableName, string>();
const TRANSIENT_STATE: (keyof GridState)[] = ['focusedCell', 'rowSelection', 'scroll', 'pagination'];

let nextDraft = 1;

/** On the grid's element until the first read ends: the header's "select all" box is hidden. */
const LOADING_CLASS = 'kehu-sheet-loading';

const ROW_SELECTION = {
  mode: 'multiRow',
  // Each row's box is ours (row-check.ts): the grid's own is a component built with every row drawn.
  checkboxes: false,
  headerCheckbox: true,
  enableClickSelection: false,
  selectAll: 'filtered',
} as const;

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
  #pendingFocus: { id: string; colId: string } | null = null;
  /** Row changes that came while a cell was being edited, in order (see #keepingCursor). */
  #whileEditing: (() => void)[] = [];
  readonly #search: SheetSearch;
  /** The sort, off the grid while the first read comes in already sorted (see held-sort.ts). */
  readonly #heldSort = new HeldSort();

  constructor(
    element: HTMLElement,
    model: SheetModel<BaseTableName>,
    context: Omit<SheetContext, 'model' | 'metrics' | 'drafts' | 'table'>,
    readonly onStatus: (status: GridStatus) => void,
  ) {
    registerGridModules();
    this.#model = model;
    this.#element = element;
    element.classList.add(LOADING_CLASS);
    this.context = { ...context, table: model.table, model, metrics: new Map(), drafts: new Set() };
    const drafts = this.context.drafts;
    const sheet = this.context;
    this.#search = new SheetSearch((row) => searchText(model.table, row, sheet));
    this.#search.set(sessionSearches.get(model.table) ?? '');
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
            this.#apply({
              add: add as unknown as SheetRow[],
              update: update as unknown as SheetRow[],
              remove: remove as unknown as SheetRow[],
              addIndex: this.#storedAddIndex(add.length),
            });
            this.#focusPending();
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
    this.api = createGrid<SheetRow>(element, {
      theme: sheetTheme,
      columnDefs: columnDefsOf(model.table),
      defaultColDef: {
        sortable: true,
        resizable: true,
        minWidth: 70,
        suppressKeyboardEvent: (p) => this.#ownsKey(p.event, p.editing),
        // Draft rows stay at the bottom whatever the sort, where "Add row" put them. (A comparator,
        // not `postSortRows`: that callback turns `deltaSort` off, and each page of the first read
        // then sorted every row again — seconds near the end of reading 100 000 customers.)
        comparator: (a, b, nodeA, nodeB, descending) => draftsLast(drafts, a, b, nodeA, nodeB, descending),
      },
      context: this.context,
      getRowId: (p) => p.data.id,
      rowData: [],
      readOnlyEdit: true,
      onCellEditRequest: (e) => void this.#onEdit(e),
      // The "select all" box is hidden until every row is in (#firstReadDone, grid.css): it would
      // select only the rows read so far.
      rowSelection: ROW_SELECTION,
      selectionColumnDef: { pinned: 'left', width: 48, cellRenderer: RowCheckRenderer },
      initialState: sessionStates.get(model.table),
      localeText: gridLocaleText(i18n.language),
      enterNavigatesVertically: true,
      enterNavigatesVerticallyAfterEdit: true,
      stopEditingWhenCellsLoseFocus: true,
      // A marked cell's message as the cell's title: AG Grid's own tooltips give every cell of a column
      // with a tooltip its own tooltip manager, created with each cell while scrolling.
      enableBrowserTooltips: true,
      // The search box (src/ui/grid/sheet-search.ts); a new row being typed stays in view.
      isExternalFilterPresent: () => this.#search.active,
      doesExternalFilterPass: (node) =>
        !node.data || drafts.has(node.data.id) || this.#search.passes(node.data),
      // Sorting 100 000 rows calls each value getter once per row, not once per comparison. The cache
      // lasts until a row changes (#apply, #setRows), the metrics arrive or linked names change: by
      // default the grid would drop it at every transaction, and each page of the first read would
      // call every getter of the sort column again to merge its rows into place.
      valueCache: true,
      valueCacheNeverExpires: true,
      // A transaction (a page of the first read, an edit, another tab's change) sorts only its own rows
      // into the sorted list, instead of sorting every row again.
      deltaSort: true,
      animateRows: false,
      rowClassRules: { 'kehu-draft-row': (p) => drafts.has(p.data?.id ?? '') },
      onCellKeyDown: (e) => this.#onCellKey(e as CellKeyDownEvent<SheetRow>),
      onModelUpdated: () => this.#status(),
      onSortChanged: (e) => this.#heldSort.sortChanged(e.api),
      onSelectionChanged: () => this.#status(),
      onCellFocused: () => this.#status(),
      onCellEditingStopped: () => {
        const waiting = this.#whileEditing;
        this.#whileEditing = [];
        for (const change of waiting) change();
      },
    });
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
    const active = page.filter((row) => row.deletedAt === null);
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
    // Putting the sort back goes over every row: after the last page, in a task of its own. With no
    // page fed, the rows are set next, sorted: the sort first.
    const release = () => this.#heldSort.release(this.api);
    if (fed) this.#later(release);
    else release();
    this.#element.classList.remove(LOADING_CLASS);
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

  /** Keys the sheet handles itself rather than the grid (undo/redo, deleting selected rows). */
  #ownsKey(event: KeyboardEvent, editing: boolean): boolean {
    if (event.key === 'Enter' && event.type === 'keydown') this.#enterEndsEdit = editing;
    if (editing) return false;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && ['z', 'y'].includes(event.key.toLowerCase())) return true;
    return event.key === 'Delete' && this.api.getSelectedNodes().length > 0;
  }

  /** Handles the sheet's own shortcuts; returns true when the key was used. */
  handleKey(event: KeyboardEvent): boolean {
    if (this.api.getEditingCells().length > 0) return false;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (mod && key === 'z' && !event.shiftKey) {
      void this.#model.undo();
      return true;
    }
    if (mod && (key === 'y' || (key === 'z' && event.shiftKey))) {
      void this.#model.redo();
      return true;
    }
    if (event.key === 'Delete' && this.api.getSelectedNodes().length > 0) {
      void this.deleteSelected();
      return true;
    }
    return false;
  }

  #onCellKey(e: CellKeyDownEvent<SheetRow>): void {
    const event = e.event as KeyboardEvent | null;
    if (!event || event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (this.#enterEndsEdit || this.api.getEditingCells().length > 0) return;
    // Enter on the last row opens a new one, unless the last row is already a new (draft) row.
    if (e.rowIndex !== this.api.getDisplayedRowCount() - 1 || this.context.drafts.has(e.data?.id ?? ''))
      return;
    this.addRow(e.column.getColId());
  }

  async #onEdit(e: CellEditRequestEvent<SheetRow>): Promise<void> {
    const spec = specOf(e.colDef);
    if (!spec || !e.data) return;
    const row = e.data;
    const draft = this.context.drafts.has(row.id);
    const text = e.newValue === null || e.newValue === undefined ? '' : String(e.newValue);
    const header = e.colDef.headerName ?? spec.field;
    const result = await this.#model.editCell(
      { id: row.id, number: (e.rowIndex ?? 0) + 1, fields: row, draft },
      spec,
      text,
      header,
    );
    if (result.draftFields) {
      this.#apply({ update: [{ ...row, ...result.draftFields }] });
    }
    if (result.createdId) {
      this.context.drafts.delete(row.id);
      this.#apply({ remove: [row] });
      this.#pendingFocus = { id: result.createdId, colId: e.column.getColId() };
      this.#focusPending();
    }
    const node = this.api.getRowNode(row.id);
    if (node) this.api.refreshCells({ rowNodes: [node], force: true });
  }

  #focusPending(): void {
    const pending = this.#pendingFocus;
    if (!pending) return;
    const node = this.api.getRowNode(pending.id);
    if (!node || node.rowIndex === null) return;
    this.#pendingFocus = null;
    this.api.ensureNodeVisible(node);
    this.api.setFocusedCell(node.rowIndex, pending.colId);
  }

  /** Adds a draft row at the bottom and puts the cursor in it. */
  addRow(colId?: string): void {
    const id = `draft:${nextDraft++}`;
    this.context.drafts.add(id);
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
    for (const n of draftNodes) this.context.drafts.delete(n.data?.id ?? '');
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
    sessionSearches.set(this.#model.table, text);
    this.api.onFilterChanged();
  }

  /**
   * What the sheet shows: stored rows after its filter and sort (no draft), its visible fields, and its
   * visible computed columns (their values as the grid has them now).
   */
  shownView(): { rows: SheetRow[]; fields: string[]; computed: ComputedExportColumn<SheetRow>[] } {
    const rows: SheetRow[] = [];
    this.api.forEachNodeAfterFilterAndSort((node) => {
      if (node.data && !this.context.drafts.has(node.data.id)) rows.push(node.data);
    });
    const displayed = this.api.getAllDisplayedColumns();
    const fields = displayed
      .map((column) => specOf(column.getColDef())?.field)
      .filter((field): field is string => field !== undefined);
    const computed = computedExportColumns(
      displayed.map((column) => column.getColId()),
      this.context.metrics,
    );
    return { rows, fields, computed };
  }

  /** The layout a saved view keeps (no focus, selection or scroll). */
  viewState(): Record<string, unknown> {
    const state: Record<string, unknown> = { ...this.#heldSort.stateWithHeldSort(this.api.getState()) };
    for (const key of [...TRANSIENT_STATE, 'version', 'quickFilter']) delete state[key];
    return state;
  }

  /** Applies a saved layout, or the default one for null. */
  applyView(grid: Record<string, unknown> | null): void {
    this.api.resetColumnState();
    this.api.setFilterModel(null);
    if (grid) this.api.setState(grid as GridState, TRANSIENT_STATE as never);
  }

  #status(): void {
    const focused = this.api.getFocusedCell();
    let focusedCustomer = '';
    if (focused && focused.rowIndex !== null) {
      const node: IRowNode<SheetRow> | undefined = this.api.getDisplayedRowAtIndex(focused.rowIndex);
      const data = node?.data;
      if (data && !this.context.drafts.has(data.id)) {
        const id = this.#model.table === 'customers' ? data.id : data.customerId;
        focusedCustomer = typeof id === 'string' ? id : '';
      }
    }
    this.onStatus({
      shown: this.api.getDisplayedRowCount() - this.#displayedDrafts(),
      total: this.#rowCount,
      loading: this.#firstRead !== null,
      selected: this.api.getSelectedNodes().length,
      focusedCustomer,
    });
  }

  #displayedDrafts(): number {
    let count = 0;
    for (const id of this.context.drafts) if (this.api.getRowNode(id)?.displayed) count += 1;
    return count;
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
      sessionStates.set(this.#model.table, this.#heldSort.stateWithHeldSort(this.api.getState()));
      this.api.destroy();
    }
  }
}

/** The sort a sheet's grid starts with: this session's, or its columns' default. */
function initialSort(table: BaseTableName): SortColumn[] {
  const session = sessionStates.get(table);
  if (session)
    return (session.sort?.sortModel ?? []).map((s) => ({ colId: s.colId, descending: s.sort === 'desc' }));
  return SHEET_COLUMNS[table]
    .filter((spec) => spec.sort)
    .map((spec) => ({ colId: spec.field, descending: spec.sort === 'desc' }));
}

export function hasSessionState(table: BaseTableName): boolean {
  return sessionStates.has(table);
}
