import { describe, expect, it } from 'vitest';
import { UNDO_LIMIT, UndoStack } from '../../../src/state/undo.svelte';

function counterStep(log: string[], name: string) {
  return {
    label: name,
    undo: async () => void log.push(`undo ${name}`),
    redo: async () => void log.push(`redo ${name}`),
  };
}

describe('UndoStack', () => {
  it('undoes in reverse order and redoes in order; a new step clears the redo side', async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    stack.push(counterStep(log, 'a'));
    stack.push(counterStep(log, 'b'));
    expect((await stack.undo())?.label).toBe('b');
    expect((await stack.undo())?.label).toBe('a');
    expect(await stack.undo()).toBeNull();
    expect((await stack.redo())?.label).toBe('a');
    expect(stack.canRedo).toBe(true);
    stack.push(counterStep(log, 'c'));
    expect(stack.canRedo).toBe(false);
    expect(log).toEqual(['undo b', 'undo a', 'redo a']);
  });

  it('keeps a failed undo on the stack', async () => {
    const stack = new UndoStack();
    stack.push({ label: 'x', undo: () => Promise.reject(new Error('disk full')), redo: async () => {} });
    await expect(stack.undo()).rejects.toThrow('disk full');
    expect(stack.canUndo).toBe(true);
  });

  it(`keeps the last ${UNDO_LIMIT} steps`, async () => {
    const log: string[] = [];
    const stack = new UndoStack();
    for (let i = 0; i < UNDO_LIMIT + 5; i += 1) stack.push(counterStep(log, String(i)));
    let undone = 0;
    while (await stack.undo()) undone += 1;
    expect(undone).toBe(UNDO_LIMIT);
  });
});
