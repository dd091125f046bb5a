/**
 * Merge of two customer rows that are one firm, and its undo.
 *
 * Policy:
 * - One transaction: the kept customer takes the chosen field values; every deal and interaction of
 *   the other customer (trashed ones too) points to the kept one; the other's history entries move to
 *   the kept one's history; the other goes to the trash with `mergedInto` set. Either all of it is
 *   written or none.
 * - The merge writes history like any change (actor 'merge'): the kept customer's changed fields, the
 *   other's move to the trash, each moved row's `customerId`.
 * - The merge returns a record with the before-image of every row it wrote and the ids of the history
 *   entries it added. `undoMerge` puts every row back exactly as it was (updatedAt included) and
 *   removes those entries, so after an undo every base table and the history are as before, byte for
 *   byte. It refuses ('not-found') when a row changed after the merge: a later edit is never lost.
 * - Both merge and undo refuse when a customer is not as the caller last saw it (`seen` updatedAt).
 */
import type { MergedCustomer } from '../domain/duplicates/merge-picks';
import type { Customer, Deal, Fields, HistoryEntry, Interaction } from '../domain/types';
import { validateFields, hasErrors } from '../domain/validation';
import { writeTimestamp } from './clock';
import type { KehuDb } from './db';
import { AppStorageError, guarded } from './errors';
import { historyEntry, sameValue } from './history';
import { newId } from './ids';
import { notifyWrite } from './persistence';

export const MERGE_ACTOR = 'merge';

export interface MergeRequest {
  keepId: string;
  otherId: string;
  /** The values chosen for the kept customer (only fields that differ from it need be given). */
  fields: Partial<Fields<'customers'>>;
  /** `updatedAt` of each customer when the owner made the choice. */
  seen: { keep: number; other: number };
}

export interface MergeRecord {
  id: string;
  at: number;
  keptId: string;
  otherId: string;
  /** Both customers as they were, and as the merge left them. */
  before: { kept: Customer; other: Customer };
  after: { kept: Customer; other: Customer };
  /** Moved deals and interactions as they were (customerId = the other customer). */
  deals: Deal[];
  interactions: Interaction[];
  /** The other customer's history entries as they were (rowId = the other customer). */
  history: HistoryEntry[];
  /** History entries the merge wrote. */
  added: string[];
}

function changed(ids: string[]): AppStorageError {
  return new AppStorageError('not-found', `Changed since it was read: ${ids.join(', ')}`, { ids });
}

/** Merges `otherId` into `keepId`; returns the record `undoMerge` takes. */
export function mergeCustomers(db: KehuDb, request: MergeRequest): Promise<MergeRecord> {
  const { keepId, otherId } = request;
  return guarded(async () => {
    if (keepId === otherId) throw changed([keepId]);
    const issues = validateFields('customers', request.fields, 'update');
    if (hasErrors(issues)) throw new AppStorageError('validation', 'Invalid merged values', { issues });
    const record = await db.transaction(
      'rw',
      [db.customers, db.deals, db.interactions, db.history],
      async () => {
        const [kept, other] = await db.customers.bulkGet([keepId, otherId]);
        if (!kept || !other) throw changed([keepId, otherId]);
        const stale = [kept, other].filter(
          (c, i) =>
            c.deletedAt !== null || c.updatedAt !== (i === 0 ? request.seen.keep : request.seen.other),
        );
        if (stale.length > 0) throw changed(stale.map((c) => c.id));
        const at = writeTimestamp();
        const ctx = { at, actor: MERGE_ACTOR };
        const added: HistoryEntry[] = [];

        const patch: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(request.fields)) {
          const old = (kept as unknown as Record<string, unknown>)[field];
          if (value === undefined || sameValue(old, value)) continue;
          patch[field] = value;
          added.push(historyEntry({ ...ctx, table: 'customers' }, keepId, 'update', field, old, value));
        }
        const keptAfter: Customer = { ...kept, ...patch, updatedAt: at };
        const otherAfter: MergedCustomer = {
          ...other,
          deletedAt: at,
          updatedAt: at,
          mergedInto: { id: keepId, label: [kept.code, kept.name].filter(Boolean).join(' · ') },
        };
        added.push(historyEntry({ ...ctx, table: 'customers' }, otherId, 'delete', '', null, at));

        const deals = await db.deals.where('customerId').equals(otherId).toArray();
        const interactions = await db.interactions.where('customerId').equals(otherId).toArray();
        const history = await db.history.where('[table+rowId]').equals(['customers', otherId]).toArray();
        for (const d of deals)
          added.push(historyEntry({ ...ctx, table: 'deals' }, d.id, 'update', 'customerId', otherId, keepId));
        for (const i of interactions)
          added.push(
            historyEntry({ ...ctx, table: 'interactions' }, i.id, 'update', 'customerId', otherId, keepId),
          );

        await db.customers.bulkPut([keptAfter, otherAfter]);
        if (deals.length > 0)
          await db.deals.bulkPut(deals.map((d) => ({ ...d, customerId: keepId, updatedAt: at })));
        if (interactions.length > 0)
          await db.interactions.bulkPut(
            interactions.map((i) => ({ ...i, customerId: keepId, updatedAt: at })),
          );
        if (history.length > 0) await db.history.bulkPut(history.map((h) => ({ ...h, rowId: keepId })));
        await db.history.bulkAdd(added);
        return {
          id: `merge-${newId()}`,
          at,
          keptId: keepId,
          otherId,
          before: { kept, other },
          after: { kept: keptAfter, other: otherAfter },
          deals,
          interactions,
          history,
          added: added.map((h) => h.id),
        } satisfies MergeRecord;
      },
    );
    notifyWrite();
    return record;
  });
}

