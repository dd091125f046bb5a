/**
 * What the follow-up list reads, one table at a time, so the follow-up worker can re-read only the
 * tables that changed. Rows are read page by page (`readPaged`, each page its own short transaction,
 * as the value engine does) and folded at once into a few numbers per customer (domain/follow-up/
 * facts.ts): at 1 000 000 deals and 200 000 interactions nothing but those numbers is kept.
 */
import { foldContact, foldReceivable, openActionOf } from '../domain/follow-up/facts';
import type {
  ContactHistory,
  FollowUpCustomer,
  FollowUpMetrics,
  OpenAction,
  Receivable,
} from '../domain/follow-up/types';
import type { CustomerMetrics, IsoDate } from '../domain/types';
import type { KehuDb } from './db';
import { guarded } from './errors';
import { readPaged, READ_PAGE_SIZE } from './metrics-store';
import { isCustomerMetrics } from './rating-inputs';

/** The tables the list reads (the names Dexie reports in its change events). */
export const FOLLOW_UP_TABLES = ['customers', 'customerMetrics', 'interactions', 'deals'] as const;
export type FollowUpTable = (typeof FOLLOW_UP_TABLES)[number];

const ignore = () => undefined;

/** Live customers: only the facts the list shows or filters on. */
export function readFollowUpCustomers(db: KehuDb): Promise<FollowUpCustomer[]> {
  return guarded(() =>
    readPaged(
      db,
      'customers',
      (c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        owner: c.owner,
        doNotContact: c.doNotContact === true,
      }),
      ignore,
      READ_PAGE_SIZE,
    ),
  );
}

/** The value engine's tier, lifecycle, P(alive) and tenure of each customer (checked before use). */
export function readFollowUpMetrics(db: KehuDb): Promise<Map<string, FollowUpMetrics>> {
  return guarded(async () => {
    const out = new Map<string, FollowUpMetrics>();
    let last: string | null = null;
    for (;;) {
      const page: CustomerMetrics[] =
        last === null
          ? await db.customerMetrics.orderBy(':id').limit(READ_PAGE_SIZE).toArray()
          : await db.customerMetrics.where(':id').above(last).limit(READ_PAGE_SIZE).toArray();
      for (const m of page) {
        if (!isCustomerMetrics(m)) continue;
        out.set(m.customerId, {
          tier: m.tier,
          lifecycle: m.lifecycle,
          pAlive: m.pAlive,
          tenureDays: m.tenureDays,
        });
      }
      if (page.length < READ_PAGE_SIZE) return out;
      last = page[page.length - 1]?.customerId ?? null;
    }
  });
}

/** Each customer's last contact of each kind, and the open next actions due by `sunday`. */
export function readFollowUpContacts(
  db: KehuDb,
  sunday: IsoDate,
): Promise<{ contacts: Map<string, ContactHistory>; openActions: OpenAction[] }> {
  return guarded(async () => {
    const contacts = new Map<string, ContactHistory>();
    const openActions = await readPaged(
      db,
      'interactions',
      (i) => {
        foldContact(contacts, i);
        return openActionOf(i, sunday);
      },
      ignore,
      READ_PAGE_SIZE,
    );
    return { contacts, openActions };
  });
}

/** Each customer's overdue receivables on `today`. */
export function readFollowUpReceivables(db: KehuDb, today: IsoDate): Promise<Map<string, Receivable>> {
  return guarded(async () => {
    const receivables = new Map<string, Receivable>();
    await readPaged(
      db,
      'deals',
      (d) => {
        foldReceivable(receivables, d, today);
        return null;
      },
      ignore,
      READ_PAGE_SIZE,
    );
    return receivables;
  });
}
