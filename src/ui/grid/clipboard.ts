/**
 * Copy and paste of tab-separated blocks, the spreadsheet way (AG Grid's clipboard is Enterprise-only).
 *
 * Copy: with rows selected, the selected rows (in the order shown) over the visible columns, headers
 * first; otherwise the focused cell alone. Field cells are copied as editable text (money as plain
 * decimals, dates ISO, choices by label, links by name) so they paste back here and open as numbers
 * and dates in Excel or WPS.
 * Paste: the target is the focused cell; the sheet model plans and writes it (src/state/paste-plan.ts).
 */
import type { Column, GridApi, IRowNode } from 'ag-grid-community';
import { writeTsv } from '../../domain/tsv';
import type { PasteColumn, PasteRow } from '../../state/paste-plan';
import { editText, specOf, type SheetContext, type SheetRow } from './column-defs';

/** Columns the user sees, left to right, without the row-selection checkbox column. */
export function visibleColumns(api: GridApi<SheetRow>): Column[] {
  return api
    .getAllDisplayedColumns()
    .filter((column) => column.getColDef().colId !== undefined && specOrComputed(column));
}

function specOrComputed(column: Column): boolean {
  return !column.getColId().startsWith('ag-Grid-');
}

/** A cell as the text a copy gives: editable text for fields, the shown text for computed columns. */
export function cellCopyText(
  api: GridApi<SheetRow>,
  column: Column,
  node: IRowNode<SheetRow>,
  ctx: SheetContext,
): string {
  const spec = specOf(column.getColDef());
  if (spec) return editText(spec, node.data, ctx);
  const value: unknown = api.getCellValue({ rowNode: node, colKey: column, useFormatter: true });
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

export function copyText(api: GridApi<SheetRow>, ctx: SheetContext): { text: string; rows: number } | null {
  const columns = visibleColumns(api);
  const selected = api.getSelectedNodes().filter((node) => node.displayed);
  if (selected.length > 0) {
    selected.sort((a, b) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0));
    const header = columns.map((column) => api.getDisplayNameForColumn(column, 'header'));
    const body = selected.map((node) => columns.map((column) => cellCopyText(api, column, node, ctx)));
    return { text: writeTsv([header, ...body]), rows: selected.length };
  }
  const focused = api.getFocusedCell();
  if (!focused || focused.rowIndex === null) return null;
  const node = api.getDisplayedRowAtIndex(focused.rowIndex);
  if (!node) return null;
  return { text: cellCopyText(api, focused.column, node, ctx), rows: 0 };
}

export interface PasteTarget {
  columns: PasteColumn[];
  rows: PasteRow[];
  nextRowNumber: number;
}

/**
 * Where a block of `height` rows lands: from `origin` (the selected block's top-left cell, or the
 * focused cell) rightwards and downwards.
 */
export function pasteTarget(
  api: GridApi<SheetRow>,
  height: number,
  drafts: Set<string>,
  origin: { rowIndex: number; colId: string } | null = null,
): PasteTarget | null {
  const cell = api.getFocusedCell();
  const focused = origin ?? (cell ? { rowIndex: cell.rowIndex, colId: cell.column.getColId() } : null);
  if (!focused || focused.rowIndex === null) return null;
  const all = visibleColumns(api);
  const start = all.findIndex((column) => column.getColId() === focused.colId);
  if (start < 0) return null;
  const columns = all.slice(start).map((column) => ({
    spec: specOf(column.getColDef()),
    header: api.getDisplayNameForColumn(column, 'header'),
  }));
  const rows: PasteRow[] = [];
  for (let i = focused.rowIndex; i < focused.rowIndex + height; i += 1) {
    const node = api.getDisplayedRowAtIndex(i);
    if (!node?.data || drafts.has(node.data.id)) break;
    rows.push({ id: node.data.id, fields: node.data, number: i + 1 });
  }
  return { columns, rows, nextRowNumber: focused.rowIndex + rows.length + 1 };
}
