/**
 * The options every sheet's grid is built with, apart from the ones wired to a `SheetGrid` (edits,
 * keys, search, status). They are chosen for 100 000 rows: rows come and go by transactions sorted
 * into place, and values are computed once per row.
 */
import type { ColDef, GridOptions } from 'ag-grid-community';
import { sheetTheme } from './ag-grid-setup';
import type { SheetRow } from './column-defs';
import { draftsLast } from './sheet-sort';

/** The new rows being typed (their ids), stored yet or not: kept at the bottom, past every filter. */
type Drafts = ReadonlySet<string>;

/**
 * Rows are selected with a box each; the "select all" box in the header comes once every row is in
 * (`SheetGrid`): it would select only the rows read so far, and the grid works out its state over
 * every row after each page of the read.
 */
export const SHEET_ROW_SELECTION = {
  mode: 'multiRow',
  checkboxes: true,
  headerCheckbox: true,
  enableClickSelection: false,
  selectAll: 'filtered',
} as const;

export function sheetGridOptions(drafts: Drafts): GridOptions<SheetRow> {
  return {
    theme: sheetTheme,
    getRowId: (p) => p.data.id,
    rowData: [],
    // The grid never changes a row itself: an edit is a request to the sheet's model.
    readOnlyEdit: true,
    rowSelection: { ...SHEET_ROW_SELECTION, headerCheckbox: false },
    selectionColumnDef: { pinned: 'left', width: 48 },
    enterNavigatesVertically: true,
    enterNavigatesVerticallyAfterEdit: true,
    stopEditingWhenCellsLoseFocus: true,
    // A marked cell's message as the cell's title: AG Grid's own tooltips give every cell of a column
    // with a tooltip its own tooltip manager, created with each cell while scrolling.
    enableBrowserTooltips: true,
    // Sorting 100 000 rows calls each value getter once per row, not once per comparison. The cache
    // lasts until a row changes, the metrics arrive or linked names change (the sheet drops it then):
    // by default the grid would drop it at every transaction, and each page of the first read would
    // call every getter of the sort column again to merge its rows into place.
    valueCache: true,
    valueCacheNeverExpires: true,
    // A transaction (a page of the first read, an edit, another tab's change) sorts only its own rows
    // into the sorted list, instead of sorting every row again.
    deltaSort: true,
    animateRows: false,
    rowClassRules: { 'kehu-draft-row': (p) => drafts.has(p.data?.id ?? '') },
    // A new row being typed stays on screen whatever the search or the column filters say.
    alwaysPassFilter: (node) => drafts.size > 0 && drafts.has(node.data?.id ?? ''),
  };
}

export function sheetColumnDefaults(drafts: Drafts): ColDef<SheetRow> {
  return {
    sortable: true,
    resizable: true,
    minWidth: 70,
    // Draft rows stay at the bottom whatever the sort, where "Add row" put them. (A comparator, not
    // `postSortRows`: that callback turns `deltaSort` off, and each page of the first read then sorted
    // every row again — seconds near the end of reading 100 000 customers.)
    comparator: (a, b, nodeA, nodeB, descending) => draftsLast(drafts, a, b, nodeA, nodeB, descending),
  };
}
