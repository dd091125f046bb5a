/**
 * The one-customer read of Customer 360: the customer, their live deals and contacts (newest first),
 * the product lines those deals name (for the cost ratios of the value explanation) and the customer's
 * change history (newest first), read in one transaction so they agree.
 */
import type { Customer, Deal, HistoryEntry, Interaction, ProductLine } from '../domain/types';
import type { KehuDb } from './db';
import { historyOf } from './history';

export interface Customer360 {
  customer: Customer;
  deals: Deal[];
  interactions: Interaction[];
  history: HistoryEntry[];
  /** The live product lines named by the deals. */
  productLines: ProductLine[];
}

function newestFirst(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

/** Null when there is no such customer or it is in the trash. */
export async function readCustomer360(db: KehuDb, customerId: string): Promise<Customer360 | null> {
  if (!customerId) return null;
  const tables = [db.customers, db.deals, db.interactions, db.history, db.productLines];
  return db.transaction('r', tables, async () => {
    const customer = await db.customers.get(customerId);
    if (!customer || customer.deletedAt !== null) return null;
    const [deals, interactions, history] = await Promise.all([
      db.deals.where('customerId').equals(customerId).toArray(),
      db.interactions.where('customerId').equals(customerId).toArray(),
      historyOf(db, 'customers', customerId),
    ]);
    const live = deals.filter((d) => d.deletedAt === null);
    const lineIds = [...new Set(live.map((d) => d.productLineId).filter((id) => id !== ''))];
    const lines = await db.productLines.bulkGet(lineIds);
    return {
      customer,
      productLines: lines.filter((l): l is ProductLine => l !== undefined && l.deletedAt === null),
      deals: live.sort((a, b) => newestFirst(a.closeDate || a.openDate, b.closeDate || b.openDate)),
      interactions: interactions
        .filter((i) => i.deletedAt === null)
        .sort((a, b) => newestFirst(a.date, b.date)),
      history: history.reverse(),
    };
  });
}
