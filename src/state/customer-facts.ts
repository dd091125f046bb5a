/**
 * Saving a customer's facts from the Customer 360 form: each field is parsed and validated exactly as a
 * typed cell of the customers sheet is (same parser, same rules); one error anywhere and nothing is
 * written. The change is one undo step of the customers sheet and lands in the history like any edit.
 */
import type { Customer, Fields } from '../domain/types';
import { validateFields, type ValidationIssue } from '../domain/validation';
import { i18n } from '../i18n/i18n.svelte';
import { AppStorageError } from '../storage/errors';
import { notices } from './notices.svelte';
import { SHEET_COLUMNS } from './sheet-columns';
import { sheetModel } from './sheets.svelte';
import { writeChanges } from './sheet-writes';
import { codeHolder } from './unique-codes';
import { reportStorageError } from './storage-errors.svelte';

export interface FactIssue {
  field: string;
  code: string;
  severity: 'error' | 'warning';
  /** For 'duplicate-code': the customer holding the code ("C0001 · 华成电子"). */
  other?: string;
}

/** The editable fact fields, in sheet order, with the text each shows in the form. */
export const FACT_FIELDS = SHEET_COLUMNS.customers.filter((c) => c.type !== 'choiceList');

export async function saveCustomerFacts(
  customer: Customer,
  texts: Record<string, string>,
): Promise<{ ok: boolean; issues: FactIssue[] }> {
  const model = sheetModel('customers');
  const issues: FactIssue[] = [];
  const patch: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  const record = customer as unknown as Record<string, unknown>;
  for (const spec of FACT_FIELDS) {
    const text = texts[spec.field];
    if (text === undefined) continue;
    const parsed = model.parse(spec, text);
    if (!parsed.ok) {
      issues.push({ field: spec.field, code: parsed.code, severity: 'error' });
      continue;
    }
    patch[spec.field] = parsed.value;
    before[spec.field] = record[spec.field];
  }
  const checked: ValidationIssue[] = validateFields(
    'customers',
    patch as Partial<Fields<'customers'>>,
    'update',
  );
  issues.push(...checked.map(({ field, code, severity }) => ({ field, code, severity })));
  if (issues.some((issue) => issue.severity === 'error')) return { ok: false, issues };
  try {
    if (typeof patch.code === 'string' && patch.code !== customer.code) {
      const other = await codeHolder(patch.code, [customer.id]);
      if (other !== null)
        return { ok: false, issues: [{ field: 'code', code: 'duplicate-code', severity: 'error', other }] };
    }
    const { step } = await writeChanges(
      'customers',
      [
        {
          id: customer.id,
          patch: patch as Partial<Fields<'customers'>>,
          before: before as Partial<Fields<'customers'>>,
        },
      ],
      [],
      i18n.t('c360.editFacts'),
    );
    model.undoStack.push(step);
    notices.show(i18n.t('c360.factsSaved'));
    return { ok: true, issues };
  } catch (error) {
    if (!(error instanceof AppStorageError && error.kind === 'validation')) reportStorageError(error);
    return { ok: false, issues };
  }
}
