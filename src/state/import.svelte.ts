/**
 * The CSV import wizard's state: the file, how it is read, the column mapping, the dry-run report, the
 * running import (progress, Cancel) and the list of past imports with Undo. The parsing and the writing
 * happen in the import worker; Cancel terminates that worker, which never commits its transaction.
 */
import * as Comlink from 'comlink';
import type { DateOrder } from '../domain/csv/dates';
import type { Delimiter } from '../domain/csv/dialect';
import type { CsvEncoding } from '../domain/csv/encoding';
import type { ImportRecord } from '../domain/csv/import-record';
import { sizeProblem, type FileProblem } from '../domain/csv/file-problems';
import type { CsvInspection } from '../domain/csv/inspect';
import { detectDateOrders } from '../domain/csv/inspect';
import { duplicateTargets, layoutKey } from '../domain/csv/mapping';
import { matchKeysOf, type MatchKey } from '../domain/csv/plan';
import { defaultRowKind, rowKindAsked, type DealRowKind } from '../domain/csv/row-kind';
import type { BaseTableName } from '../domain/types';
import { i18n } from '../i18n/i18n.svelte';
import { getDb } from '../storage/db';
import { AppStorageError } from '../storage/errors';
import type { ImportProgress, ImportSettings } from '../storage/import-commit';
import { loadPreset, savePreset } from '../storage/import-presets';
import { editedSinceImport, listImports, undoImport } from '../storage/import-undo';
import { dataReplaced } from './data-replaced';
import type { CsvImportApi, ImportOutcome, ImportRequest, ImportRunReport } from '../workers/csv-import-api';
import { appData } from './app-data.svelte';
import { notices } from './notices.svelte';
import { reportStorageError } from './storage-errors.svelte';

export type WizardStep = 'pick' | 'map' | 'review' | 'running';

interface Running {
  mode: 'analyse' | 'commit';
  startedAt: number;
  rows: number;
  bytesRead: number;
  total: number;
}

function defaultMatchKey(table: BaseTableName): MatchKey | null {
  return matchKeysOf(table)[0] ?? null;
}

class ImportState {
  #step = $state<WizardStep>('pick');
  #table = $state<BaseTableName>('customers');
  #file = $state.raw<File | null>(null);
  #inspection = $state.raw<CsvInspection | null>(null);
  #mapping = $state<string[]>([]);
  #dateOrders = $state<Record<number, DateOrder | 'ambiguous'>>({});
  #decimalComma = $state(false);
  #matchKey = $state<MatchKey | null>('code');
  #onMatch = $state<'update' | 'skip'>('update');
  #createCustomers = $state(false);
  #onBadRow = $state<'skip' | 'stop'>('skip');
  #presetLoaded = $state(false);
  #rowKind = $state<DealRowKind>('completed');
  /** True once the owner picked the kind (or a preset did): a mapping change then keeps it. */
  #rowKindChosen = false;
  #report = $state.raw<ImportRunReport | null>(null);
  #running = $state<Running | null>(null);
  #message = $state<{ text: string; tone: 'ok' | 'error' } | null>(null);
  #imports = $state.raw<ImportRecord[]>([]);
  #worker: Worker | null = null;
  #api: Comlink.Remote<CsvImportApi> | null = null;

