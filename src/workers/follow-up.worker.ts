/**
 * The follow-up worker: reads what the list needs through src/storage/follow-up-inputs.ts, keeps it
 * per table, and rebuilds the list with the pure rules of src/domain/follow-up/. A change to one table
 * re-reads that table only (marking an item done re-reads the interactions, not a million deals).
 */
import * as Comlink from 'comlink';
import { followUpView, type FollowUpFilter } from '../domain/follow-up/filter';
import { followUpList } from '../domain/follow-up/rules';
import type {
  ContactHistory,
  FollowUpCustomer,
  FollowUpItem,
  FollowUpMetrics,
  OpenAction,
  Receivable,
} from '../domain/follow-up/types';
import { isoWeek } from '../domain/follow-up/week';
import type { IsoDate } from '../domain/types';
import { getDb } from '../storage/db';
import { toAppStorageError } from '../storage/errors';
import {
  FOLLOW_UP_TABLES,
  readFollowUpContacts,
  readFollowUpCustomers,
  readFollowUpMetrics,
  readFollowUpReceivables,
  type FollowUpTable,
} from '../storage/follow-up-inputs';
import type { FollowUpApi } from './follow-up-api';

interface Cache {
  today: IsoDate;
  customers: FollowUpCustomer[];
  metrics: Map<string, FollowUpMetrics>;
  contacts: Map<string, ContactHistory>;
  openActions: OpenAction[];
  receivables: Map<string, Receivable>;
}

let cache: Cache | null = null;
let items: FollowUpItem[] = [];

async function read(today: IsoDate, tables: ReadonlySet<FollowUpTable>, old: Cache | null): Promise<Cache> {
  const db = getDb();
  const all = old === null || old.today !== today;
  const want = (t: FollowUpTable) => all || tables.has(t);
  const customers = want('customers') || !old ? await readFollowUpCustomers(db) : old.customers;
  const metrics = want('customerMetrics') || !old ? await readFollowUpMetrics(db) : old.metrics;
  const contacts =
    want('interactions') || !old
      ? await readFollowUpContacts(db, isoWeek(today).sunday)
      : { contacts: old.contacts, openActions: old.openActions };
  const receivables = want('deals') || !old ? await readFollowUpReceivables(db, today) : old.receivables;
  return { today, customers, metrics, ...contacts, receivables };
}

const api: FollowUpApi = {
  async refresh(today, changed) {
    try {
      const tables = new Set(changed.length > 0 ? changed : FOLLOW_UP_TABLES);
      cache = await read(today, tables, cache);
      items = followUpList(cache);
      return { ok: true, value: items.length };
    } catch (error) {
      const e = toAppStorageError(error);
      return { ok: false, error: { kind: e.kind, message: e.message } };
    }
  },
  view(filter: FollowUpFilter, limit: number) {
    return Promise.resolve(followUpView(items, filter, limit));
  },
};

Comlink.expose(api);
