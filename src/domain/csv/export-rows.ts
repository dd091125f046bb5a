/**
 * Stored rows → CSV cells, per table, in the column order of `TARGET_FIELDS` (so an exported file maps
 * back automatically on import). Money is written with two decimals as a number, dates as ISO dates,
 * choices, booleans and lists in the words of the header language (choices.ts: 成交, 是 / 否, 价格型、习惯型),
 * or as keys, TRUE / FALSE and `;` with key headers. Text passes the formula guard and number-like
 * text (codes, tax IDs, phones) is kept as text (sanitise.ts). A deal's customer is written as its code
 * and name, its product line as its code, so a file can be imported into another book.
 */
import { formatMinorUnits } from '../money';
import type { BaseTableName, BaseTables } from '../types';
import { headerLabel, TARGET_FIELDS, type HeaderLanguage, type TargetField } from './fields';
import { boolLabel, choiceLabel, listSeparator } from './choices';
import { dateCell, numberCell, writeCsv, type CsvCell } from './write';

export interface ExportLookups {
  /** Customer id → code and name (for deals and interactions). */
  customers: ReadonlyMap<string, { code: string; name: string }>;
  /** Product line id → code (or name when it has no code). */
  productLines: ReadonlyMap<string, string>;
}

/** Export columns of a table: every target field, or the given keys in the given order. */
export function exportColumns(table: BaseTableName, keys?: readonly string[]): TargetField[] {
  const all = TARGET_FIELDS[table];
  if (!keys) return [...all];
  return keys.map((k) => all.find((f) => f.key === k)).filter((f): f is TargetField => f !== undefined);
}

/**
 * The export columns of the sheet fields a view shows, in the view's order: a customer link becomes its
 * code and name columns, a product-line link its code column; a field with no export column (none of
 * the stored fields today) is left out.
 */
export function viewExportKeys(table: BaseTableName, fields: readonly string[]): string[] {
  const known = new Set(TARGET_FIELDS[table].map((f) => f.key));
  const keys: string[] = [];
  for (const field of fields) {
    const mapped =
      field === 'customerId'
        ? ['customerCode', 'customerName']
        : field === 'productLineId'
          ? ['productLine']
          : [field];
    for (const key of mapped) if (known.has(key) && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** Header row: labels in a UI language, or the field keys (`'keys'`). */
export function exportHeader(columns: readonly TargetField[], language: HeaderLanguage | 'keys'): string[] {
  return columns.map((f) => (language === 'keys' ? f.key : headerLabel(f, language)));
}

function linkCell(key: string, row: Record<string, unknown>, lookups: ExportLookups): string {
  if (key === 'productLine') return lookups.productLines.get(String(row.productLineId ?? '')) ?? '';
  const customer = lookups.customers.get(String(row.customerId ?? ''));
  if (key === 'customerCode') return customer?.code ?? '';
  return customer?.name ?? '';
}

/**
 * The cells of one stored row, choices in the words of `language` (keys with `'keys'`).
 * Example (deals, zh-CN): `{ stage: 'won', amount: 123450, closeDate: '2024-01-05' }` →
 * `['成交', { number: '1234.50' }, { date: '2024-01-05' }]`.
 */
export function exportCells<T extends BaseTableName>(
  table: T,
  columns: readonly TargetField[],
  row: BaseTables[T],
  lookups: ExportLookups,
  language: HeaderLanguage | 'keys',
): CsvCell[] {
  const record = row as unknown as Record<string, unknown>;
  return columns.map((field) => {
    if (field.kind === 'link') return linkCell(field.key, record, lookups);
    const value = record[field.key];
    if (value === null || value === undefined) return '';
    switch (field.kind) {
      case 'money':
      case 'moneyOrNull':
        return numberCell(formatMinorUnits(Number(value)));
      case 'rating':
      case 'percent':
        return numberCell(Number(value));
      case 'date':
        return dateCell(String(value));
      case 'choice':
        return language === 'keys' ? String(value) : choiceLabel(table, field.key, String(value), language);
      case 'bool':
        if (language === 'keys') return value === true ? 'TRUE' : 'FALSE';
        return boolLabel(value === true, language);
      case 'list': {
        const keys: unknown[] = Array.isArray(value) ? value : [];
        if (language === 'keys') return keys.join(';');
        return keys
          .map((k) => choiceLabel(table, field.key, String(k), language))
          .join(listSeparator(language));
      }
      default:
        return String(value);
    }
  });
}

/**
 * A column a view computes rather than stores (a customer's tier, P(alive)…), written after the stored
 * columns: its header as shown, and its cell for a row.
 */
export interface ComputedExportColumn<R> {
  header: string;
  cell: (row: R) => CsvCell;
}

/**
 * The CSV text of a sheet: the given rows (already filtered and sorted by the caller, e.g. the grid's
 * current view) with the given columns (default: all) and then the computed ones, headers in a UI
 * language or as field keys.
 */
export function tableCsv<T extends BaseTableName>(
  table: T,
  rows: Iterable<BaseTables[T]>,
  lookups: ExportLookups,
  language: HeaderLanguage | 'keys',
  columnKeys?: readonly string[],
  computed: readonly ComputedExportColumn<BaseTables[T]>[] = [],
): { csv: string; rows: number } {
  const columns = exportColumns(table, columnKeys);
  const header = [...exportHeader(columns, language), ...computed.map((c) => c.header)];
  const cells: CsvCell[][] = [];
  for (const row of rows)
    cells.push([
      ...exportCells<T>(table, columns, row, lookups, language),
      ...computed.map((c) => c.cell(row)),
    ]);
  return { csv: writeCsv(header, cells), rows: cells.length };
}
