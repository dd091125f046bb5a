/**
 * The dashboards' inputs, read for the dashboards worker: the live customers with their stored
 * metrics (only the fields the dashboards read), and the live deals packed into columns.
 *
 * Like `readAnalyticsInputs`, every table is read in pages of the primary key, each page in its own
 * short read transaction, keeping only the picked fields, so the full rows of a page can be dropped
 * before the next arrives and the owner's edits never wait behind a long transaction.
 */
import {
  indexCustomers,
  packDeals,
  type DashboardInputs,
  type DashCustomer,
  type DashDealRow,
} from '../domain/dashboards/inputs';
import type { CustomerMetrics, IsoDate } from '../domain/types';
import type { KehuDb } from './db';
import { handleStorageError } from './errors';
import { READ_PAGE_SIZE, readPaged } from './metrics-store';
import { loadSettings } from './settings-repo';

type PickedMetrics = Pick<
  CustomerMetrics,
  | 'tier'
  | 'valueClass'
  | 'contemporaryValue'
  | 'rfmR'
  | 'rfmF'
  | 'lifecycle'
  | 'pAlive'
  | 'potentialValue'
  | 'headroom'
>;

async function readMetrics(db: KehuDb, pageSize: number): Promise<Map<string, PickedMetrics>> {
  const out = new Map<string, PickedMetrics>();
  let last: string | null = null;
  for (;;) {
    const page: CustomerMetrics[] =
      last === null
        ? await db.customerMetrics.orderBy(':id').limit(pageSize).toArray()
        : await db.customerMetrics.where(':id').above(last).limit(pageSize).toArray();
    for (const m of page) {
      out.set(m.customerId, {
        tier: m.tier,
        valueClass: m.valueClass,
        contemporaryValue: m.contemporaryValue,
        rfmR: m.rfmR,
        rfmF: m.rfmF,
        lifecycle: m.lifecycle,
        pAlive: m.pAlive,
        potentialValue: m.potentialValue,
        headroom: m.headroom,
      });
    }
    if (page.length < pageSize) return out;
    last = page[page.length - 1]?.customerId ?? null;
  }
}

/** Everything the dashboards aggregate, read from the database. */
export async function readDashboardInputs(
  db: KehuDb,
  today: IsoDate,
  pageSize = READ_PAGE_SIZE,
): Promise<DashboardInputs> {
  try {
    const settings = await loadSettings(db);
    const metrics = await readMetrics(db, pageSize);
    const noop = () => undefined;
    const customers = await readPaged(
      db,
      'customers',
      (c): DashCustomer => {
        const m = metrics.get(c.id);
        return {
          id: c.id,
          code: c.code,
          name: c.name,
          owner: c.owner,
          region: c.region,
          industry: c.industry,
          tier: m?.tier ?? '',
          valueClass: m?.valueClass ?? '',
          contemporaryValue: m?.contemporaryValue ?? 0,
          rfmR: m?.rfmR ?? null,
          rfmF: m?.rfmF ?? null,
          lifecycle: m?.lifecycle ?? '',
          pAlive: m?.pAlive ?? null,
          potentialValue: m?.potentialValue ?? null,
          headroom: m?.headroom ?? null,
        };
      },
      noop,
      pageSize,
    );
    const rows = await readPaged(
      db,
      'deals',
      (d): DashDealRow => ({
        customerId: d.customerId,
        stage: d.stage,
        openDate: d.openDate,
        closeDate: d.closeDate,
        dueDate: d.dueDate,
        amount: d.amount,
        paidAmount: d.paidAmount,
      }),
      noop,
      pageSize,
    );
    const deals = packDeals(rows, indexCustomers(customers));
    return { customers, deals, today, tierCutA: settings.tierCutA };
  } catch (e) {
    throw handleStorageError(e);
  }
}
