import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { computeAnalytics } from '../../../src/domain/analytics/compute';
import { followUpList } from '../../../src/domain/follow-up/rules';
import { isoWeek } from '../../../src/domain/follow-up/week';
import { generateSampleData } from '../../../src/domain/sample-data';
import {
  readFollowUpContacts,
  readFollowUpCustomers,
  readFollowUpMetrics,
  readFollowUpReceivables,
} from '../../../src/storage/follow-up-inputs';
import { readAnalyticsInputs, writeCustomerMetrics } from '../../../src/storage/metrics-store';
import { repos } from '../../../src/storage/repos';
import { loadSampleData } from '../../../src/storage/sample-data-store';
import { freshDb } from './helpers';

const TODAY = '2025-06-30';
const data = generateSampleData({ today: TODAY, scale: 0.2, seed: 5 });

async function build(db: ReturnType<typeof freshDb>) {
  const [customers, metrics, contacts, receivables] = await Promise.all([
    readFollowUpCustomers(db),
    readFollowUpMetrics(db),
    readFollowUpContacts(db, isoWeek(TODAY).sunday),
    readFollowUpReceivables(db, TODAY),
  ]);
  return followUpList({ today: TODAY, customers, metrics, receivables, ...contacts });
}

describe('follow-up inputs', () => {
  it('reads the stored tables into a list; a recorded contact and a resolved action take items off', async () => {
    const db = freshDb();
    await loadSampleData(db, data);
    const { metrics, summary } = computeAnalytics({ ...(await readAnalyticsInputs(db)), today: TODAY });
    await writeCustomerMetrics(db, metrics, summary);

    const list = await build(db);
    const kinds = new Set(list.map((i) => i.kind));
    for (const kind of ['receivable', 'care'] as const) expect(kinds, kind).toContain(kind);
    const live = new Set(data.customers.map((c) => c.id));
    for (const item of list) expect(live).toContain(item.customerId);

    // A care contact today takes the care item off; resolving an open action takes its item off.
    const care = list.find((i) => i.kind === 'care');
    const service = list.find((i) => i.kind === 'service' || i.kind === 'next-action');
    if (!care || !service?.done.resolves) throw new Error('expected both kinds');
    const r = repos(db);
    await r.interactions.create({
      customerId: care.customerId,
      date: TODAY,
      channel: care.done.channel,
      type: 'care',
    });
    await r.interactions.update(service.done.resolves, { resolved: true });
    const after = (await build(db)).map((i) => i.key);
    expect(after).not.toContain(care.key);
    expect(after).not.toContain(service.key);
    expect(after.length).toBeLessThan(list.length);
  });

  it('skips customers in the trash, and sees do-not-contact', async () => {
    const db = freshDb();
    await loadSampleData(db, data);
    const [first, second] = data.customers;
    await repos(db).customers.softDelete([first!.id]);
    await repos(db).customers.update(second!.id, { doNotContact: true });
    const customers = await readFollowUpCustomers(db);
    expect(customers.map((c) => c.id)).not.toContain(first!.id);
    expect(customers.find((c) => c.id === second!.id)?.doNotContact).toBe(true);
  });
});
