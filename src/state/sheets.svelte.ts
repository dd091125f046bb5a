/**
 * The spreadsheet sheets: per sheet, its cell edits, pastes, new rows, moves to the trash and restores,
 * each one undo step; the problems to show (row, column, reason); the trash; and the link indexes
 * (customer and product-line names) the deals and interactions sheets show and resolve.
 *
 * An invalid entry is never written: the cell is marked, the message says why, the stored value stays.
 * Storage failures (a full disk) go to the app-wide banner like everywhere else.
 */
import { parseCellValue, type CellParse } from '../domain/cell-values';
import { restoreFormula } from '../domain/csv/sanitise';
import type { BaseTableName, BaseTables, Fields } from '../domain/types';
import { validateFields } from '../domain/validation';
import type { MessageKey } from '../i18n/dictionaries';
import { i18n } from '../i18n/i18n.svelte';
import { AppStorageError } from '../storage/errors';
import { sameValue } from '../storage/history';
import { newId } from '../storage/ids';
import { EMPTY_LINKS, LinkIndex } from './link-index';
import { notices } from './notices.svelte';
import { planPaste, type CellIssue, type PasteColumn, type PastePlan, type PasteRow } from './paste-plan';
import { cellKindOf, type FieldColumn } from './sheet-columns';
import { watchLinkTargets, watchRows, type RowsListener } from './sheet-data';
import { restoreRows, trashRows, writeChanges } from './sheet-writes';
import { reportStorageError } from './storage-errors.svelte';
import { checkPastedCodes, codeHolder } from './unique-codes';
import { UndoStack } from './undo.svelte';
import { conflictOf, editConflict, type EditConflict } from './edit-conflict';
import { onDataReplaced } from './data-replaced';

/** The row the user is editing: a stored row, or a draft (a new row not valid enough to store yet). */
export interface EditedRow {
  id: string;
  number: number;
  fields: Record<string, unknown>;
  draft: boolean;
}

export interface ShownIssue extends CellIssue {
  message: string;
}

/** Problems kept on screen at once (a paste of a whole bad column would otherwise flood the page). */
const SHOWN_ISSUES = 50;

let dayFirst: boolean | undefined;

/**
 * Whether the browser's locale writes the day before the month (en-GB: 31/12/2000). Worked out once:
 * the first Intl formatter of a page costs tens of milliseconds.
 */
function localeDayFirst(): boolean {
  if (typeof navigator === 'undefined') return false;
  if (dayFirst === undefined) {
    const parts = new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2000, 11, 31));
    dayFirst = parts.findIndex((p) => p.type === 'day') < parts.findIndex((p) => p.type === 'month');
  }
  return dayFirst;
}

export function issueMessage(issue: CellIssue): string {
  const key = ['no-match', 'ambiguous', 'bad-boolean', 'read-only', 'missing-row', 'duplicate-code'].includes(
    issue.code,
  )
    ? `issue.${issue.code}`
    : `validation.${issue.code}`;
  const reason = i18n.t(key as MessageKey, { fields: issue.fields ?? '', other: issue.other ?? '' });
  if (issue.code === 'missing-row')
    return `${i18n.t('grid.cellWarning', { row: issue.row, column: '', reason })}`;
  return issue.severity === 'warning'
    ? i18n.t('grid.cellWarning', { row: issue.row, column: issue.column, reason })
    : i18n.t('grid.cellRefused', { row: issue.row, column: issue.column, value: issue.value, reason });
}

class SheetLinks {
  customers = $state.raw<LinkIndex>(EMPTY_LINKS);
  productLines = $state.raw<LinkIndex>(EMPTY_LINKS);

  /** Follows both link tables; returns the unsubscribe function. */
  start(): () => void {
    const stopCustomers = watchLinkTargets('customers', (t) => (this.customers = new LinkIndex(t)));
    const stopLines = watchLinkTargets('productLines', (t) => (this.productLines = new LinkIndex(t)));
    return () => {
      stopCustomers();
      stopLines();
    };
  }
}

export const sheetLinks = new SheetLinks();

