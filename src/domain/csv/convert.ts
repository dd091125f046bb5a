/**
 * One CSV record → the field values of one row, as they will be stored, plus its problems.
 *
 * - Text is kept exactly as written (no trimming: export → import must be the identity), except that
 *   a formula guard or keep-as-text tab added by our own export is removed (sanitise.ts; a problem
 *   shows its value without that tab) and invisible characters (zero-width, direction marks:
 *   `stripInvisible`) are dropped, as in a typed cell; the app never stores them, so its own exports
 *   still read back identically.
 * - Typed cells (money, dates, choices, booleans, ratings) are read leniently (numbers.ts, dates.ts,
 *   choices.ts); a cell that cannot be read is a problem of that row and column.
 * - The converted values then go through the same `validateFields` as hand edits, so an import can never
 *   store what the sheet would refuse.
 * - Link columns (customer code / name, product line) are returned apart: they are resolved to ids by
 *   the import plan, which knows the stored rows.
 */
import { stripInvisible } from '../cell-values';
import type { BaseTableName } from '../types';
import { validateFields, type ValidationCode } from '../validation';
import { parseBool, parseChoice, parseChoiceList } from './choices';
import { parseDate, type DateOrder } from './dates';
import { targetField, type TargetField } from './fields';
import type { ColumnMapping } from './mapping';
import { decimalToMinorUnits, decimalToNumber, parseDecimal, plainMinorUnits } from './numbers';
import { applyRowKind, type DealRowKind } from './row-kind';
import { dropTextMark, readCsvText } from './sanitise';

export type ProblemReason =
  | ValidationCode
  | 'bad-number'
  | 'too-many-decimals'
  | 'bad-boolean'
  | 'ambiguous-date'
  | 'extra-cells'
  | 'duplicate-key'
  | 'duplicate-code'
  | 'unknown-customer'
  | 'unknown-product-line'
  | 'missing-customer';

export interface RowProblem {
  /** The spreadsheet row number (the header is row 1 when there is one). */
  row: number;
  /** The column header (or `Column 3` style name when the file has no header row). */
  column: string;
  value: string;
  reason: ProblemReason;
  severity: 'error' | 'warning';
  /** For 'duplicate-code': the customer that holds the code ("C0001 · 华成电子"). */
  other?: string;
}

export interface Links {
  customerCode?: string;
  customerName?: string;
  productLine?: string;
}

export interface ConvertedRow {
  row: number;
  fields: Record<string, unknown>;
  links: Links;
  problems: RowProblem[];
  /** True when some problem is an error: the row is rejected. */
  rejected: boolean;
}

export interface ConvertOptions {
  table: BaseTableName;
  /** Column names, for problems. */
  columns: readonly string[];
  mapping: ColumnMapping;
  decimalComma: boolean;
  /** Day/month order per column index (date columns); missing = 'ambiguous'. */
  dateOrders: Readonly<Record<number, DateOrder | 'ambiguous'>>;
  /** What the rows of a deals file are, for the fields it has no column for (row-kind.ts); null = not asked. */
  rowKind?: DealRowKind | null;
}

type CellResult = { ok: true; value: unknown } | { ok: false; reason: ProblemReason };

