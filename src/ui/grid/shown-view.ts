/** What a sheet shows, as "Export this view" writes it. */
import type { GridApi } from 'ag-grid-community';
import type { ComputedExportColumn } from '../../domain/csv/export-rows';
import { computedExportColumns, specOf, type SheetContext, type SheetRow } from './column-defs';

export interface ShownView {
  /** The stored rows after the sheet's filter and sort (no draft row). */
  rows: SheetRow[];
  /** The visible field columns, in their order. */
  fields: string[];
  /** The visible computed columns, their values as the grid has them now. */
  computed: ComputedExportColumn<SheetRow>[];
}

export function shownView(api: GridApi<SheetRow>, sheet: SheetContext): ShownView {
  const rows: SheetRow[] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data && !sheet.drafts.has(node.data.id)) rows.push(node.data);
  });
  const displayed = api.getAllDisplayedColumns();
  const fields = displayed
    .map((column) => specOf(column.getColDef())?.field)
    .filter((field): field is string => field !== undefined);
  const computed = computedExportColumns(
    displayed.map((column) => column.getColId()),
    sheet.metrics,
  );
  return { rows, fields, computed };
}
