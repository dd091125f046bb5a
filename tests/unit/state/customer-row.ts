import { emptyFields } from '../../../src/domain/defaults';
import type { Customer } from '../../../src/domain/types';

/** A stored customer row for the state tests: id `id-00042`, code `C42`, name `Customer 42`. */
export function customerRow(i: number, extra: Partial<Customer> = {}): Customer {
  return {
    ...emptyFields('customers'),
    id: `id-${String(i).padStart(5, '0')}`,
    code: `C${i}`,
    name: `Customer ${i}`,
    createdAt: 1,
    updatedAt: 1,
    deletedAt: null,
    ...extra,
  } as Customer;
}
