/** The Customer 360 reads of the UI: the customer list for the picker, and one customer in full. */
import type { Customer } from '../domain/types';
import { getDb } from '../storage/db';
import { readCustomer360, type Customer360 } from '../storage/customer-360';
import { createRepo } from '../storage/repo';

class CustomersState {
  listActive(): Promise<Customer[]> {
    return createRepo(getDb(), 'customers').listActive();
  }

  /** One customer with their deals, contacts and change history; null if absent or in the trash. */
  view360(id: string): Promise<Customer360 | null> {
    return readCustomer360(getDb(), id);
  }
}

export const customersState = new CustomersState();
