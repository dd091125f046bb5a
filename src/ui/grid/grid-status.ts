/** The line under a sheet: how many rows it shows of how many, the selection, and the focused customer. */
import type { GridApi } from 'ag-grid-community';
import type { SheetContext, SheetRow } from './column-defs';

export interface GridStatus {
  shown: number;
  total: number;
  selected: number;
  /** True while the table's first read is under way (`total` counts the rows read so far). */
  loading: boolean;
  /** The customer of the focused row (for "Open Customer 360"), or ''. */
  focusedCustomer: string;
}

/** The status of a sheet's grid holding `total` stored rows (draft rows are not counted). */
export function gridStatus(
  api: GridApi<SheetRow>,
  sheet: SheetContext,
  total: number,
  loading: boolean,
): GridStatus {
  return {
    shown: api.getDisplayedRowCount() - displayedDrafts(api, sheet.drafts),
    total,
    loading,
    selected: api.getSelectedNodes().length,
    focusedCustomer: focusedCustomer(api, sheet),
  };
}

/** The customer the focused row is (a customer) or names (a deal, an interaction); '' for none. */
function focusedCustomer(api: GridApi<SheetRow>, sheet: SheetContext): string {
  const focused = api.getFocusedCell();
  if (!focused || focused.rowIndex === null) return '';
  const data = api.getDisplayedRowAtIndex(focused.rowIndex)?.data;
  if (!data || sheet.drafts.has(data.id)) return '';
  const id = sheet.table === 'customers' ? data.id : data.customerId;
  return typeof id === 'string' ? id : '';
}

function displayedDrafts(api: GridApi<SheetRow>, drafts: ReadonlySet<string>): number {
  let count = 0;
  for (const id of drafts) if (api.getRowNode(id)?.displayed) count += 1;
  return count;
}
