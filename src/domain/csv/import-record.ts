/**
 * What is kept of a committed import (one record per import, in the `imports` table): enough to show it
 * in a list and to undo it as a whole. Rows created by the import carry its id in `batchId`; rows it
 * updated have history entries (actor 'import') stamped with its `at`.
 */
import type { BaseTableName, Timestamp } from '../types';
import type { ImportCounts, MatchKey } from './plan';

export const IMPORT_ACTOR = 'import';
export const IMPORT_UNDO_ACTOR = 'import-undo';

export interface ImportRecord {
  /** Also the `batchId` of every row the import created. */
  id: string;
  table: BaseTableName;
  fileName: string;
  /** The write time of the import: every history entry of it has this `at`. */
  at: Timestamp;
  matchKey: MatchKey | null;
  counts: ImportCounts;
  status: 'committed' | 'undone';
  undoneAt: Timestamp | null;
}
