/**
 * Saved views of a sheet: named column layouts, filters, sorts and search text, kept per sheet in the
 * `settings` table under `views:<sheet>` (no schema change). What a view holds is the grid's own
 * serialisable state, stored as given and only checked for shape here: the grid ignores what it does
 * not know, and an unreadable record (older version, hand-edited backup) reads as "no views".
 */
import type { BaseTableName } from '../domain/types';
import type { KehuDb } from './db';
import { handleStorageError } from './errors';

export interface SavedView {
  name: string;
  /** The grid's state (column order, sizes, visibility, sort, filter model), opaque to storage. */
  grid: Record<string, unknown>;
  /** Quick-search text. */
  search: string;
}

export interface SheetViews {
  views: SavedView[];
  /** The view applied when the sheet opens, or '' for the default layout. */
  current: string;
}

export const EMPTY_VIEWS: SheetViews = { views: [], current: '' };

export function viewsKey(sheet: BaseTableName): string {
  return `views:${sheet}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isSavedView(value: unknown): value is SavedView {
  return (
    isRecord(value) &&
    typeof value.name === 'string' &&
    value.name.trim() !== '' &&
    isRecord(value.grid) &&
    typeof value.search === 'string'
  );
}

/** Keeps the well-formed views (first of each name) of whatever was stored. */
export function normaliseViews(value: unknown): SheetViews {
  if (!isRecord(value) || !Array.isArray(value.views)) return { views: [], current: '' };
  const views: SavedView[] = [];
  for (const view of value.views as unknown[]) {
    if (isSavedView(view) && !views.some((v) => v.name === view.name)) views.push(view);
  }
  const current =
    typeof value.current === 'string' && views.some((v) => v.name === value.current) ? value.current : '';
  return { views, current };
}

export async function loadViews(db: KehuDb, sheet: BaseTableName): Promise<SheetViews> {
  try {
    const record = await db.settings.get(viewsKey(sheet));
    return normaliseViews(record?.value);
  } catch (e) {
    throw handleStorageError(e);
  }
}

/** Reads, changes and writes the views of one sheet in one transaction (two tabs cannot lose a view). */
async function change(
  db: KehuDb,
  sheet: BaseTableName,
  edit: (current: SheetViews) => SheetViews,
): Promise<SheetViews> {
  try {
    return await db.transaction('rw', db.settings, async () => {
      const record = await db.settings.get(viewsKey(sheet));
      const next = normaliseViews(edit(normaliseViews(record?.value)));
      await db.settings.put({ key: viewsKey(sheet), value: next });
      return next;
    });
  } catch (e) {
    throw handleStorageError(e);
  }
}

/** Saves (or replaces, by name) a view and makes it the current one. */
export function saveView(db: KehuDb, sheet: BaseTableName, view: SavedView): Promise<SheetViews> {
  if (!isSavedView(view)) return Promise.reject(new TypeError('Invalid view'));
  const named = { ...view, name: view.name.trim() };
  return change(db, sheet, ({ views }) => ({
    views: [...views.filter((v) => v.name !== named.name), named],
    current: named.name,
  }));
}

export function deleteView(db: KehuDb, sheet: BaseTableName, name: string): Promise<SheetViews> {
  return change(db, sheet, ({ views, current }) => ({
    views: views.filter((v) => v.name !== name),
    current: current === name ? '' : current,
  }));
}

/** Remembers which view the sheet opens with ('' = the default layout). */
export function setCurrentView(db: KehuDb, sheet: BaseTableName, name: string): Promise<SheetViews> {
  return change(db, sheet, (views) => ({ ...views, current: name }));
}
