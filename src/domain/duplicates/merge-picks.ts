/**
 * Which value a merge keeps for each field of the customer, before the owner changes any choice.
 *
 * Rule (per field): a value that is filled in beats an empty one ('' / null / [] / false: a
 * do-not-contact flag set on either side is kept); two different filled-in values → the one changed
 * most recently (the history's last change of that field, else the row's creation); a tie → the kept
 * customer's. Example: kept {phone: '', email: 'a@x.cn' (2026-01)}, other {phone: '138…', email:
 * 'b@x.cn' (2026-03)} → phone from the other (only one filled in), email from the other (newer).
 */
import { emptyFields } from '../defaults';
import type { Customer, Fields } from '../types';

export type MergeField = keyof Fields<'customers'>;
export type MergeSideName = 'kept' | 'other';

/** Every field the merge screen lists, in the order of a customer's facts. */
export const MERGE_FIELDS = Object.keys(emptyFields('customers')) as MergeField[];

export function isEmptyValue(value: unknown): boolean {
  return (
    value === '' ||
    value === null ||
    value === undefined ||
    value === false ||
    (Array.isArray(value) && value.length === 0)
  );
}

export interface PickSide {
  customer: Customer;
  /** When each field last changed; a field missing here dates from `customer.createdAt`. */
  changedAt: Readonly<Record<string, number>>;
}

/** The default choice per field (see the module comment). */
export function defaultPicks(kept: PickSide, other: PickSide): Record<MergeField, MergeSideName> {
  const picks = {} as Record<MergeField, MergeSideName>;
  for (const field of MERGE_FIELDS) {
    const a = kept.customer[field];
    const b = other.customer[field];
    if (isEmptyValue(b)) picks[field] = 'kept';
    else if (isEmptyValue(a)) picks[field] = 'other';
    else {
      const at = (side: PickSide) => side.changedAt[field] ?? side.customer.createdAt;
      picks[field] = at(other) > at(kept) ? 'other' : 'kept';
    }
  }
  return picks;
}

/** The field values the kept customer takes under `picks` (only those coming from the other one). */
export function pickedFields(
  other: Customer,
  picks: Readonly<Record<MergeField, MergeSideName>>,
): Partial<Fields<'customers'>> {
  const fields: Record<string, unknown> = {};
  for (const field of MERGE_FIELDS) if (picks[field] === 'other') fields[field] = other[field];
  return fields as Partial<Fields<'customers'>>;
}

/** A customer as a merge leaves the other one: in the trash, naming the customer it went into. */
export type MergedCustomer = Customer & { mergedInto?: { id: string; label: string } };

/**
 * The customer a trashed row was merged into ("C0001 · 华成电子"), or null. Read from any stored row
 * (a restored backup may hold anything), so the shape is checked.
 */
export function mergedIntoOf(row: { deletedAt: number | null }): { id: string; label: string } | null {
  const into: unknown = (row as Partial<MergedCustomer>).mergedInto;
  if (row.deletedAt === null || typeof into !== 'object' || into === null) return null;
  const { id, label } = into as Record<string, unknown>;
  return typeof id === 'string' && typeof label === 'string' ? { id, label } : null;
}
