/**
 * What a sheet's grid keeps for the rest of the session: its layout (filters, sort, columns) and its
 * search text, per table. Switching tabs or the language rebuilds the grid with them. A saved view
 * keeps the layout without the transient parts (focus, selection, scroll).
 */
import type { GridState } from 'ag-grid-community';
import type { BaseTableName } from '../../domain/types';
import { SHEET_COLUMNS } from '../../state/sheet-columns';
import type { SortColumn } from './held-sort';

const states = new Map<BaseTableName, GridState>();
const searches = new Map<BaseTableName, string>();

/** The parts of the grid's state that belong to the moment, not to a view. */
export const TRANSIENT_STATE: (keyof GridState)[] = ['focusedCell', 'rowSelection', 'scroll', 'pagination'];

export function sessionState(table: BaseTableName): GridState | undefined {
  return states.get(table);
}

export function keepSessionState(table: BaseTableName, state: GridState): void {
  states.set(table, state);
}

export function hasSessionState(table: BaseTableName): boolean {
  return states.has(table);
}

export function sessionSearch(table: BaseTableName): string {
  return searches.get(table) ?? '';
}

export function keepSessionSearch(table: BaseTableName, text: string): void {
  searches.set(table, text);
}

/** The sort a sheet's grid starts with: this session's, or its columns' default. */
export function initialSort(table: BaseTableName): SortColumn[] {
  const session = states.get(table);
  if (session)
    return (session.sort?.sortModel ?? []).map((s) => ({ colId: s.colId, descending: s.sort === 'desc' }));
  return SHEET_COLUMNS[table]
    .filter((spec) => spec.sort)
    .map((spec) => ({ colId: spec.field, descending: spec.sort === 'desc' }));
}

/** The layout a saved view keeps: the grid's state without its transient parts, version or quick filter. */
export function viewStateOf(state: GridState): Record<string, unknown> {
  const view: Record<string, unknown> = { ...state };
  for (const key of [...TRANSIENT_STATE, 'version', 'quickFilter']) delete view[key];
  return view;
}