/** The id of a new row typed in a sheet: its draft has it from the start, and its stored row keeps it. */
export function newRowId(): string {
  return newId();
}

export class SheetModel<T extends BaseTableName> {
  readonly table: T;
  readonly undoStack = new UndoStack();
  #issues = $state<ShownIssue[]>([]);
  #trash = $state.raw<BaseTables[T][]>([]);
  #conflict = $state<EditConflict | null>(null);
  /** The value this tab last wrote to each edited cell (`rowId|field`), told apart from other tabs'. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  readonly #written = new Map<string, unknown>();
  #dayFirst = localeDayFirst();
  /** Cells whose last entry was refused or warned about, by `rowId|field`. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read by grid callbacks; the grid refreshes the cells it marks
  readonly marks = new Map<string, ShownIssue>();

  constructor(table: T) {
    this.table = table;
  }

  get issues(): ShownIssue[] {
    return this.#issues;
  }

  get trash(): BaseTables[T][] {
    return this.#trash;
  }

  /** A cell edit that met a value changed in another tab since the editor opened; the owner chooses. */
  get conflict(): EditConflict | null {
    return this.#conflict;
  }

  /** Keep mine: writes the typed value over the other tab's (an ordinary, undoable edit). */
  async keepMine(): Promise<void> {
    const conflict = this.#conflict;
    if (!conflict) return;
    this.#conflict = null;
    try {
      const { retry, column } = conflict;
      const change = retry as unknown as {
        id: string;
        patch: Partial<Fields<T>>;
        before: Partial<Fields<T>>;
      };
      const { step } = await writeChanges(this.table, [change], [], i18n.t('step.edit', { column }));
      for (const [field, value] of Object.entries(retry.patch))
        this.#written.set(`${retry.id}|${field}`, value);
      this.undoStack.push(step);
    } catch (error) {
      if (!this.#conflictFrom(error, conflict)) this.#fail(error);
    }
  }

  /** Take theirs: the stored value stays (the sheet already shows it). */
  takeTheirs(): void {
    this.#conflict = null;
  }

  /** Shows a conflict met by a write (again, with the newest value, after keep mine); false if none. */
  #conflictFrom(error: unknown, from: { spec: FieldColumn; column: string; mine: string }): boolean {
    const found = conflictOf(error);
    if (!found) return false;
    this.#conflict = editConflict(found, from.spec, from.column, from.mine, sheetLinks);
    return true;
  }

