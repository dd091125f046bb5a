/**
 * Export actions of the Import / Export page: a sheet as CSV, the accountant pack, full backup and
 * restore (with undo of the last restore), and the date of the last backup for the reminder.
 * The storage modules behind them (dexie-export-import, fflate) load on first use, not with the app.
 */
import { backupReminderDue } from '../domain/backup-reminder';
import type { ComputedExportColumn } from '../domain/csv/export-rows';
import type { BaseTableName, BaseTables } from '../domain/types';
import type { MessageKey } from '../i18n/dictionaries';
import { i18n } from '../i18n/i18n.svelte';
import { getDb } from '../storage/db';
import type { BackupError } from '../storage/backup';
import type { ExportEncoding } from '../storage/export';
import { dataReplaced } from './data-replaced';
import { notices } from './notices.svelte';
import { reportStorageError } from './storage-errors.svelte';

/** Why a backup was refused: missing tables or rows, invalid values (see storage/backup-verify.ts). */
export type RestoreDetails = BackupError['details'];

/** Rows added or changed since a restore: what undoing it would lose. */
export interface LaterWorkSummary {
  total: number;
  counts: Partial<Record<BaseTableName, number>>;
  labels: string[];
}

/** A file for the UI to save. */
export interface SavedFile {
  blob: Blob;
  fileName: string;
}

/** `kehu-customers-2024-01-05.csv` style names, in local time. */
function datedName(stem: string, extension: string): string {
  return `${stem}-${todayIso()}.${extension}`;
}

const backupModule = () => import('../storage/backup');
const exportModule = () => import('../storage/export');
const exportRowsModule = () => import('../domain/csv/export-rows');

