/**
 * Column definitions of a sheet, made from its field columns (src/state/sheet-columns.ts).
 *
 * Values: money is shown and filtered in currency units (cents ÷ 100, so a filter "> 1000" means ¥1 000)
 * but edited and copied as exact decimals; dates are stored ISO and shown in the UI language; choices
 * are stored as keys and shown, filtered and searched by their translated labels; a link column shows
 * the linked row's name. Computed columns read the `customerMetrics` row of the customer and are
 * read-only and styled apart. Marked cells (a refused entry, a warning) get a class and a tooltip.
 * The Deals sheet has one computed column of its own, the kind of the row: a negative amount is a
 * return / credit note (its amount cell is marked too).
 */
import type {
  CellClassParams,
  ColDef,
  ICellEditorParams,
  ValueFormatterParams,
  ValueGetterParams,
} from 'ag-grid-community';
import { cellText } from '../../domain/cell-values';
import type { ComputedExportColumn } from '../../domain/csv/export-rows';
import { numberCell, type CsvCell } from '../../domain/csv/write';
import { dealKind } from '../../domain/deal-kind';
import { formatMinorUnits } from '../../domain/money';
import type { Currency } from '../../domain/settings';
import type { BaseTableName, CustomerMetrics } from '../../domain/types';
import { validateFields } from '../../domain/validation';
import type { MessageKey } from '../../i18n/dictionaries';
import { i18n } from '../../i18n/i18n.svelte';
import type { LinkIndex } from '../../state/link-index';
import {
  CUSTOMER_METRIC_COLUMNS,
  SHEET_COLUMNS,
  cellKindOf,
  choiceOptions,
  type ComputedColumn,
  type FieldColumn,
} from '../../state/sheet-columns';
import type { SheetModel } from '../../state/sheets.svelte';
import { DateCellEditor, SelectCellEditor, TextCellEditor } from './editors';
import { LinkCellEditor } from './link-editor';
import { LinkCellRenderer } from './link-renderer';
import { ValueFilter, type ValueFilterParams } from './value-filter';

export type SheetRow = Record<string, unknown> & { id: string };

/** What column callbacks read at run time (handed to the grid as its `context`). */
export interface SheetContext {
  table: BaseTableName;
  model: SheetModel<BaseTableName>;
  customers: () => LinkIndex;
  productLines: () => LinkIndex;
  metrics: Map<string, CustomerMetrics>;
  currency: () => Currency;
  drafts: Set<string>;
}

type Ctx = { context: SheetContext };

function linkIndex(spec: FieldColumn, ctx: SheetContext): LinkIndex | null {
  if (spec.type === 'customer') return ctx.customers();
  if (spec.type === 'productLine') return ctx.productLines();
  return null;
}

/** A field's value as editable, copyable text. */
export function editText(spec: FieldColumn, row: SheetRow | undefined, ctx: SheetContext): string {
  if (!row) return '';
  const kind = cellKindOf(spec, i18n.language, {
    customer: ctx.customers().resolve,
    productLine: ctx.productLines().resolve,
  });
  const index = linkIndex(spec, ctx);
  return cellText(kind, row[spec.field], (id) => index?.nameOf(id) ?? id);
}

function label(spec: FieldColumn, key: unknown): string {
  if (typeof key !== 'string' || key === '') return '';
  return i18n.t(`${spec.choices?.prefix ?? ''}${key}` as MessageKey);
}

/** The display text of a field value (the grid's formatted value, also what quick search sees). */
function displayText(spec: FieldColumn, value: unknown, ctx: SheetContext): string {
  if (value === null || value === undefined) return '';
  switch (spec.type) {
    case 'money':
    case 'moneyOrNull':
      return typeof value === 'number' ? i18n.money(Math.round(value * 100), ctx.currency()) : '';
    case 'date':
      return i18n.date(String(value));
    case 'choice':
      return label(spec, value);
    case 'choiceList':
      return Array.isArray(value) ? value.map((k) => label(spec, k)).join(', ') : '';
    case 'boolean':
      return value === true ? i18n.t('common.yes') : i18n.t('common.no');
    case 'percent':
      return typeof value === 'number' ? `${i18n.number(value)}%` : '';
    default:
      return String(value);
  }
}

function valueOf(spec: FieldColumn, row: SheetRow | undefined, ctx: SheetContext): unknown {
  if (!row) return null;
  const raw = row[spec.field];
  if (spec.type === 'money' || spec.type === 'moneyOrNull') return typeof raw === 'number' ? raw / 100 : null;
  if (spec.type === 'customer' || spec.type === 'productLine') {
    return linkIndex(spec, ctx)?.nameOf(typeof raw === 'string' ? raw : '') ?? '';
  }
  return raw;
}