  /**
   * Streams the sheet's rows to the grid and keeps the trash list; returns the unsubscribe function.
   * `orderBy`: an index to read the table in (the sheet's sort, see sheet-order.ts).
   */
  watch(listener: Omit<RowsListener<BaseTables[T]>, 'trash'>, orderBy: string | null = null): () => void {
    return watchRows(this.table, { ...listener, trash: (rows) => (this.#trash = rows) }, orderBy);
  }

  parse = (spec: FieldColumn, text: string): CellParse => {
    const kind = cellKindOf(spec, i18n.language, {
      customer: sheetLinks.customers.resolve,
      productLine: sheetLinks.productLines.resolve,
    });
    return parseCellValue(kind, text, { dayFirst: this.#dayFirst });
  };

  dismissIssues(): void {
    this.#issues = [];
  }

  #show(issues: CellIssue[], rowIds: (string | undefined)[] = [], fields: (string | undefined)[] = []): void {
    const shown = issues.map((issue) => ({ ...issue, message: issueMessage(issue) }));
    shown.forEach((issue, i) => {
      const rowId = rowIds[i];
      const field = fields[i];
      if (rowId && field) this.marks.set(`${rowId}|${field}`, issue);
    });
    this.#issues = shown.slice(0, SHOWN_ISSUES);
  }

  /**
   * A typed cell. Returns the fields of a draft that is not complete yet (so the grid can show them),
   * `created` when the draft was just stored (under the draft's own id), or whether it was refused.
   *
   * Typing across a new row (Tab, Tab, Enter) sends the next cell before the first one is stored: a
   * draft keeps its fields here (not in the grid's copy of the row, which is behind while a cell is
   * open), and an edit of a draft being stored waits for the write, then changes the stored row.
   */
  async editCell(
    row: EditedRow,
    spec: FieldColumn,
    text: string,
    header: string,
  ): Promise<{ draftFields?: Record<string, unknown>; created?: boolean; refused?: boolean }> {
    const issue = (code: string, severity: CellIssue['severity'] = 'error'): CellIssue => ({
      row: row.number,
      column: header,
      value: text,
      code,
      severity,
    });
    const markKey = `${row.id}|${spec.field}`;
    const parsed = this.parse(spec, text);
    if (!parsed.ok) {
      this.#show([issue(parsed.code)], [row.id], [spec.field]);
      return { refused: true };
    }
    const patch = { [spec.field]: parsed.value } as Partial<Fields<T>>;
    const problems = validateFields(this.table, patch, 'update');
    const error = problems.find((p) => p.severity === 'error');
    if (error) {
      this.#show([issue(error.code)], [row.id], [spec.field]);
      return { refused: true };
    }
    if (this.table === 'customers' && spec.field === 'code' && typeof parsed.value === 'string') {
      let other: string | null;
      try {
        other = await codeHolder(parsed.value, row.draft ? [] : [row.id]);
      } catch (error) {
        this.#fail(error);
        return { refused: true };
      }
      if (other !== null) {
        this.#show([{ ...issue('duplicate-code'), other }], [row.id], [spec.field]);
        return { refused: true };
      }
    }
    this.marks.delete(markKey);
    const warnings = problems.map((p) => issue(p.code, 'warning'));
    this.#show(
      warnings,
      warnings.map(() => row.id),
      warnings.map(() => spec.field),
    );
    const label = i18n.t('step.edit', { column: header });
    const storing = this.#storing.get(row.id);
    // A draft whose first complete value is being written: this value goes to the stored row.
    const draft = row.draft && !(storing && (await storing));
    try {
      if (draft) {
        const { id: _draftId, ...fields } = row.fields;
        const draftFields = { ...fields, ...this.#draftFields.get(row.id), [spec.field]: parsed.value };
        this.#draftFields.set(row.id, draftFields);
        const missing = validateFields(this.table, draftFields as Partial<Fields<T>>, 'create');
        if (missing.some((p) => p.severity === 'error')) return { draftFields };
        const stored = this.#storeDraft(row.id, draftFields as Partial<Fields<T>>);
        this.#storing.set(row.id, stored);
        const created = await stored;
        return created ? { created } : { draftFields };
      }
      const key = `${row.id}|${spec.field}`;
      const write = (seen: unknown) =>
        writeChanges(
          this.table,
          [{ id: row.id, patch, before: { [spec.field]: seen } as Partial<Fields<T>> }],
          [],
          label,
        );
      const { step } = await write(row.fields[spec.field]).catch((error: unknown) => {
        // The grid may not show this tab's own last write of the cell yet: that is no conflict.
        const found = conflictOf(error);
        if (!found || !this.#written.has(key) || !sameValue(found.theirs, this.#written.get(key)))
          throw error;
        return write(found.theirs);
      });
      this.#written.set(key, parsed.value);
      this.undoStack.push(step);
    } catch (error) {
      if (!this.#conflictFrom(error, { spec, column: header, mine: text })) this.#fail(error);
    }
    return {};
  }

  /** Fields typed into drafts so far, by draft id (a draft's id becomes its stored row's id). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  readonly #draftFields = new Map<string, Record<string, unknown>>();
  /** Drafts being written, by id: resolves to whether the row was stored. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  readonly #storing = new Map<string, Promise<boolean>>();

  /** Stores a complete draft under its own id; false (and the draft kept) when the write failed. */
  async #storeDraft(id: string, fields: Partial<Fields<T>>): Promise<boolean> {
    try {
      const { step, created } = await writeChanges(this.table, [], [fields], i18n.t('step.add'), [id]);
      this.undoStack.push(step);
      this.#draftFields.delete(id);
      return created.length > 0;
    } catch (error) {
      this.#storing.delete(id);
      this.#fail(error);
      return false;
    }
  }

  /** A draft row the owner dropped (deleted before it was stored). */
  forgetDraft(id: string): void {
    this.#draftFields.delete(id);
  }

  /**
   * Pastes a parsed block; returns how many rows were changed and added. Text cells lose the
   * apostrophe a copy out of a sheet puts before a formula-like text (src/domain/csv/sanitise.ts).
   * `clear`: the block is the empty cells of a selection being cleared (Delete), said so in the undo
   * step and the message.
   */
  async paste(
    block: string[][],
    columns: PasteColumn[],
    rows: PasteRow[],
    nextRowNumber: number,
    clear = false,
  ): Promise<{ updated: number; created: number }> {
    const parse = (spec: FieldColumn, text: string) =>
      this.parse(spec, spec.type === 'text' || spec.type === 'longText' ? restoreFormula(text) : text);
    let plan = planPaste(this.table, block, columns, rows, nextRowNumber, parse);
    if (this.table === 'customers') {
      try {
        plan = (await checkPastedCodes(
          plan as PastePlan<'customers'>,
          columns,
          rows,
        )) as unknown as PastePlan<T>;
      } catch (error) {
        this.#fail(error);
        return { updated: 0, created: 0 };
      }
    }
    const fieldOf = (issue: CellIssue) => columns.find((c) => c.header === issue.column)?.spec?.field;
    const rowOf = (issue: CellIssue) => rows.find((r) => r.number === issue.row)?.id;
    this.#show(plan.issues, plan.issues.map(rowOf), plan.issues.map(fieldOf));
    if (plan.updates.length + plan.creates.length === 0) {
      if (plan.issues.length === 0) notices.show(i18n.t('grid.pasteNothing'));
      return { updated: 0, created: 0 };
    }
    try {
      const label = i18n.t(clear ? 'step.clear' : 'step.paste');
      const { step } = await writeChanges(this.table, plan.updates, plan.creates, label);
      this.undoStack.push(step);
      for (const u of plan.updates)
        for (const field of Object.keys(u.patch)) this.marks.delete(`${u.id}|${field}`);
      const counts = { updated: plan.updates.length, created: plan.creates.length };
      notices.show(clear ? i18n.t('grid.cleared', counts) : i18n.t('grid.pasteSummary', counts));
      return counts;
    } catch (error) {
      this.#fail(error);
      return { updated: 0, created: 0 };
    }
  }

  async moveToTrash(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      this.undoStack.push(await trashRows(this.table, ids, i18n.t('step.delete')));
      notices.show(i18n.t('grid.deleted', { count: ids.length }), {
        action: { label: i18n.t('grid.undo'), run: () => this.undo() },
      });
    } catch (error) {
      this.#fail(error);
    }
  }

  async restore(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      this.undoStack.push(await restoreRows(this.table, ids, i18n.t('step.restore')));
      notices.show(i18n.t('grid.restored', { count: ids.length }));
    } catch (error) {
      this.#fail(error);
    }
  }

  async undo(): Promise<void> {
    try {
      const step = await this.undoStack.undo();
      notices.show(step ? i18n.t('grid.undone', { what: step.label }) : i18n.t('grid.nothingToUndo'));
    } catch (error) {
      this.#fail(error);
    }
  }

  async redo(): Promise<void> {
    try {
      const step = await this.undoStack.redo();
      notices.show(step ? i18n.t('grid.redone', { what: step.label }) : i18n.t('grid.nothingToRedo'));
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    const kind = error instanceof AppStorageError ? error.kind : null;
    if (kind === 'validation' || kind === 'not-found' || kind === 'conflict') {
      notices.show(i18n.t(`error.${kind}`), { tone: 'error' });
      return;
    }
    reportStorageError(error);
  }
}

// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache of models, never rendered
const models = new Map<BaseTableName, SheetModel<BaseTableName>>();

/** The model of one sheet, created on first use and kept (with its undo stack) while the app runs. */
export function sheetModel<T extends BaseTableName>(table: T): SheetModel<T> {
  let model = models.get(table);
  if (!model) {
    const created = new SheetModel(table);
    onDataReplaced(() => created.undoStack.clear());
    model = created;
    models.set(table, model);
  }
  return model as SheetModel<T>;
}
