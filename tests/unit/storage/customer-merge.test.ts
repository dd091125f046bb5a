import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { KehuDb } from '../../../src/storage/db';
import { AppStorageError } from '../../../src/storage/errors';
import { mergedIntoOf } from '../../../src/domain/duplicates/merge-picks';
import { countOrphans, mergeCustomers, undoMerge } from '../../../src/storage/customer-merge';
import { repos } from '../../../src/storage/repos';
import { freshDb } from './helpers';

/** Every base table and the history, each sorted by id: what "byte for byte as before" compares. */
async function snapshot(db: KehuDb): Promise<string> {
  const tables = ['customers', 'deals', 'interactions', 'productLines', 'history'] as const;
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = await db.table(t).orderBy(':id').toArray();
  return JSON.stringify(out);
}

async function seed(db: KehuDb) {
  const r = repos(db);
  const [kept, other, third] = await r.customers.createMany([
    { code: 'C0001', name: '深圳华成电子有限公司', phone: '+86 138-0013-8000' },
    {
      code: 'C0002',
      name: '华成电子（深圳）',
      phone: '13800138000',
      email: 'li@huacheng.cn',
      region: '华南',
    },
    { code: 'C0003', name: '华盛电子' },
  ]);
  if (!kept || !other || !third) throw new Error('seed');
  await r.customers.update(other.id, { contactName: '李伟' });
  const deals = await r.deals.createMany([
    {
      code: 'SO-1',
      customerId: kept.id,
      title: '电容',
      stage: 'won',
      closeDate: '2026-01-05',
      amount: 10000,
    },
    {
      code: 'SO-2',
      customerId: other.id,
      title: '电阻',
      stage: 'won',
      closeDate: '2026-02-05',
      amount: 20000,
    },
    { code: 'SO-3', customerId: other.id, title: '样品', stage: 'need' },
    { code: 'SO-4', customerId: third.id, title: '其他', stage: 'need' },
  ]);
  await r.deals.softDelete([deals[2]?.id ?? '']);
  await r.interactions.createMany([
    { customerId: other.id, date: '2026-02-01', channel: 'phone', type: 'inquiry', summary: '询价' },
    { customerId: kept.id, date: '2026-01-01', channel: 'visit', type: 'care', summary: '拜访' },
  ]);
  return {
    kept: (await db.customers.get(kept.id))!,
    other: (await db.customers.get(other.id))!,
    third: (await db.customers.get(third.id))!,
  };
}

describe('mergeCustomers and undoMerge', () => {
  it('moves deals, interactions and history to the kept customer, trashes the other, and undo restores every table exactly', async () => {
    const db = freshDb();
    const { kept, other } = await seed(db);
    const before = await snapshot(db);
    const historyOfOther = await db.history.where('[table+rowId]').equals(['customers', other.id]).count();

    const record = await mergeCustomers(db, {
      keepId: kept.id,
      otherId: other.id,
      fields: { email: 'li@huacheng.cn', contactName: '李伟', name: kept.name },
      seen: { keep: kept.updatedAt, other: other.updatedAt },
    });

    const keptNow = await db.customers.get(kept.id);
    expect([keptNow?.email, keptNow?.contactName, keptNow?.name]).toEqual([
      'li@huacheng.cn',
      '李伟',
      '深圳华成电子有限公司',
    ]);
    const otherNow = await db.customers.get(other.id);
    expect(otherNow?.deletedAt).not.toBeNull();
    expect(otherNow && mergedIntoOf(otherNow)).toEqual({
      id: kept.id,
      label: 'C0001 · 深圳华成电子有限公司',
    });
    expect(await db.deals.where('customerId').equals(kept.id).count()).toBe(3);
    expect(await db.deals.where('customerId').equals(other.id).count()).toBe(0);
    expect(await db.interactions.where('customerId').equals(kept.id).count()).toBe(2);
    const keptHistory = await db.history.where('[table+rowId]').equals(['customers', kept.id]).toArray();
    // The kept one's own create, the other's moved entries, and the two fields the merge changed.
    expect(keptHistory).toHaveLength(1 + historyOfOther + 2);
    expect(await repos(db).customers.countActive()).toBe(2);
    expect(await countOrphans(db)).toEqual({ deals: 0, interactions: 0, productLines: 0 });

    await undoMerge(db, record);
    expect(await snapshot(db)).toBe(before);
    expect(await repos(db).customers.countActive()).toBe(3);
    expect(await countOrphans(db)).toEqual({ deals: 0, interactions: 0, productLines: 0 });
  });

  it('refuses to merge a customer changed since the owner looked, and to undo over a later edit', async () => {
    const db = freshDb();
    const { kept, other } = await seed(db);
    const before = await snapshot(db);
    const stale = mergeCustomers(db, {
      keepId: kept.id,
      otherId: other.id,
      fields: {},
      seen: { keep: kept.updatedAt - 1, other: other.updatedAt },
    });
    await expect(stale).rejects.toBeInstanceOf(AppStorageError);
    expect(await snapshot(db)).toBe(before);

    const record = await mergeCustomers(db, {
      keepId: kept.id,
      otherId: other.id,
      fields: {},
      seen: { keep: kept.updatedAt, other: other.updatedAt },
    });
    await repos(db).customers.update(kept.id, { notes: '后来的修改' });
    await expect(undoMerge(db, record)).rejects.toMatchObject({ kind: 'not-found', ids: [kept.id] });
    expect((await db.customers.get(kept.id))?.notes).toBe('后来的修改');
  });

  it('counts deals and interactions that point at no stored customer', async () => {
    const db = freshDb();
    const { third } = await seed(db);
    expect(await countOrphans(db)).toEqual({ deals: 0, interactions: 0, productLines: 0 });
    await db.customers.delete(third.id);
    expect(await countOrphans(db)).toEqual({ deals: 1, interactions: 0, productLines: 0 });
  });
});