/** Puts back every row a merge wrote, exactly as it was; refuses when one changed since the merge. */
export function undoMerge(db: KehuDb, record: MergeRecord): Promise<void> {
  return guarded(async () => {
    await db.transaction('rw', [db.customers, db.deals, db.interactions, db.history], async () => {
      const [kept, other] = await db.customers.bulkGet([record.keptId, record.otherId]);
      const stale: string[] = [];
      if (kept?.updatedAt !== record.after.kept.updatedAt) stale.push(record.keptId);
      if (other?.updatedAt !== record.after.other.updatedAt) stale.push(record.otherId);
      const deals = await db.deals.bulkGet(record.deals.map((d) => d.id));
      const interactions = await db.interactions.bulkGet(record.interactions.map((i) => i.id));
      for (const row of [...deals, ...interactions])
        if (row && (row.updatedAt !== record.at || row.customerId !== record.keptId)) stale.push(row.id);
      if (stale.length > 0) throw changed(stale);
      await db.customers.bulkPut([record.before.kept, record.before.other]);
      if (record.deals.length > 0) await db.deals.bulkPut(record.deals);
      if (record.interactions.length > 0) await db.interactions.bulkPut(record.interactions);
      if (record.history.length > 0) await db.history.bulkPut(record.history);
      await db.history.bulkDelete(record.added);
    });
    notifyWrite();
  });
}

/** Rows whose link names a row that does not exist at all (live or in the trash), by kind of link. */
export interface OrphanCount {
  /** Deals whose `customerId` names no customer. */
  deals: number;
  /** Interactions whose `customerId` names no customer. */
  interactions: number;
  /** Deals whose `productLineId` (when set) names no product line. */
  productLines: number;
}

/**
 * Links the owner could no longer follow: deals and interactions (live or in the trash) whose customer,
 * and deals whose product line, is not stored at all. A link to a row in the trash is not an orphan: it
 * is shown as "Name (in trash)" (state/link-index.ts). Every bulk operation must leave all three at 0
 * (tests/unit/storage/orphans.property.test.ts). Customer links are read from index keys; product-line
 * links are not indexed, so the deals are read once: a check for tests and diagnostics, not for a page.
 */
export function countOrphans(db: KehuDb): Promise<OrphanCount> {
  return guarded(() =>
    db.transaction('r', [db.customers, db.deals, db.interactions, db.productLines], async () => {
      const ids = new Set((await db.customers.toCollection().primaryKeys()).map(String));
      const lines = new Set((await db.productLines.toCollection().primaryKeys()).map(String));
      const count = (keys: unknown[]) =>
        keys.filter((k) => typeof k === 'string' && k !== '' && !ids.has(k)).length;
      const [deals, interactions] = await Promise.all([
        db.deals.orderBy('customerId').keys(),
        db.interactions.orderBy('customerId').keys(),
      ]);
      let productLines = 0;
      await db.deals.each((deal) => {
        if (deal.productLineId !== '' && !lines.has(deal.productLineId)) productLines += 1;
      });
      return { deals: count(deals), interactions: count(interactions), productLines };
    }),
  );
}
