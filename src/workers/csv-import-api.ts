/**
 * The contract between the import wizard and the CSV import worker (through Comlink). Plain data only:
 * everything here crosses a structured clone. Errors come back as data (`ok: false`), because a class
 * like AppStorageError does not survive the trip.
 */
import type { DateOrder } from '../domain/csv/dates';
import type { Delimiter, Newline } from '../domain/csv/dialect';
import type { CsvEncoding } from '../domain/csv/encoding';
import type { CsvInspection, InspectOverrides } from '../domain/csv/inspect';
import type { DealRowKind } from '../domain/csv/row-kind';
import type { RejectedCsvLabels, RejectedRowsInfo } from '../domain/csv/rejected-rows';
import type { BaseTableName } from '../domain/types';
import type { StorageErrorKind } from '../storage/errors';
import type { ImportProgress, ImportReport, ImportSettings } from '../storage/import-commit';

export interface ReadSettings {
  encoding: CsvEncoding;
  delimiter: Delimiter;
  newline: Newline;
  hasHeader: boolean;
  decimalComma: boolean;
  dateOrders: Record<number, DateOrder | 'ambiguous'>;
  /** What the rows of a deals file are (row-kind.ts); null when not asked. */
  rowKind: DealRowKind | null;
}

export interface ImportRequest {
  settings: ImportSettings;
  read: ReadSettings;
}

/**
 * A run's report as the page gets it: the rejected rows themselves stay in the worker (at 100 000
 * rejected rows they weigh tens of megabytes, seconds of deserialising on the page) until the owner
 * asks for their file (`rejectedCsv`).
 */
export type ImportRunReport = Omit<ImportReport, 'rejected'> & {
  /** The rejected rows kept for the file, after a dry run that rejected some; else null. */
  rejectedRows: RejectedRowsInfo | null;
};

export type ImportOutcome =
  | { ok: true; report: ImportRunReport }
  | {
      ok: false;
      error: {
        kind: StorageErrorKind | 'decode' | 'unclosed-quote';
        message: string;
        byteOffset?: number;
        row?: number;
      };
    };

export interface CsvImportApi {
  inspect(file: Blob, table: BaseTableName, overrides: InspectOverrides): Promise<CsvInspection>;
  run(
    file: Blob,
    request: ImportRequest,
    mode: 'analyse' | 'commit',
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportOutcome>;
  /**
   * The rejected-rows file (UTF-8 with BOM) of the last dry run, with these column headers and words;
   * null when this worker holds none (a new worker after Cancel, or a run without rejected rows).
   */
  rejectedCsv(columns: string[], labels: RejectedCsvLabels): Promise<Blob | null>;
}