function isoComparator(filterDate: Date, cellValue: unknown): number {
  if (typeof cellValue !== 'string' || cellValue === '') return -1;
  const y = filterDate.getFullYear();
  const filterIso = `${y}-${String(filterDate.getMonth() + 1).padStart(2, '0')}-${String(filterDate.getDate()).padStart(2, '0')}`;
  return cellValue < filterIso ? -1 : cellValue > filterIso ? 1 : 0;
}

/**
 * Text fields whose values repeat over many rows (a handful of regions, industries, salespeople): they
 * are filtered by value, like choices. Other text (names, phones, notes) keeps the text filter.
 */
const REPEATING_TEXT_FIELDS: ReadonlySet<string> = new Set(['region', 'industry', 'owner']);

/** The stored values of a field's cell for the filter by value ('' and null: none). */
function storedValues(spec: FieldColumn, row: SheetRow): string[] {
  const raw = row[spec.field];
  if (Array.isArray(raw)) return raw.filter((v): v is string => typeof v === 'string' && v !== '');
  if (raw === null || raw === undefined || raw === '') return [];
  return [String(raw as string | number | boolean)];
}

function valueLabel(spec: FieldColumn, value: string): string {
  if (spec.type === 'boolean') return value === 'true' ? i18n.t('common.yes') : i18n.t('common.no');
  if (spec.type === 'choice' || spec.type === 'choiceList') return label(spec, value);
  return value;
}

function filterOf(spec: FieldColumn): Partial<ColDef> {
  if (
    spec.type === 'choice' ||
    spec.type === 'choiceList' ||
    spec.type === 'boolean' ||
    (spec.type === 'text' && REPEATING_TEXT_FIELDS.has(spec.field))
  ) {
    return {
      filter: ValueFilter,
      filterParams: {
        valuesOf: (row) => storedValues(spec, row),
        label: (value) => valueLabel(spec, value),
      } satisfies ValueFilterParams,
    };
  }
  if (
    spec.type === 'money' ||
    spec.type === 'moneyOrNull' ||
    spec.type === 'rating' ||
    spec.type === 'percent'
  ) {
    return { filter: 'agNumberColumnFilter' };
  }
  if (spec.type === 'date') {
    return { filter: 'agDateColumnFilter', filterParams: { comparator: isoComparator } };
  }
  return { filter: 'agTextColumnFilter' };
}

function editorOf(spec: FieldColumn): Partial<ColDef> {
  const startText = (data: unknown, ctx: SheetContext) => editText(spec, data as SheetRow, ctx);
  const params = (p: ICellEditorParams<SheetRow, unknown, SheetContext>) => ({
    startText: (data: unknown) => startText(data, p.context),
  });
  switch (spec.type) {
    case 'date':
      return { cellEditor: DateCellEditor, cellEditorParams: params };
    case 'choice':
    case 'boolean': {
      const options = () =>
        spec.type === 'boolean'
          ? [
              { key: 'true', label: i18n.t('common.yes') },
              { key: 'false', label: i18n.t('common.no') },
            ]
          : [
              ...(spec.field === 'relationshipType' ? [{ key: '', label: '' }] : []),
              ...choiceOptions(spec, i18n.language).map((o) => ({ key: o.key, label: o.labels[0] ?? o.key })),
            ];
      return {
        cellEditor: SelectCellEditor,
        cellEditorParams: (p: ICellEditorParams<SheetRow, unknown, SheetContext>) => ({
          ...params(p),
          options,
        }),
      };
    }
    case 'customer':
    case 'productLine':
      return {
        cellEditor: LinkCellEditor,
        cellEditorParams: (p: ICellEditorParams<SheetRow, unknown, SheetContext>) => ({
          ...params(p),
          index: () => linkIndex(spec, p.context) as LinkIndex,
        }),
        cellRenderer: spec.type === 'customer' ? LinkCellRenderer : undefined,
        // The list takes the arrow keys while the editor is open.
        suppressKeyboardEvent: (p) => p.editing && (p.event.key === 'ArrowUp' || p.event.key === 'ArrowDown'),
      };
    default:
      return { cellEditor: TextCellEditor, cellEditorParams: params };
  }
}

/** Tax-id check per row object (a changed row is a new object): each drawn cell asks twice. */
const taxIdWarnings = new WeakMap<SheetRow, boolean>();

