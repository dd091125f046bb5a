/**
 * Customer actions of the UI: add with validation, move to the trash with undo, restore, and the
 * Customer 360 read. Validation problems come back as data for the form; storage failures go to
 * the banner.
 */
import { validateFields, type ValidationIssue } from '../domain/validation';
import type { Customer, Fields } from '../domain/types';
import { i18n } from '../i18n/i18n.svelte';
import { getDb } from '../storage/db';
import { AppStorageError } from '../storage/errors';
import { createRepo } from '../storage/repo';
import { readCustomer360, type Customer360 } from '../storage/customer-360';
import { notices } from './notices.svelte';
import { reportStorageError } from './storage-errors.svelte';

export type FieldIssue = ValidationIssue;

const customers = () => createRepo(getDb(), 'customers');

class CustomersState {
  listActive(): Promise<Customer[]> {
    return customers().listActive();
  }

  listTrash(): Promise<Customer[]> {
    return customers().listTrash();
  }

  /** Adds a customer; on invalid fields nothing is written and the issues are returned. */
  async add(fields: Partial<Fields<'customers'>>): Promise<{ ok: boolean; issues: FieldIssue[] }> {
    try {
      await customers().create(fields);
      // Warnings (a wrong check character in a tax ID) do not block the save, but the form shows them.
      const warnings = validateFields('customers', fields, 'create').filter((i) => i.severity === 'warning');
      return { ok: true, issues: warnings };
    } catch (error) {
      if (error instanceof AppStorageError && error.kind === 'validation') {
        return { ok: false, issues: error.issues ?? [] };
      }
      reportStorageError(error);
      return { ok: false, issues: [] };
    }
  }

  async moveToTrash(customer: Customer): Promise<void> {
    try {
      await customers().softDelete([customer.id]);
      notices.show(i18n.t('sheets.deleted', { name: customer.name }), {
        action: { label: i18n.t('sheets.undo'), run: () => this.restore(customer, false) },
      });
    } catch (error) {
      reportStorageError(error);
    }
  }

  async restore(customer: Customer, announce = true): Promise<void> {
    try {
      await customers().restore([customer.id]);
      if (announce) notices.show(i18n.t('trash.restored', { name: customer.name }));
    } catch (error) {
      reportStorageError(error);
    }
  }

  /** One customer with their deals, contacts and change history; null if absent or in the trash. */
  view360(id: string): Promise<Customer360 | null> {
    return readCustomer360(getDb(), id);
  }
}

export const customersState = new CustomersState();