function cellReader(table: BaseTableName, field: TargetField, options: ConvertOptions, column: number) {
  const numbers = { decimalComma: options.decimalComma };
  const order = options.dateOrders[column] ?? 'ambiguous';
  const key = field.key;
  switch (field.kind) {
    case 'text':
    case 'link':
      return (text: string): CellResult => ({ ok: true, value: readCsvText(stripInvisible(text)) });
    case 'money':
    case 'moneyOrNull':
      return (text: string): CellResult => {
        const plain = options.decimalComma ? undefined : plainMinorUnits(text);
        if (plain !== undefined) return { ok: true, value: plain };
        const d = parseDecimal(text, numbers);
        if (d === null) return { ok: true, value: field.kind === 'money' ? 0 : null };
        if (d === 'invalid') return { ok: false, reason: 'bad-number' };
        const minor = decimalToMinorUnits(d);
        return minor === null ? { ok: false, reason: 'too-many-decimals' } : { ok: true, value: minor };
      };
    case 'rating':
      return (text: string): CellResult => {
        const d = parseDecimal(text, numbers);
        if (d === null) return { ok: true, value: null };
        if (d === 'invalid') return { ok: false, reason: 'bad-number' };
        return { ok: true, value: decimalToNumber(d) };
      };
    case 'percent':
      return (text: string): CellResult => {
        const d = parseDecimal(text.replace(/[%％]\s*$/, ''), numbers);
        if (d === null) return { ok: true, value: null };
        if (d === 'invalid') return { ok: false, reason: 'bad-number' };
        return { ok: true, value: decimalToNumber(d) };
      };
    case 'date':
      return (text: string): CellResult => {
        const iso = parseDate(text, order);
        if (iso !== null) return { ok: true, value: iso };
        const other = parseDate(text, order === 'ambiguous' ? 'dmy' : order);
        return { ok: false, reason: order === 'ambiguous' && other !== null ? 'ambiguous-date' : 'bad-date' };
      };
    case 'choice':
      return (text: string): CellResult => {
        const value = parseChoice(table, key, text);
        return value === null ? { ok: false, reason: 'bad-choice' } : { ok: true, value };
      };
    case 'list':
      return (text: string): CellResult => {
        const value = parseChoiceList(table, key, text);
        return value === null ? { ok: false, reason: 'bad-choice' } : { ok: true, value };
      };
    case 'bool':
      return (text: string): CellResult => {
        const value = parseBool(text);
        return value === null ? { ok: false, reason: 'bad-boolean' } : { ok: true, value };
      };
  }
}

/**
 * Builds the converter of one import: call it on each record with its spreadsheet row number.
 *
 * Example (deals, mapping `['code', 'customerName', 'amount']`): `['D1', '华强', '¥1,234.50']` →
 * `{ fields: { code: 'D1', amount: 123450 }, links: { customerName: '华强' }, problems: [] }`.
 */
export function createRowConverter(
  options: ConvertOptions,
): (record: readonly string[], row: number) => ConvertedRow {
  const { table, mapping, columns } = options;
  const rowKind = table === 'deals' ? (options.rowKind ?? null) : null;
  const readers = mapping.map((key, column) => {
    const field = key === '' ? undefined : targetField(table, key);
    return field
      ? {
          key,
          link: field.kind === 'link',
          text: field.kind === 'text' || field.kind === 'link',
          read: cellReader(table, field, options, column),
        }
      : null;
  });
  const columnOfField = new Map<string, number>();
  mapping.forEach((key, column) => {
    if (key !== '') columnOfField.set(key, column);
  });
  const columnName = (column: number): string => columns[column] ?? `#${column + 1}`;

  return (record, row) => {
    const fields: Record<string, unknown> = {};
    const links: Record<string, string> = {};
    const problems: RowProblem[] = [];
    for (let column = 0; column < readers.length; column++) {
      const reader = readers[column];
      if (!reader) continue;
      const text = record[column] ?? '';
      const result = reader.read(reader.text ? text : dropTextMark(text));
      if (!result.ok) {
        problems.push({
          row,
          column: columnName(column),
          value: dropTextMark(text),
          reason: result.reason,
          severity: 'error',
        });
      } else if (reader.link) {
        if (typeof result.value === 'string' && result.value.trim() !== '') links[reader.key] = result.value;
      } else {
        fields[reader.key] = result.value;
      }
    }
    for (let column = readers.length; column < record.length; column++) {
      const text = record[column] ?? '';
      if (text.trim() !== '') {
        problems.push({
          row,
          column: columnName(column),
          value: text,
          reason: 'extra-cells',
          severity: 'error',
        });
        break;
      }
    }
    if (rowKind) applyRowKind(fields, rowKind, mapping);
    for (const issue of validateFields(table, fields, 'update')) {
      const column = columnOfField.get(issue.field.split('.')[0] ?? '');
      problems.push({
        row,
        column: column === undefined ? issue.field : columnName(column),
        value: column === undefined ? '' : dropTextMark(record[column] ?? ''),
        reason: issue.code,
        severity: issue.severity,
      });
    }
    return { row, fields, links, problems, rejected: problems.some((p) => p.severity === 'error') };
  };
}
