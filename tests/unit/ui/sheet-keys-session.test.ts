import { describe, expect, it } from 'vitest';
import { sheetShortcut } from '../../../src/ui/grid/sheet-keys';
import { initialSort, keepSessionState, viewStateOf } from '../../../src/ui/grid/sheet-session';
import type { GridState } from 'ag-grid-community';

const key = (key: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean } = {}) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
});

describe('sheetShortcut', () => {
  const none = () => false;
  const some = () => true;

  it.each([
    [key('z', { ctrl: true }), 'undo'],
    [key('Z', { meta: true }), 'undo'],
    [key('y', { ctrl: true }), 'redo'],
    [key('Z', { ctrl: true, shift: true }), 'redo'],
    [key('z', { meta: true, shift: true }), 'redo'],
    [key('z'), null],
    [key('y', { shift: true }), null],
    [key('c', { ctrl: true }), null],
  ] as const)('reads %o as %s', (event, expected) => {
    expect(sheetShortcut(event, none)).toBe(expected);
  });

  it('takes Delete only with rows selected, and asks about the selection only then', () => {
    let asked = 0;
    const counted = () => {
      asked += 1;
      return true;
    };
    expect(sheetShortcut(key('Delete'), some)).toBe('delete');
    expect(sheetShortcut(key('Delete'), none)).toBeNull();
    expect(sheetShortcut(key('Backspace'), some)).toBeNull();
    sheetShortcut(key('a'), counted);
    sheetShortcut(key('z', { ctrl: true }), counted);
    expect(asked).toBe(0);
  });
});

describe('sheet session', () => {
  it("starts a sheet on its columns' default sort, then on the session's", () => {
    expect(initialSort('interactions')).toEqual([{ colId: 'date', descending: true }]);
    keepSessionState('interactions', {
      sort: { sortModel: [{ colId: 'channel', sort: 'desc' }] },
    } as GridState);
    expect(initialSort('interactions')).toEqual([{ colId: 'channel', descending: true }]);
    keepSessionState('interactions', {} as GridState);
    expect(initialSort('interactions')).toEqual([]);
  });

  it('keeps in a view the layout, not the focus, selection, scroll, version or quick filter', () => {
    const state = {
      version: '36',
      sort: { sortModel: [] },
      columnOrder: { orderedColIds: ['name'] },
      focusedCell: { colId: 'name', rowIndex: 3, rowPinned: null },
      rowSelection: ['a'],
      scroll: { top: 10, left: 0 },
      pagination: { page: 0 },
      quickFilter: 'x',
    } as unknown as GridState;
    expect(viewStateOf(state)).toEqual({
      sort: { sortModel: [] },
      columnOrder: { orderedColIds: ['name'] },
    });
  });
});