function taxIdWarning(row: SheetRow | undefined): boolean {
  const taxId = row?.taxId;
  if (!row || typeof taxId !== 'string' || taxId === '') return false;
  let warning = taxIdWarnings.get(row);
  if (warning === undefined) {
    warning = validateFields('customers', { taxId }, 'update').some((issue) => issue.severity === 'warning');
    taxIdWarnings.set(row, warning);
  }
  return warning;
}

/** The message marked on a cell (a refused entry, a warning), if any. */
function markOf(spec: FieldColumn, row: SheetRow | undefined, ctx: SheetContext) {
  const marks = ctx.model.marks;
  return row && marks.size > 0 ? marks.get(`${row.id}|${spec.field}`) : undefined;
}

/**
 * The classes of a field cell: `kehu-invalid` for a refused entry, `kehu-warning` for a warning (or a
 * customer's unified social credit code with a wrong check character), `kehu-required` for a required
 * field of a new (draft) row. Usually none.
 *
 * One `cellClass` function rather than `cellClassRules`: the grid turns every rule's class on or off on
 * each new cell (three `classList` changes and two parameter objects per cell, as rows scroll into
 * view), while an empty list costs nothing. The grid puts the list on again when it refreshes a cell
 * with new data or `force` (an edit, a paste, the stored row coming back), which is when a mark
 * changes.
 */
export function fieldCellClasses(
  spec: FieldColumn,
  table: BaseTableName,
  row: SheetRow | undefined,
  ctx: SheetContext,
): string[] {
  const classes: string[] = [];
  const severity = markOf(spec, row, ctx)?.severity;
  if (severity === 'error') classes.push('kehu-invalid');
  if (severity === 'warning' || (spec.field === 'taxId' && table === 'customers' && taxIdWarning(row)))
    classes.push('kehu-warning');
  if (spec.required === true && row !== undefined && ctx.drafts.has(row.id)) classes.push('kehu-required');
  if (table === 'deals' && spec.field === 'amount' && returnRow(row)) classes.push('kehu-return');
  return classes;
}

/** True for a deal row that is a return / credit note (negative amount). */
function returnRow(row: SheetRow | undefined): boolean {
  return typeof row?.amount === 'number' && dealKind({ amount: row.amount }) === 'return';
}

/** The Deals sheet's read-only kind column: "Return / credit" on a negative amount, empty otherwise. */
function dealKindColDef(): ColDef<SheetRow> {
  return {
    colId: 'kind',
    headerName: i18n.t('deal.kind'),
    headerTooltip: i18n.t('deal.kind.help'),
    headerClass: 'kehu-computed-header',
    cellClass: 'kehu-computed',
    editable: false,
    width: 130,
    valueGetter: (p: ValueGetterParams<SheetRow>) => (returnRow(p.data) ? i18n.t('deal.kind.return') : ''),
    filter: 'agTextColumnFilter',
  };
}

function fieldColDef(spec: FieldColumn, table: BaseTableName): ColDef<SheetRow> {
  return {
    colId: spec.field,
    headerName: i18n.t(spec.header),
    context: { spec },
    width: spec.width ?? (spec.type === 'date' ? 150 : 130),
    editable: true,
    sort: spec.sort,
    valueGetter: (p: ValueGetterParams<SheetRow> & Ctx) => valueOf(spec, p.data, p.context),
    valueFormatter: (p: ValueFormatterParams<SheetRow> & Ctx) => {
      if (spec.type === 'customer' || spec.type === 'productLine') return String(p.value ?? '');
      return displayText(spec, p.value, p.context);
    },
    filterValueGetter: ['choice', 'choiceList', 'boolean'].includes(spec.type)
      ? (p: ValueGetterParams<SheetRow> & Ctx) => displayText(spec, p.data?.[spec.field], p.context)
      : undefined,
    ...filterOf(spec),
    ...editorOf(spec),
    ...(spec.field === 'name' && table === 'customers'
      ? { cellRenderer: LinkCellRenderer, pinned: 'left' as const }
      : {}),
    type:
      spec.type === 'money' ||
      spec.type === 'moneyOrNull' ||
      spec.type === 'rating' ||
      spec.type === 'percent'
        ? 'rightAligned'
        : undefined,
    cellClass: (p: CellClassParams<SheetRow> & Ctx) => fieldCellClasses(spec, table, p.data, p.context),
    tooltip: (p) => {
      if (p.location !== 'cell') return undefined;
      const issue = markOf(spec, p.data, p.context as SheetContext);
      if (issue) return issue.message;
      if (spec.field === 'taxId' && taxIdWarning(p.data)) return i18n.t('validation.uscc-check');
      return undefined;
    },
  };
}

