import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { findCodeOwners } from '../../../src/storage/customer-codes';
import { repos } from '../../../src/storage/repos';
import { freshDb } from './helpers';

describe('findCodeOwners', () => {
  it('finds the live holder of a code after trim, NFKC and case, leaving out the trash and the row itself', async () => {
    const db = freshDb();
    const r = repos(db);
    const [huacheng, trashed, other] = await r.customers.createMany([
      { code: 'C0001', name: '华成电子' },
      { code: 'C0002', name: '旧客户' },
      { code: 'C0003', name: 'Acme' },
    ]);
    await r.customers.softDelete([trashed?.id ?? '']);
    const owners = await findCodeOwners(db, [' ｃ0001', 'c0002', 'C0003', ''], [other?.id ?? '']);
    expect([...owners]).toEqual([['c0001', { id: huacheng?.id, code: 'C0001', name: '华成电子' }]]);
    expect((await findCodeOwners(db, [], [])).size).toBe(0);
  });
});