  get step(): WizardStep {
    return this.#step;
  }
  get table(): BaseTableName {
    return this.#table;
  }
  get file(): File | null {
    return this.#file;
  }
  get inspection(): CsvInspection | null {
    return this.#inspection;
  }
  get mapping(): string[] {
    return this.#mapping;
  }
  get dateOrders(): Record<number, DateOrder | 'ambiguous'> {
    return this.#dateOrders;
  }
  get decimalComma(): boolean {
    return this.#decimalComma;
  }
  set decimalComma(value: boolean) {
    this.#decimalComma = value;
  }
  get matchKey(): MatchKey | null {
    return this.#matchKey;
  }
  set matchKey(value: MatchKey | null) {
    this.#matchKey = value;
  }
  get onMatch(): 'update' | 'skip' {
    return this.#onMatch;
  }
  set onMatch(value: 'update' | 'skip') {
    this.#onMatch = value;
  }
  get createCustomers(): boolean {
    return this.#createCustomers;
  }
  set createCustomers(value: boolean) {
    this.#createCustomers = value;
  }
  get onBadRow(): 'skip' | 'stop' {
    return this.#onBadRow;
  }
  set onBadRow(value: 'skip' | 'stop') {
    this.#onBadRow = value;
  }
  /** Whether the wizard asks what the rows are (a deals file without a stage or paid-amount column). */
  get rowKindAsked(): boolean {
    return rowKindAsked(this.#table, this.#mapping);
  }
  /** What the rows are, when asked (row-kind.ts). */
  get rowKind(): DealRowKind {
    return this.#rowKind;
  }
  set rowKind(value: DealRowKind) {
    this.#rowKind = value;
    this.#rowKindChosen = true;
  }
  get presetLoaded(): boolean {
    return this.#presetLoaded;
  }
  get report(): ImportRunReport | null {
    return this.#report;
  }
  get running(): Running | null {
    return this.#running;
  }
  get message(): { text: string; tone: 'ok' | 'error' } | null {
    return this.#message;
  }
  get imports(): ImportRecord[] {
    return this.#imports;
  }
  get duplicates(): string[] {
    return duplicateTargets(this.#mapping);
  }

  #connect(): Comlink.Remote<CsvImportApi> {
    if (!this.#api) {
      this.#worker = new Worker(new URL('../workers/csv-import.worker.ts', import.meta.url), {
        type: 'module',
      });
      this.#api = Comlink.wrap<CsvImportApi>(this.#worker);
    }
    return this.#api;
  }

  #disconnect(): void {
    this.#api?.[Comlink.releaseProxy]();
    this.#worker?.terminate();
    this.#worker = null;
    this.#api = null;
  }

  setTable(table: BaseTableName): void {
    this.#table = table;
    this.#matchKey = defaultMatchKey(table);
    // Deals or interactions into a book with no customers yet: their customers can only be created.
    this.#createCustomers =
      table !== 'customers' && table !== 'productLines' && appData.counts.customers === 0;
    if (this.#file) void this.#inspect({});
  }

  async pickFile(file: File): Promise<void> {
    this.#file = file;
    this.#message = null;
    this.#report = null;
    // Refused on its size before a byte is read (a 300 MB file is never loaded).
    const tooBig = sizeProblem(file.size);
    if (tooBig) return this.#refuse(file, tooBig);
    await this.#inspect({});
  }

  /** Shows why `file` cannot be imported and goes back to the file picker; nothing is written. */
  #refuse(file: File, problem: FileProblem): void {
    const params: Record<string, string | number> = { file: file.name };
    if (problem.kind === 'too-big') {
      params.size = i18n.bytes(problem.bytes);
      params.limit = i18n.bytes(problem.limit);
    } else if (problem.kind === 'too-wide') {
      params.columns = i18n.number(problem.columns);
      params.limit = i18n.number(problem.limit);
    } else if (problem.kind === 'binary') {
      params.line = i18n.number(problem.line);
      params.code = `0x${problem.code.toString(16).padStart(2, '0').toUpperCase()}`;
    } else if (problem.kind === 'unclosed-quote') {
      params.line = i18n.number(problem.line);
    }
    this.#message = { tone: 'error', text: i18n.t(`imp.problem.${problem.kind}`, params) };
    this.#file = null;
    this.#inspection = null;
    this.#report = null;
    this.#step = 'pick';
  }

  /** Re-reads the start of the file with a user choice of encoding, delimiter or header row. */
  async reread(overrides: {
    encoding?: CsvEncoding;
    delimiter?: Delimiter;
    hasHeader?: boolean;
  }): Promise<void> {
    const current = this.#inspection;
    await this.#inspect({
      encoding: overrides.encoding ?? (current?.encodingReason === 'user' ? current.encoding : undefined),
      delimiter: overrides.delimiter ?? current?.delimiter,
      hasHeader: overrides.hasHeader ?? current?.hasHeader,
    });
  }

  async #inspect(overrides: {
    encoding?: CsvEncoding | undefined;
    delimiter?: Delimiter | undefined;
    hasHeader?: boolean | undefined;
  }): Promise<void> {
    const file = this.#file;
    if (!file) return;
    const clean = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
    const inspection = await this.#connect().inspect(file, this.#table, clean);
    if (inspection.problem) return this.#refuse(file, inspection.problem);
    this.#inspection = inspection;
    this.#mapping = [...inspection.mapping];
    this.#dateOrders = { ...inspection.dateOrders };
    this.#rowKind = defaultRowKind(inspection.mapping);
    this.#rowKindChosen = false;
    this.#presetLoaded = false;
    this.#report = null;
    this.#step = 'map';
    if (inspection.hasHeader) {
      const preset = await loadPreset(getDb(), layoutKey(this.#table, inspection.columns)).catch(() => null);
      if (preset && preset.mapping.length === inspection.columns.length) {
        this.#mapping = [...preset.mapping];
        this.#decimalComma = preset.decimalComma;
        this.#dateOrders = {
          ...detectDateOrders(this.#table, preset.mapping, inspection.records),
          ...preset.dateOrders,
        };
        this.#matchKey = preset.matchKey;
        this.#rowKind = preset.rowKind ?? defaultRowKind(preset.mapping);
        this.#rowKindChosen = preset.rowKind !== undefined;
        this.#presetLoaded = true;
      }
    }
  }

  setMapping(column: number, key: string): void {
    const next = [...this.#mapping];
    next[column] = key;
    this.#mapping = next;
    if (!this.#rowKindChosen) this.#rowKind = defaultRowKind(next);
    const inspection = this.#inspection;
    if (inspection) {
      this.#dateOrders = {
        ...detectDateOrders(this.#table, next, inspection.records),
        ...this.#keptOrders(next),
      };
    }
  }

  /** Date orders the user chose that still belong to a mapped column. */
  #keptOrders(mapping: string[]): Record<number, DateOrder | 'ambiguous'> {
    return Object.fromEntries(
      Object.entries(this.#dateOrders).filter(([col]) => mapping[Number(col)] !== ''),
    );
  }

  setDateOrder(column: number, order: DateOrder | 'ambiguous'): void {
    this.#dateOrders = { ...this.#dateOrders, [column]: order };
  }

  #request(): ImportRequest | null {
    const inspection = this.#inspection;
    const file = this.#file;
    if (!inspection || !file) return null;
    const settings: ImportSettings = {
      table: this.#table,
      matchKey: this.#matchKey,
      onMatch: this.#onMatch,
      createCustomers: this.#createCustomers,
      onBadRow: this.#onBadRow,
      fileName: file.name,
      columns: [...inspection.columns],
      mapping: [...this.#mapping],
    };
    return {
      settings,
      read: {
        encoding: inspection.encoding,
        delimiter: inspection.delimiter,
        newline: inspection.newline,
        hasHeader: inspection.hasHeader,
        decimalComma: this.#decimalComma,
        dateOrders: { ...this.#dateOrders },
        rowKind: this.rowKindAsked ? this.#rowKind : null,
      },
    };
  }

  async #run(mode: 'analyse' | 'commit'): Promise<ImportOutcome | null> {
    const request = this.#request();
    const file = this.#file;
    if (!request || !file) return null;
    const previous = this.#step;
    this.#step = 'running';
    this.#message = null;
    this.#running = { mode, startedAt: performance.now(), rows: 0, bytesRead: 0, total: file.size };
    const onProgress = Comlink.proxy((p: ImportProgress) => {
      if (this.#running) this.#running = { ...this.#running, rows: p.rows, bytesRead: p.bytesRead };
    });
    try {
      return await this.#connect().run(file, request, mode, onProgress);
    } catch {
      // The worker was terminated (Cancel): its transaction never committed.
      return null;
    } finally {
      this.#running = null;
      if (this.#step === 'running') this.#step = previous;
    }
  }

  async analyse(): Promise<void> {
    const outcome = await this.#run('analyse');
    if (!outcome) return;
    if (!outcome.ok) return this.#fail(outcome);
    this.#report = outcome.report;
    this.#step = 'review';
    const inspection = this.#inspection;
    if (inspection?.hasHeader) {
      await savePreset(getDb(), layoutKey(this.#table, inspection.columns), {
        mapping: [...this.#mapping],
        decimalComma: this.#decimalComma,
        dateOrders: { ...this.#dateOrders },
        matchKey: this.#matchKey,
        ...(this.rowKindAsked ? { rowKind: this.#rowKind } : {}),
      }).catch(reportStorageError);
    }
  }

  async commit(): Promise<void> {
    const outcome = await this.#run('commit');
    if (!outcome) return;
    if (!outcome.ok) return this.#fail(outcome);
    const { report } = outcome;
    if (report.stoppedAt) {
      const p = report.stoppedAt;
      this.#message = {
        tone: 'error',
        text: i18n.t('imp.stopped', {
          row: p.row,
          column: p.column,
          reason: i18n.t(`imp.reason.${p.reason}`),
        }),
      };
      return;
    }
    dataReplaced();
    const c = report.counts;
    const n = (value: number): string => i18n.number(value);
    this.#message = {
      tone: 'ok',
      text: i18n.t('imp.done', {
        created: n(c.created),
        updated: n(c.updated),
        unchanged: n(c.unchanged),
        rejected: n(c.rejected),
      }),
    };
    this.#report = null;
    this.#file = null;
    this.#inspection = null;
    this.#step = 'pick';
    await this.loadImports();
  }

  /**
   * The dry run's rejected-rows file, written by the worker that holds the rows, in the page's
   * language. Null (with a message) when that worker is gone (Cancel ends it): check the file again.
   */
  async rejectedFile(): Promise<Blob | null> {
    const info = this.#report?.rejectedRows;
    if (!info) return null;
    const labels = {
      row: i18n.t('imp.rejectedRow'),
      reason: i18n.t('imp.rejectedReason'),
      reasons: Object.fromEntries(info.reasons.map((r) => [r, i18n.t(`imp.reason.${r}`)])),
    };
    const columns = [...(this.#inspection?.columns ?? [])];
    const file = await this.#connect().rejectedCsv(columns, labels);
    if (!file) this.#message = { tone: 'error', text: i18n.t('imp.rejectedGone') };
    return file;
  }

  cancel(): void {
    this.#disconnect();
    this.#message = { tone: 'ok', text: i18n.t('imp.cancelled') };
  }

  #fail(outcome: Extract<ImportOutcome, { ok: false }>): void {
    const { error } = outcome;
    if (error.kind === 'unclosed-quote') {
      const file = this.#file;
      if (file) this.#refuse(file, { kind: 'unclosed-quote', line: error.row ?? 0 });
      return;
    }
    if (error.kind === 'decode') {
      this.#message = {
        tone: 'error',
        text: i18n.t('imp.decodeFailed', {
          encoding: this.#inspection?.encoding ?? '',
          offset: error.byteOffset ?? 0,
        }),
      };
      return;
    }
    if (error.kind !== 'unknown' && error.kind !== 'validation' && error.kind !== 'not-found') {
      reportStorageError(new AppStorageError(error.kind, error.message));
    }
    this.#message = { tone: 'error', text: i18n.t('imp.failed', { message: error.message }) };
  }

  back(): void {
    this.#report = null;
    this.#step = this.#inspection ? 'map' : 'pick';
  }

  reset(): void {
    this.#file = null;
    this.#inspection = null;
    this.#report = null;
    this.#message = null;
    this.#step = 'pick';
  }

  async loadImports(): Promise<void> {
    try {
      this.#imports = await listImports(getDb());
    } catch (error) {
      reportStorageError(error);
    }
  }

  /**
   * Asks, naming the rows changed since the import (which the undo keeps), then undoes the import.
   * Returns false when the owner said no.
   */
  async undo(record: ImportRecord): Promise<boolean> {
    try {
      const later = await editedSinceImport(getDb(), record);
      let question = i18n.t('imp.confirmUndo');
      if (later.total > 0) {
        const names = later.labels.join(', ') + (later.total > later.labels.length ? ', …' : '');
        question += ` ${i18n.t('imp.confirmUndoKeeps', { count: i18n.number(later.total), names })}`;
      }
      if (!confirm(question)) return false;
      const result = await undoImport(getDb(), record.id);
      const text = i18n.t('imp.undoDone', { removed: result.removed, restored: result.restored });
      const parts = [text];
      if (result.kept > 0) parts.push(i18n.t('imp.undoKept', { kept: result.kept }));
      if (result.keptRows > 0) parts.push(i18n.t('imp.undoKeptRows', { count: result.keptRows }));
      if (result.keptEdited > 0) parts.push(i18n.t('imp.undoKeptEdited', { count: result.keptEdited }));
      notices.show(parts.join(' '));
      dataReplaced();
    } catch (error) {
      reportStorageError(error);
    }
    await this.loadImports();
    return true;
  }
}

export const importState = new ImportState();
