/** Small builders for the dashboards' unit tests. */
import {
  indexCustomers,
  packDeals,
  type DashCustomer,
  type DashDealRow,
  type DealColumns,
} from '../../../../src/domain/dashboards/inputs';

export function customer(id: string, fields: Partial<DashCustomer> = {}): DashCustomer {
  return {
    id,
    code: id.toUpperCase(),
    name: `Customer ${id}`,
    owner: '',
    region: '',
    industry: '',
    tier: 'C',
    valueClass: '',
    contemporaryValue: 0,
    rfmR: null,
    rfmF: null,
    lifecycle: 'mature',
    pAlive: null,
    potentialValue: null,
    headroom: null,
    ...fields,
  };
}

export function deal(customerId: string, fields: Partial<DashDealRow> = {}): DashDealRow {
  return {
    customerId,
    stage: 'won',
    openDate: '',
    closeDate: '',
    dueDate: '',
    amount: 0,
    paidAmount: 0,
    ...fields,
  };
}

export function pack(customers: DashCustomer[], deals: DashDealRow[]): DealColumns {
  return packDeals(deals, indexCustomers(customers));
}

export const all = (n: number) => new Uint8Array(n).fill(1);

/** Member indices → customer ids, for readable expectations. */
export const ids = (customers: DashCustomer[], members: number[]) => members.map((i) => customers[i]!.id);
