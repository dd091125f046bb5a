/**
 * What the sheet does with a block of selected cells (cell-range.ts): copy it as tab-separated text,
 * clear it, and the count / sum / average of its numbers for the status line.
 *
 * Copy guards every text cell against formula injection the way exports do (a leading `=`, `+`, `-`
 * or `@` gets an apostrophe, which Excel and WPS keep as text); a paste here takes the apostrophe off
 * again (SheetModel.paste), so a block copied and pasted back is unchanged.
 */
import type { GridApi } from 'ag-grid-community';
import { neutraliseFormula } from '../../domain/csv/sanitise';
import { rangeStats, type RangeStats } from '../../domain/range-stats';
import { writeTsv } from '../../domain/tsv';
import type { PasteColumn, PasteRow } from '../../state/paste-plan';
import type { CellRange } from './cell-range';
import { cellCopyText } from './clipboard';
import { specOf, type SheetContext, type SheetRow } from './column-defs';

/** Above this many cells the status line counts cells only (summing would hold up the page). */
export const STATS_CELL_LIMIT = 50_000;

/** The block as tab-separated rows of cells (no header row), text cells guarded. */
export function rangeCopyText(range: CellRange, api: GridApi<SheetRow>, ctx: SheetContext): string | null {
  const block = range.block();
  if (!block) return null;
  const rows: string[][] = [];
  for (let i = block.top; i <= block.bottom; i += 1) {
    const node = api.getDisplayedRowAtIndex(i);
    if (!node) continue;
    rows.push(
      block.columns.map((column) => {
        const text = cellCopyText(api, column, node, ctx);
        const type = specOf(column.getColDef())?.type;
        return type === 'text' || type === 'longText' ? neutraliseFormula(text) : text;
      }),
    );
  }
  return writeTsv(rows);
}

/** The block's editable cells as an all-empty paste (one undo step), stored rows only. */
export function rangeClearTarget(
  range: CellRange,
  api: GridApi<SheetRow>,
  drafts: ReadonlySet<string>,
): { block: string[][]; columns: PasteColumn[]; rows: PasteRow[] } | null {
  const block = range.block();
  if (!block) return null;
  const columns: PasteColumn[] = [];
  for (const column of block.columns) {
    const spec = specOf(column.getColDef());
    if (spec) columns.push({ spec, header: api.getDisplayNameForColumn(column, 'header') });
  }
  const rows: PasteRow[] = [];
  for (let i = block.top; i <= block.bottom; i += 1) {
    const data = api.getDisplayedRowAtIndex(i)?.data;
    if (data && !drafts.has(data.id)) rows.push({ id: data.id, fields: data, number: i + 1 });
  }
  if (columns.length === 0 || rows.length === 0) return null;
  return { block: rows.map(() => columns.map(() => '')), columns, rows };
}

/** Count, sum and average of the block's numbers; null for a single cell (nothing to add up). */
export function rangeStatsOf(range: CellRange, api: GridApi<SheetRow>, ctx: SheetContext): RangeStats | null {
  const block = range.block();
  if (!block || !range.isBlock) return null;
  const size = (block.bottom - block.top + 1) * block.columns.length;
  if (size > STATS_CELL_LIMIT) return { cells: size, filled: 0, numbers: 0, sum: 0, average: null };
  // Each column's own value getter (as the sort uses it): money in yuan, ratings and metrics as numbers.
  const values = function* () {
    for (const [node, column] of range.cells()) {
      const colDef = column.getColDef();
      const getter = colDef.valueGetter;
      yield typeof getter === 'function'
        ? getter({ data: node.data, node, colDef, column, api, context: ctx } as never)
        : undefined;
    }
  };
  return rangeStats(values());
}
