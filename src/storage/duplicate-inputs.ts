/**
 * What the duplicate finder and the merge screen read. The finder reads the live customers page by
 * page (in its worker), keeping only the facts it compares; the merge screen reads two customers,
 * when each of their fields last changed (from the history) and how many rows each one carries.
 */
import type { DuplicateInput } from '../domain/duplicates/match';
import type { Customer } from '../domain/types';
import type { KehuDb } from './db';
import { guarded } from './errors';
import { readPaged, READ_PAGE_SIZE } from './metrics-store';

/** Live customers, only the facts the matcher compares. */
export function readDuplicateInputs(db: KehuDb): Promise<DuplicateInput[]> {
  return guarded(() =>
    readPaged(
      db,
      'customers',
      (c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        taxId: c.taxId,
        phone: c.phone,
        email: c.email,
        updatedAt: c.updatedAt,
      }),
      () => undefined,
      READ_PAGE_SIZE,
    ),
  );
}

export interface MergeSide {
  customer: Customer;
  /** When each field last changed (history), else when the row was created. */
  changedAt: Record<string, number>;
  deals: number;
  interactions: number;
}

/** One customer for the merge screen; null when it does not exist or is in the trash. */
export function readMergeSide(db: KehuDb, id: string): Promise<MergeSide | null> {
  return guarded(() =>
    db.transaction('r', [db.customers, db.deals, db.interactions, db.history], async () => {
      const customer = await db.customers.get(id);
      if (!customer || customer.deletedAt !== null) return null;
      const changedAt: Record<string, number> = {};
      const history = await db.history.where('[table+rowId]').equals(['customers', id]).toArray();
      for (const h of history)
        if (h.op === 'update' && h.field !== '') changedAt[h.field] = Math.max(changedAt[h.field] ?? 0, h.at);
      const [deals, interactions] = await Promise.all([
        db.deals.where('customerId').equals(id).count(),
        db.interactions.where('customerId').equals(id).count(),
      ]);
      return { customer, changedAt, deals, interactions };
    }),
  );
}