function todayIso(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

class ExportState {
  #busy = $state(false);
  #lastBackup = $state<number | null>(null);
  #canUndoRestore = $state(false);
  #restoreError = $state<string | null>(null);
  #restoreDetails = $state<RestoreDetails | null>(null);
  #laterWork = $state<LaterWorkSummary | null>(null);

  get busy(): boolean {
    return this.#busy;
  }
  get lastBackup(): number | null {
    return this.#lastBackup;
  }
  /** Whether to remind the owner to back up now (see domain/backup-reminder.ts). */
  backupDue(hasData: boolean, now: number = Date.now()): boolean {
    return backupReminderDue(this.#lastBackup, now, hasData);
  }
  get canUndoRestore(): boolean {
    return this.#canUndoRestore;
  }
  get restoreError(): string | null {
    return this.#restoreError;
  }
  /** What and where, when a backup was refused for missing tables, rows or invalid values. */
  get restoreDetails(): RestoreDetails | null {
    return this.#restoreDetails;
  }

  async #run<R>(work: () => Promise<R>): Promise<R | null> {
    if (this.#busy) return null;
    this.#busy = true;
    try {
      return await work();
    } catch (error) {
      reportStorageError(error);
      return null;
    } finally {
      this.#busy = false;
    }
  }

  async refresh(): Promise<void> {
    try {
      const { hasPreRestoreCopy, lastBackupAt } = await backupModule();
      this.#lastBackup = await lastBackupAt(getDb());
      this.#canUndoRestore = await hasPreRestoreCopy(getDb());
    } catch (error) {
      reportStorageError(error);
    }
  }

  exportSheet(
    table: BaseTableName,
    headers: 'ui' | 'keys',
    encoding: ExportEncoding,
  ): Promise<SavedFile | null> {
    return this.#run(async () => {
      const language = headers === 'keys' ? 'keys' : i18n.language;
      const { exportTable } = await exportModule();
      const file = await exportTable(getDb(), table, { language, encoding });
      this.#notifyExport(i18n.t('exp.done', { count: i18n.number(file.rows) }), file.unmappable);
      return {
        blob: new Blob([file.bytes], { type: 'text/csv' }),
        fileName: datedName(`kehu-${table}`, 'csv'),
      };
    });
  }

  /**
   * The rows and columns a sheet shows (its filter, sort and visible columns, computed ones last) as
   * CSV, UTF-8 with BOM.
   */
  exportView(
    table: BaseTableName,
    rows: readonly BaseTables[BaseTableName][],
    fields: readonly string[],
    computed: readonly ComputedExportColumn<BaseTables[BaseTableName]>[] = [],
  ): Promise<SavedFile | null> {
    return this.#run(async () => {
      const [{ exportTable }, { viewExportKeys }] = await Promise.all([exportModule(), exportRowsModule()]);
      const columns = viewExportKeys(table, fields);
      const file = await exportTable(getDb(), table, {
        language: i18n.language,
        encoding: 'utf-8-bom',
        rows,
        columns,
        computed,
      });
      this.#notifyExport(i18n.t('exp.done', { count: i18n.number(file.rows) }), file.unmappable);
      return {
        blob: new Blob([file.bytes], { type: 'text/csv' }),
        fileName: datedName(`kehu-${table}-view`, 'csv'),
      };
    });
  }

  exportPack(from: string, to: string, encoding: ExportEncoding): Promise<SavedFile | null> {
    return this.#run(async () => {
      const { exportAccountantPack } = await exportModule();
      const pack = await exportAccountantPack(getDb(), {
        from,
        to,
        today: todayIso(),
        language: i18n.language,
        encoding,
      });
      const text = i18n.t('exp.packDone', {
        deals: i18n.number(pack.wonDeals),
        receivables: i18n.number(pack.receivables),
      });
      this.#notifyExport(text, pack.unmappable);
      return {
        blob: new Blob([pack.zip], { type: 'application/zip' }),
        fileName: `kehu-accountant-${from}_${to}.zip`,
      };
    });
  }

  #notifyExport(text: string, unmappable: number): void {
    notices.show(unmappable > 0 ? `${text} ${i18n.t('exp.unmappable', { count: unmappable })}` : text);
  }

  backup(): Promise<SavedFile | null> {
    return this.#run(async () => {
      const { createBackup } = await backupModule();
      const blob = await createBackup(getDb());
      notices.show(i18n.t('bak.done'));
      await this.refresh();
      return { blob, fileName: datedName('kehu-backup', 'kehubackup') };
    });
  }

  /** Checks the whole file (writing nothing), asks the owner, then restores. */
  async restore(file: File): Promise<void> {
    this.#restoreError = null;
    this.#restoreDetails = null;
    await this.#run(async () => {
      const { BackupError, prepareRestore, applyRestore } = await backupModule();
      try {
        const checked = await prepareRestore(file);
        const when = i18n.dateTime(checked.header.exportedAt);
        if (!confirm(i18n.t('bak.confirmRestore', { when }))) return;
        const result = await applyRestore(getDb(), checked);
        dataReplaced();
        notices.show(
          i18n.t('bak.restored', {
            customers: i18n.number(result.counts.customers ?? 0),
            deals: i18n.number(result.counts.deals ?? 0),
          }),
          { action: { label: i18n.t('bak.undoRestore'), run: () => this.undoRestore() } },
        );
        await this.refresh();
      } catch (error) {
        if (!(error instanceof BackupError)) throw error;
        this.#restoreError = i18n.t('bak.bad', { reason: i18n.t(`bak.reason.${error.problem}`) });
        this.#restoreDetails = error.details;
      }
    });
  }

  /** Work done since the last restore, while the owner is asked what to do with it; else null. */
  get laterWork(): LaterWorkSummary | null {
    return this.#laterWork;
  }

  /**
   * Undoes the last restore. When rows were added or changed since, nothing happens yet: `laterWork`
   * names them and the owner chooses (`confirmUndoRestore`): keep them (the default) or lose them.
   */
  async undoRestore(): Promise<void> {
    await this.#run(async () => {
      const { workSinceRestore } = await backupModule();
      const later = await workSinceRestore(getDb());
      if (later && later.total > 0) {
        this.#laterWork = { total: later.total, counts: later.counts, labels: later.labels };
        return;
      }
      await this.#undoRestore(true, 'bak.restoreUndone');
    });
  }

  /** The owner's answer about the later work: keep it, lose it, or (null) do not undo the restore. */
  async confirmUndoRestore(choice: 'keep' | 'lose' | null): Promise<void> {
    this.#laterWork = null;
    if (choice === null) return;
    const keep = choice === 'keep';
    await this.#run(() => this.#undoRestore(keep, keep ? 'bak.restoreUndoneKept' : 'bak.restoreUndone'));
  }

  async #undoRestore(keepLater: boolean, message: MessageKey): Promise<void> {
    const { undoRestore } = await backupModule();
    await undoRestore(getDb(), keepLater);
    dataReplaced();
    notices.show(i18n.t(message));
    await this.refresh();
  }
}

export const exportState = new ExportState();
