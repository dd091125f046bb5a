/**
 * What the rows of a deals file are, when the file does not say (DESIGN.md §2, issue 21): a shop's or an
 * ERP's order export has an order date and an amount but no stage, no paid amount and no due date. The
 * import wizard then asks the owner, and the answer fills in what the columns leave out:
 *
 * | kind        | stage (no column) | paid amount (no column)       | due date (no column) |
 * |-------------|-------------------|-------------------------------|----------------------|
 * | completed   | won               | the amount (0 for a return)   | the order date       |
 * | won-unpaid  | won               | 0                             | —                    |
 * | open        | need              | —                             | —                    |
 *
 * A mapped column always wins: the kind only fills fields the file has no column for. A completed
 * order is paid in full on its order date, so it carries no receivable, no interest and no bad-debt
 * reserve (contemporary-value.ts).
 */
import type { BaseTableName } from '../types';

export const DEAL_ROW_KINDS = ['completed', 'open', 'won-unpaid'] as const;
export type DealRowKind = (typeof DEAL_ROW_KINDS)[number];

export function isDealRowKind(value: unknown): value is DealRowKind {
  return typeof value === 'string' && (DEAL_ROW_KINDS as readonly string[]).includes(value);
}

/** Whether the wizard must ask what the rows are: a deals file without a stage or paid-amount column. */
export function rowKindAsked(table: BaseTableName, mapping: readonly string[]): boolean {
  return table === 'deals' && (!mapping.includes('stage') || !mapping.includes('paidAmount'));
}

/**
 * The answer that fits the file: rows with an order date and an amount but no stage are completed
 * orders; a file without dates or amounts lists open opportunities; a file with stages but no paid
 * amount keeps its stages and counts its won deals as unpaid.
 *
 * @example defaultRowKind(['code', 'customerCode', 'closeDate', 'amount']) // 'completed'
 * @example defaultRowKind(['code', 'customerCode', 'title'])               // 'open'
 * @example defaultRowKind(['code', 'stage', 'closeDate', 'amount'])        // 'won-unpaid'
 */
export function defaultRowKind(mapping: readonly string[]): DealRowKind {
  if (mapping.includes('stage')) return 'won-unpaid';
  return mapping.includes('closeDate') && mapping.includes('amount') ? 'completed' : 'open';
}

/** The fields the kind fills in for this mapping (shown in the preview as columns of their own). */
export function impliedFields(kind: DealRowKind, mapping: readonly string[]): string[] {
  const missing = (key: string) => !mapping.includes(key);
  const keys: string[] = [];
  if (missing('stage')) keys.push('stage');
  if (kind === 'completed' && missing('paidAmount')) keys.push('paidAmount');
  if (kind === 'completed' && missing('dueDate') && !missing('closeDate')) keys.push('dueDate');
  return keys;
}

/**
 * Fills in one converted row's fields the file has no column for (the table above), in place.
 *
 * @example
 * const fields = { closeDate: '2011-03-01', amount: 123450 };
 * applyRowKind(fields, 'completed', ['closeDate', 'amount']);
 * // fields → { closeDate: '2011-03-01', amount: 123450, stage: 'won', paidAmount: 123450, dueDate: '2011-03-01' }
 */
export function applyRowKind(
  fields: Record<string, unknown>,
  kind: DealRowKind,
  mapping: readonly string[],
): void {
  for (const key of impliedFields(kind, mapping)) {
    if (key === 'stage') fields.stage = kind === 'open' ? 'need' : 'won';
    else if (key === 'paidAmount') {
      const amount = typeof fields.amount === 'number' ? fields.amount : 0;
      fields.paidAmount = amount > 0 ? amount : 0;
    } else if (key === 'dueDate' && typeof fields.closeDate === 'string') fields.dueDate = fields.closeDate;
  }
}
