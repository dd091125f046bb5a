/**
 * Undo and redo of sheet changes (cell edits, pastes, new rows, moves to the trash and restores).
 *
 * Policy:
 * - One user action is one step, however many rows it touched (a paste of 300 cells is one Ctrl+Z).
 * - A step undoes and redoes itself through the repositories, so every undo is an ordinary change with
 *   its own history entries ("who/when/old → new" stays true) and passes validation like any write.
 * - New rows are undone by moving them to the trash (and redone by restoring them): ids stay stable, so
 *   the steps above them on the stack still name the right rows, and nothing is destroyed silently.
 * - One stack per sheet; a new action clears the redo side, as in every spreadsheet.
 * - A bulk replacement of the data (restore, import, or their undo, in any tab) clears every stack:
 *   steps recorded before it hold values from before it (data-replaced.ts).
 */
export interface UndoStep {
  /** What the step did, for "Undone: …" (already translated). */
  label: string;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

/** Steps kept per sheet; older ones fall off. */
export const UNDO_LIMIT = 100;

export class UndoStack {
  #done = $state<UndoStep[]>([]);
  #undone = $state<UndoStep[]>([]);
  #busy = false;

  get canUndo(): boolean {
    return this.#done.length > 0;
  }

  get canRedo(): boolean {
    return this.#undone.length > 0;
  }

  push(step: UndoStep): void {
    this.#done = [...this.#done.slice(-(UNDO_LIMIT - 1)), step];
    this.#undone = [];
  }

  /** Forgets every step: the data they were recorded on was replaced. */
  clear(): void {
    this.#done = [];
    this.#undone = [];
  }

  /** Undoes the last step; returns it, or null when there was nothing to undo (or one is running). */
  async undo(): Promise<UndoStep | null> {
    const step = this.#done.at(-1);
    if (!step || this.#busy) return null;
    this.#busy = true;
    try {
      await step.undo();
      this.#done = this.#done.slice(0, -1);
      this.#undone = [...this.#undone, step];
      return step;
    } finally {
      this.#busy = false;
    }
  }

  async redo(): Promise<UndoStep | null> {
    const step = this.#undone.at(-1);
    if (!step || this.#busy) return null;
    this.#busy = true;
    try {
      await step.redo();
      this.#undone = this.#undone.slice(0, -1);
      this.#done = [...this.#done, step];
      return step;
    } finally {
      this.#busy = false;
    }
  }
}
