/**
 * The contract between the import wizard and the CSV import worker (through Comlink). Plain data only:
 * everything here crosses a structured clone. Errors come back as data (`ok: false`), because a class
 * like AppStorageError does not survive the trip.
 */
import type { DateOrder } from '../domain/csv/dates';
import type { Delimiter, Newline } from '../domain/csv/dialect';
import type { CsvEncoding } from '../domain/csv/encoding';
import type { CsvInspection, InspectOverrides } from '../domain/csv/inspect';
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
}

export interface ImportRequest {
  settings: ImportSettings;
  read: ReadSettings;
}

export type ImportOutcome =
  | { ok: true; report: ImportReport }
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
}
