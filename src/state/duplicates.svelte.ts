/**
 * The duplicate finder and the merge of two customers, as rune state.
 *
 * The finder runs in its own worker (src/workers/duplicates.worker.ts, through Comlink), so reading and
 * matching 100 000 customers never blocks the page; it runs when the finder opens and on "search
 * again" (a merge re-runs it). A merge is one storage transaction (src/storage/customer-merge.ts) and
 * one undo step on the customers sheet's stack; the notice offers the same undo.
 */
import * as Comlink from 'comlink';
import {
  defaultPicks,
  pickedFields,
  type MergeField,
  type MergeSideName,
} from '../domain/duplicates/merge-picks';
import { i18n } from '../i18n/i18n.svelte';
import { mergeCustomers, undoMerge, type MergeRecord } from '../storage/customer-merge';
import { getDb } from '../storage/db';
import { readMergeSide, type MergeSide } from '../storage/duplicate-inputs';
import { AppStorageError } from '../storage/errors';
import type { DuplicateReport, DuplicatesApi } from '../workers/duplicates-api';
import { notices } from './notices.svelte';
import { sheetModel } from './sheets.svelte';
import { reportStorageError } from './storage-errors.svelte';
import type { UndoStep } from './undo.svelte';

export type FinderStatus = 'idle' | 'running' | 'ready' | 'error';
export type { MergeSide };

class DuplicatesState {
  #status = $state<FinderStatus>('idle');
  #report = $state.raw<DuplicateReport | null>(null);
  #error = $state<string | null>(null);
  #api: Comlink.Remote<DuplicatesApi> | null = null;

  get status(): FinderStatus {
    return this.#status;
  }
  get report(): DuplicateReport | null {
    return this.#report;
  }
  get error(): string | null {
    return this.#error;
  }

  /** Runs the finder in its worker; a run already under way is not started twice. */
  async find(): Promise<void> {
    if (this.#status === 'running') return;
    this.#status = 'running';
    this.#api ??= Comlink.wrap<DuplicatesApi>(
      new Worker(new URL('../workers/duplicates.worker.ts', import.meta.url), { type: 'module' }),
    );
    let outcome: Awaited<ReturnType<DuplicatesApi['find']>>;
    try {
      outcome = await this.#api.find();
    } catch (error) {
      outcome = { ok: false, error: { kind: 'unknown', message: String(error) } };
    }
    if (outcome.ok) {
      this.#report = outcome.value;
      this.#error = null;
      this.#status = 'ready';
    } else {
      this.#error = outcome.error.message;
      this.#status = 'error';
    }
  }

  /** Both customers of a merge, or null when one is gone or in the trash. */
  async pair(keepId: string, otherId: string): Promise<{ kept: MergeSide; other: MergeSide } | null> {
    const [kept, other] = await Promise.all([
      readMergeSide(getDb(), keepId),
      readMergeSide(getDb(), otherId),
    ]);
    return kept && other ? { kept, other } : null;
  }

  picks(kept: MergeSide, other: MergeSide): Record<MergeField, MergeSideName> {
    return defaultPicks(kept, other);
  }

  /** Merges `other` into `kept` with the owner's picks; returns true when it was done. */
  async merge(
    kept: MergeSide,
    other: MergeSide,
    picks: Readonly<Record<MergeField, MergeSideName>>,
  ): Promise<boolean> {
    const db = getDb();
    const request = {
      keepId: kept.customer.id,
      otherId: other.customer.id,
      fields: pickedFields(other.customer, picks),
      seen: { keep: kept.customer.updatedAt, other: other.customer.updatedAt },
    };
    let record: MergeRecord;
    try {
      record = await mergeCustomers(db, request);
    } catch (error) {
      this.#fail(error);
      return false;
    }
    let merged = true;
    const step: UndoStep = {
      label: i18n.t('merge.undo'),
      undo: async () => {
        if (!merged) return;
        await undoMerge(db, record);
        merged = false;
        void this.find();
      },
      redo: async () => {
        if (merged) return;
        record = await mergeCustomers(db, request);
        merged = true;
        void this.find();
      },
    };
    const model = sheetModel('customers');
    model.undoStack.push(step);
    const names = { kept: kept.customer.name, other: other.customer.name };
    notices.show(
      i18n.t('merge.done', {
        ...names,
        deals: record.deals.length,
        interactions: record.interactions.length,
      }),
      {
        action: { label: i18n.t('merge.undo'), run: () => this.#undo(step) },
        ms: 30_000,
      },
    );
    void this.find();
    return true;
  }

  async #undo(step: UndoStep): Promise<void> {
    try {
      await step.undo();
      notices.show(i18n.t('merge.undone'));
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    if (error instanceof AppStorageError && error.kind === 'not-found') {
      notices.show(i18n.t('merge.changed'), { tone: 'error' });
      return;
    }
    if (error instanceof AppStorageError && error.kind === 'validation') {
      notices.show(i18n.t('error.validation'), { tone: 'error' });
      return;
    }
    reportStorageError(error);
  }
}

export const duplicatesState = new DuplicatesState();
