/**
 * Mapping presets: the column mapping (and reading options) the owner settled on for a file layout,
 * offered again on the next import of a file with the same headers. Stored in `settings` under
 * `importPreset:<layout key>`; anything read back passes a type guard first.
 */
import type { DateOrder } from '../domain/csv/dates';
import type { MatchKey } from '../domain/csv/plan';
import { isDealRowKind, type DealRowKind } from '../domain/csv/row-kind';
import type { KehuDb } from './db';
import { handleStorageError } from './errors';

export interface ImportPreset {
  mapping: string[];
  decimalComma: boolean;
  dateOrders: Record<number, DateOrder | 'ambiguous'>;
  matchKey: MatchKey | null;
  /** What the rows of a deals file are (row-kind.ts), when the wizard asked; absent in older presets. */
  rowKind?: DealRowKind;
}

const PREFIX = 'importPreset:';

function isPreset(value: unknown): value is ImportPreset {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Array.isArray(v.mapping) &&
    v.mapping.every((m) => typeof m === 'string') &&
    typeof v.decimalComma === 'boolean' &&
    typeof v.dateOrders === 'object' &&
    v.dateOrders !== null &&
    (v.matchKey === null || typeof v.matchKey === 'string') &&
    (v.rowKind === undefined || isDealRowKind(v.rowKind))
  );
}

export async function savePreset(db: KehuDb, layout: string, preset: ImportPreset): Promise<void> {
  try {
    await db.settings.put({ key: PREFIX + layout, value: preset });
  } catch (e) {
    throw handleStorageError(e);
  }
}

/** The preset saved for `layout`, or null (none, or not a valid preset). */
export async function loadPreset(db: KehuDb, layout: string): Promise<ImportPreset | null> {
  try {
    const record = await db.settings.get(PREFIX + layout);
    return isPreset(record?.value) ? record.value : null;
  } catch (e) {
    throw handleStorageError(e);
  }
}
