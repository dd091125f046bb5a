/**
 * A sort taken off the grid while a sheet's first read comes in already in that order.
 *
 * The Customers sheet opens sorted by code and reads its rows in the order of the code index
 * (src/state/sheet-order.ts), so every page belongs after the rows already in the grid. Left on, the
 * grid's sort still does work over every row for each page: its delta sort maps every row node, merges
 * the page in with one comparison per row already there, and renumbers them all. At 100 000 customers
 * the last pages cost 200–350 ms each on this machine, about half of it the sort (CPU profile of the
 * open stage). Without a sort the grid keeps rows in the order they were added, which here is the
 * sorted order; once every row is in, the sort goes back on and sorts rows that are already in order
 * (one comparison per row).
 *
 * While the sort is held, the column headers show no sort arrow. A sort the owner or a saved view sets
 * meanwhile replaces the held one for good.
 */
import type { GridApi, GridState } from 'ag-grid-community';

export interface SortColumn {
  colId: string;
  descending: boolean;
}

export class HeldSort {
  #held: SortColumn[] | null = null;

  /** Takes `sort` off the grid until `release`. */
  hold(api: GridApi, sort: readonly SortColumn[]): void {
    if (sort.length === 0) return;
    this.#held = [...sort];
    api.applyColumnState({ defaultState: { sort: null } });
  }

  /** Puts the held sort back on the grid (nothing when another sort replaced it). */
  release(api: GridApi): void {
    const held = this.#held;
    if (held === null) return;
    this.#held = null;
    api.applyColumnState({
      state: held.map(({ colId, descending }, sortIndex) => ({
        colId,
        sort: descending ? 'desc' : 'asc',
        sortIndex,
      })),
    });
  }

  /**
   * For the grid's `onSortChanged`: a sort set by anyone else ends the hold. (The grid may call this
   * after `hold` has returned, so the test is whether the grid is sorted now, not who asked.)
   */
  sortChanged(api: GridApi): void {
    if (this.#held !== null && api.getColumnState().some((column) => column.sort)) this.#held = null;
  }

  /** The grid's state with the held sort in it, as the sheet will be once every row is in. */
  stateWithHeldSort(state: GridState): GridState {
    if (this.#held === null) return state;
    return {
      ...state,
      sort: {
        sortModel: this.#held.map(({ colId, descending }) => ({ colId, sort: descending ? 'desc' : 'asc' })),
      },
    };
  }
}
