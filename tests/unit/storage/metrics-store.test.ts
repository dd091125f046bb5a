import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { computeAnalytics } from '../../../src/domain/analytics/compute';
import { wonDealFacts } from '../../../src/domain/analytics/deal-columns';
import { generateSampleData } from '../../../src/domain/sample-data';
import { loadSampleData } from '../../../src/storage/sample-data-store';
import {
  ANALYTICS_SUMMARY_KEY,
  analyticsInputStamp,
  readAnalyticsInputs,
  readAnalyticsSummary,
  readCustomerMetrics,
  writeCustomerMetrics,
} from '../../../src/storage/metrics-store';
import { repos } from '../../../src/storage/repos';
import { saveSettings } from '../../../src/storage/settings-repo';
import { freshDb } from './helpers';

const TODAY = '2025-06-30';
const data = generateSampleData({ today: TODAY, scale: 0.2, seed: 11 });

describe('metrics store', () => {
  it('reads the live rows in pages, keeping won deals only, with progress', async () => {
    const db = freshDb();
    await loadSampleData(db, data);
    const trashed = data.customers[0]!;
    await repos(db).customers.softDelete([trashed.id]);
    const progress: [number, number][] = [];
    const inputs = await readAnalyticsInputs(db, {
      pageSize: 97,
      onProgress: (d, t) => progress.push([d, t]),
    });

    expect(inputs.customers).toHaveLength(data.customers.length - 1);
    expect(inputs.customers.some((c) => c.id === trashed.id)).toBe(false);
    // Deals come from the packed copy: the same facts, in the same (primary-key) order as the rows.
    const won = [...wonDealFacts(inputs.deals)];
    expect(won).toHaveLength(data.deals.filter((d) => d.stage === 'won').length);
    const rows = (await db.deals.orderBy(':id').toArray()).filter((d) => d.stage === 'won');
    expect(won).toStrictEqual(
      rows.map((d) => ({
        customerId: d.customerId,
        stage: d.stage,
        closeDate: d.closeDate,
        amount: d.amount,
        cost: d.cost,
        serviceCost: d.serviceCost,
        discount: d.discount,
        paidAmount: d.paidAmount,
        dueDate: d.dueDate,
        productLineId: d.productLineId,
      })),
    );
    expect(inputs.interactions).toHaveLength(data.interactions.length);
    const total = data.customers.length + data.deals.length + data.interactions.length;
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.length).toBeGreaterThan(total / 97 - 1);
    expect(inputs.settings.tierCutA).toBe(0.8);
  }, 30_000);

  it('writes the metrics and summary, replacing rows of an earlier recompute', async () => {
    const db = freshDb();
    await loadSampleData(db, data);
    const inputs = await readAnalyticsInputs(db);
    await db.customerMetrics.put({
      ...computeAnalytics({ ...inputs, today: TODAY }).metrics[0]!,
      customerId: 'stale',
    });
    const { metrics, summary } = computeAnalytics({ ...inputs, today: TODAY });

    await writeCustomerMetrics(db, metrics, summary);

    expect(await db.customerMetrics.count()).toBe(metrics.length);
    expect(await readCustomerMetrics(db, 'stale')).toBeNull();
    const first = metrics[0]!;
    expect(await readCustomerMetrics(db, first.customerId)).toEqual(first);
    expect(await readAnalyticsSummary(db)).toEqual(summary);
  });

  it('ignores a summary of another format', async () => {
    const db = freshDb();
    expect(await readAnalyticsSummary(db)).toBeNull();
    await db.settings.put({ key: ANALYTICS_SUMMARY_KEY, value: { formatVersion: 99 } });
    expect(await readAnalyticsSummary(db)).toBeNull();
  });

  it('changes the input stamp on a write to a base table or the settings, not on a metrics write', async () => {
    const db = freshDb();
    await loadSampleData(db, data);
    const before = await analyticsInputStamp(db);
    const inputs = await readAnalyticsInputs(db);
    const { metrics, summary } = computeAnalytics({ ...inputs, today: TODAY });
    await writeCustomerMetrics(db, metrics, summary);
    expect(await analyticsInputStamp(db)).toBe(before);

    await repos(db).customers.create({ name: '新客户' });
    const afterCreate = await analyticsInputStamp(db);
    expect(afterCreate).not.toBe(before);
    await saveSettings(db, { tierCutA: 0.7 });
    expect(await analyticsInputStamp(db)).not.toBe(afterCreate);
  });
});