function metricText(column: ComputedColumn, value: string | number | null, ctx: SheetContext): string {
  if (value === null || value === '') return '';
  switch (column.format) {
    case 'money':
      return typeof value === 'number' ? i18n.money(value, ctx.currency()) : '';
    case 'percent':
      return typeof value === 'number' ? `${i18n.number(Math.round(value * 1000) / 10)} %` : '';
    case 'label':
      return i18n.t(`${column.prefix ?? ''}${String(value)}` as MessageKey);
    default:
      return typeof value === 'number' ? i18n.number(value) : value;
  }
}

/**
 * A computed value as a CSV cell for "Export this view": money as a number with two decimals, a share
 * as a number of percent (two decimals; the header says %), a count or index as a number, a label in
 * the UI language, an empty cell where the value is missing.
 */
export function metricCell(column: ComputedColumn, value: string | number | null): CsvCell {
  if (value === null || value === '') return '';
  if (typeof value === 'string')
    return column.format === 'label' ? i18n.t(`${column.prefix ?? ''}${value}` as MessageKey) : value;
  switch (column.format) {
    case 'money':
      return numberCell(formatMinorUnits(value));
    case 'percent':
      return numberCell(String(Math.round(value * 10_000) / 100));
    default:
      return numberCell(String(Math.round(value * 10_000) / 10_000));
  }
}

/** The computed columns among the given grid column ids, in that order, as export columns. */
export function computedExportColumns(
  colIds: readonly string[],
  metrics: ReadonlyMap<string, CustomerMetrics>,
): ComputedExportColumn<SheetRow>[] {
  const columns: ComputedExportColumn<SheetRow>[] = [];
  for (const id of colIds) {
    const column = CUSTOMER_METRIC_COLUMNS.find((c) => c.id === id);
    if (!column) continue;
    const header = i18n.t(column.header);
    columns.push({
      header: column.format === 'percent' ? `${header} (%)` : header,
      cell: (row) => {
        const m = metrics.get(row.id);
        return m ? metricCell(column, column.get(m)) : '';
      },
    });
  }
  return columns;
}

function computedColDef(column: ComputedColumn): ColDef<SheetRow> {
  return {
    colId: column.id,
    headerName: i18n.t(column.header),
    headerTooltip: i18n.t('grid.computed'),
    headerClass: 'kehu-computed-header',
    cellClass: 'kehu-computed',
    editable: false,
    width: 120,
    hide: column.hidden === true,
    valueGetter: (p: ValueGetterParams<SheetRow> & Ctx) => {
      const metrics = p.data ? p.context.metrics.get(p.data.id) : undefined;
      return metrics ? column.get(metrics) : null;
    },
    valueFormatter: (p: ValueFormatterParams<SheetRow> & Ctx) =>
      metricText(column, p.value as never, p.context),
    filter:
      column.format === 'money' || column.format === 'percent' || column.format === 'number'
        ? 'agNumberColumnFilter'
        : 'agTextColumnFilter',
    type: column.format === 'text' || column.format === 'label' ? undefined : 'rightAligned',
  };
}

/**
 * What the search box looks through in a row: each field as shown (money as its plain number, a link
 * as the linked row's name, a choice as its label), one line per field. Computed columns are not
 * searched.
 */
export function searchText(table: BaseTableName, row: SheetRow, ctx: SheetContext): string {
  const parts: string[] = [];
  for (const spec of SHEET_COLUMNS[table]) {
    const value = valueOf(spec, row, ctx);
    parts.push(
      spec.type === 'money' || spec.type === 'moneyOrNull'
        ? String(value ?? '')
        : displayText(spec, value, ctx),
    );
  }
  return parts.join('\n');
}

export function columnDefsOf(table: BaseTableName): ColDef<SheetRow>[] {
  const fields = SHEET_COLUMNS[table].map((spec) => fieldColDef(spec, table));
  if (table === 'deals') return [...fields, dealKindColDef()];
  if (table !== 'customers') return fields;
  // Computed columns come after the typed ones, so typing and pasting across a row never runs into them.
  return [...fields, ...CUSTOMER_METRIC_COLUMNS.map(computedColDef)];
}

/** The field column behind a grid column, or null for a computed (read-only) one. */
export function specOf(colDef: ColDef | null | undefined): FieldColumn | null {
  const context: unknown = colDef?.context;
  if (typeof context === 'object' && context !== null && 'spec' in context)
    return context.spec as FieldColumn;
  return null;
}
