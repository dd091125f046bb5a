/**
 * The sheet's own shortcuts, which the grid must leave alone: undo (Ctrl+Z), redo (Ctrl+Y or
 * Ctrl+Shift+Z), Cmd instead of Ctrl on a Mac, and Delete with rows selected (they go to the trash).
 */
export type SheetShortcut = 'undo' | 'redo' | 'delete';

export interface ShortcutKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** The shortcut a key press means, or null. `hasSelection` is asked only for Delete. */
export function sheetShortcut(event: ShortcutKey, hasSelection: () => boolean): SheetShortcut | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y') return 'redo';
  if (event.key === 'Delete' && hasSelection()) return 'delete';
  return null;
}
