/** The Customer 360 reads of the UI: the picker's matches, and one customer in full. */
import type { Customer } from '../domain/types';
import { getDb } from '../storage/db';
import { readCustomer360, type Customer360 } from '../storage/customer-360';
import { searchCustomers } from '../storage/customer-search';

/** Options the picker offers at once (100 000 options would stall the page). */
export const PICKER_OPTIONS = 50;

class CustomersState {
  /** The first customers whose code or name contains `text` (codes starting with it first). */
  search(text: string): Promise<Customer[]> {
    return searchCustomers(getDb(), text, PICKER_OPTIONS);
  }

  /** One customer with their deals, contacts and change history; null if absent or in the trash. */
  view360(id: string): Promise<Customer360 | null> {
    return readCustomer360(getDb(), id);
  }
}

export const customersState = new CustomersState();
