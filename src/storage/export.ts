/**
 * CSV export of a sheet and the accountant pack, read from the database (live rows only; the trash is
 * not exported). Encoding: UTF-8 with a BOM by default (Excel and WPS then read Chinese correctly),
 * or GBK on request for old Excel versions; the zip of the accountant pack is made with fflate.
 */
import { zipSync } from 'fflate';
import { composeAccountantPack } from '../domain/csv/accountant-pack';
import { encodeGbk, encodeUtf8 } from '../domain/csv/encoding';
import { tableCsv, type ComputedExportColumn, type ExportLookups } from '../domain/csv/export-rows';
import type { HeaderLanguage } from '../domain/csv/fields';
import type { BaseTableName, BaseTables } from '../domain/types';
import type { KehuDb } from './db';
import { handleStorageError } from './errors';

export type ExportEncoding = 'utf-8-bom' | 'gbk';

export interface EncodedFile {
  bytes: Uint8Array<ArrayBuffer>;
  rows: number;
  /** Characters GBK could not hold (written as `?`). */
  unmappable: number;
}

function encode(
  text: string,
  encoding: ExportEncoding,
): { bytes: Uint8Array<ArrayBuffer>; unmappable: number } {
  return encoding === 'gbk' ? encodeGbk(text) : { bytes: encodeUtf8(text, true), unmappable: 0 };
}

async function readLookups(db: KehuDb): Promise<ExportLookups> {
  const customers = new Map<string, { code: string; name: string }>();
  await db.customers.each((c) => customers.set(c.id, { code: c.code, name: c.name }));
  const productLines = new Map<string, string>();
  await db.productLines.each((p) => productLines.set(p.id, p.code || p.name));
  return { customers, productLines };
}

/**
 * One sheet as a CSV file: every live row, or the given rows (a filtered, sorted view) and columns,
 * followed by the view's computed columns.
 */
export async function exportTable<T extends BaseTableName>(
  db: KehuDb,
  table: T,
  options: {
    language: HeaderLanguage | 'keys';
    encoding: ExportEncoding;
    rows?: readonly BaseTables[T][];
    columns?: readonly string[];
    computed?: readonly ComputedExportColumn<BaseTables[T]>[];
  },
): Promise<EncodedFile> {
  try {
    const lookups = await readLookups(db);
    const rows =
      options.rows ??
      (await db
        .table<BaseTables[T], string>(table)
        .filter((r) => r.deletedAt === null)
        .toArray());
    const { csv, rows: count } = tableCsv(
      table,
      rows,
      lookups,
      options.language,
      options.columns,
      options.computed,
    );
    return { ...encode(csv, options.encoding), rows: count };
  } catch (e) {
    throw handleStorageError(e);
  }
}

export interface AccountantPack {
  zip: Uint8Array<ArrayBuffer>;
  wonDeals: number;
  receivables: number;
  unmappable: number;
}

/** The accountant pack of a period as one zip of CSV files. */
export async function exportAccountantPack(
  db: KehuDb,
  options: { from: string; to: string; today: string; language: HeaderLanguage; encoding: ExportEncoding },
): Promise<AccountantPack> {
  try {
    const [customers, deals] = await Promise.all([db.customers.toArray(), db.deals.toArray()]);
    const files = composeAccountantPack({ customers, deals, ...options });
    let unmappable = 0;
    const entries: Record<string, Uint8Array> = {};
    for (const file of files) {
      const encoded = encode(file.csv, options.encoding);
      unmappable += encoded.unmappable;
      entries[file.name] = encoded.bytes;
    }
    const zip = zipSync(entries, { level: 6 }) as Uint8Array<ArrayBuffer>;
    const count = (name: string) => files.find((f) => f.name === name)?.rows ?? 0;
    return { zip, wonDeals: count('won-deals.csv'), receivables: count('receivables.csv'), unmappable };
  } catch (e) {
    throw handleStorageError(e);
  }
}
