/** Saved views of the sheets, for the UI: the storage calls on the app's database, errors to the banner. */
import type { BaseTableName } from '../domain/types';
import { i18n } from '../i18n/i18n.svelte';
import { getDb } from '../storage/db';
import {
  deleteView,
  loadViews,
  saveView,
  setCurrentView,
  EMPTY_VIEWS,
  type SavedView,
  type SheetViews,
} from '../storage/saved-views';
import { notices } from './notices.svelte';
import { reportStorageError } from './storage-errors.svelte';

export type { SavedView, SheetViews };
export { EMPTY_VIEWS };

export function readViews(table: BaseTableName): Promise<SheetViews> {
  return loadViews(getDb(), table);
}

export async function saveSheetView(table: BaseTableName, view: SavedView): Promise<void> {
  try {
    await saveView(getDb(), table, view);
    notices.show(i18n.t('grid.viewSaved', { name: view.name.trim() }));
  } catch (error) {
    reportStorageError(error);
  }
}

export async function deleteSheetView(table: BaseTableName, name: string): Promise<void> {
  try {
    await deleteView(getDb(), table, name);
  } catch (error) {
    reportStorageError(error);
  }
}

export async function chooseSheetView(table: BaseTableName, name: string): Promise<void> {
  try {
    await setCurrentView(getDb(), table, name);
  } catch (error) {
    reportStorageError(error);
  }
}
