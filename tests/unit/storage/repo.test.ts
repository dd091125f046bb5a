import 'fake-indexeddb/auto';
import type { DBCore } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KehuDb } from '../../../src/storage/db';
import { AppStorageError, storageErrors } from '../../../src/storage/errors';
import { repos, type Repos } from '../../../src/storage/repos';
import { freshDb } from './helpers';

let db: KehuDb;
let r: Repos;

beforeEach(() => {
  db = freshDb();
  r = repos(db);
});

/** The AppStorageError a promise rejects with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<AppStorageError> {
  const outcome = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(AppStorageError);
  return outcome as AppStorageError;
}

/** Makes every write to `table` fail the way a full disk does. */
async function failWritesTo(table: string): Promise<void> {
  // Dexie builds its middleware stack when the database opens.
  db.close();
  db.use({
    stack: 'dbcore',
    name: `quota-on-${table}`,
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        if (name !== table) return t;
        return {
          ...t,
          mutate: () =>
            Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
        };
      },
    }),
  });
  await db.open();
}

describe('create', () => {
  it('fills id, timestamps, defaults and batchId, and writes one history entry', async () => {
    const before = Date.now();
    const c = await r.customers.create({ name: '深圳华强电子有限公司', phone: '0755-8888 6666' });
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.createdAt).toBeGreaterThanOrEqual(before);
    expect(c.updatedAt).toBe(c.createdAt);
    expect(c).toMatchObject({
      deletedAt: null,
      batchId: '',
      email: '',
      walletEstimate: null,
      loyaltyTypes: [],
    });
    expect(await r.customers.get(c.id)).toEqual(c);

    const history = await r.customers.historyOf(c.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      table: 'customers',
      rowId: c.id,
      op: 'create',
      field: '',
      actor: 'me',
    });
    expect(history[0]?.newValue).toEqual(c);
  });

  it('takes batchId and actor from the options', async () => {
    const d = await r.deals.create(
      { customerId: 'c1', amount: 129900 },
      { batchId: 'imp-1', actor: 'import' },
    );
    expect(d.batchId).toBe('imp-1');
    expect((await r.deals.historyOf(d.id))[0]?.actor).toBe('import');
  });

  it('throws a validation error and writes nothing when a field is invalid', async () => {
    const error = await rejection(r.customers.create({ name: '', email: 'nope' }));
    expect(error.kind).toBe('validation');
    expect(error.issues?.map((i) => `${i.field}:${i.code}`)).toEqual(['name:required', 'email:bad-email']);
    expect(await db.customers.count()).toBe(0);
    expect(await db.history.count()).toBe(0);
  });

  it('writes a row whose only issues are warnings', async () => {
    const c = await r.customers.create({ name: '甲', taxId: '91350100M000100Y44' });
    expect(c.taxId).toBe('91350100M000100Y44');
  });
});

describe('createMany', () => {
  it('creates every row in order with one history entry each', async () => {
    const rows = await r.interactions.createMany([
      { customerId: 'c1', summary: '询价：不锈钢螺丝 M6' },
      { customerId: 'c2', channel: 'wechat', satisfaction: 4 },
    ]);
    expect(rows.map((x) => x.customerId)).toEqual(['c1', 'c2']);
    expect(await r.interactions.countActive()).toBe(2);
    expect(await db.history.count()).toBe(2);
  });

  it('is all-or-nothing: one bad row and nothing is written; the error names the row', async () => {
    const error = await rejection(
      r.deals.createMany([
        { customerId: 'c1', amount: 100 },
        { customerId: 'c1', amount: 12.5, openDate: '2024-02-30' },
        { customerId: 'c2', amount: 300 },
        { customerId: '' },
      ]),
    );
    expect(error.kind).toBe('validation');
    expect(error.rows?.map((row) => [row.row, row.issues.map((i) => `${i.field}:${i.code}`)])).toEqual([
      [1, ['amount:not-integer-money', 'openDate:bad-date']],
      [3, ['customerId:required']],
    ]);
    expect(await db.deals.count()).toBe(0);
    expect(await db.history.count()).toBe(0);
  });

  it('accepts an empty list', async () => {
    expect(await r.productLines.createMany([])).toEqual([]);
  });

  it('stores rows under the ids given (a row typed in a sheet keeps its draft id), new ids otherwise', async () => {
    const [typed] = await r.customers.createMany([{ name: '张三丰商贸' }], { ids: ['draft-id-1'] });
    expect(typed?.id).toBe('draft-id-1');
    expect((await r.customers.get('draft-id-1'))?.name).toBe('张三丰商贸');
    const [other] = await r.customers.createMany([{ name: 'Other' }]);
    expect(other?.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('update', () => {
  it('records one history entry per changed field and skips unchanged ones', async () => {
    const c = await r.customers.create({ name: '旧名', phone: '13800138000', loyaltyTypes: ['price'] });
    const updated = await r.customers.update(
      c.id,
      { name: '新名', phone: '13800138000', loyaltyTypes: ['price', 'habit'] },
      { actor: '王经理' },
    );
    expect(updated).toMatchObject({ name: '新名', loyaltyTypes: ['price', 'habit'] });
    expect(updated.updatedAt).toBeGreaterThan(c.updatedAt);
    expect(await r.customers.get(c.id)).toEqual(updated);

    const changes = (await r.customers.historyOf(c.id)).filter((h) => h.op === 'update');
    expect(changes.map((h) => [h.field, h.oldValue, h.newValue, h.actor])).toEqual([
      ['name', '旧名', '新名', '王经理'],
      ['loyaltyTypes', ['price'], ['price', 'habit'], '王经理'],
    ]);
  });

  it('changes nothing, not even updatedAt, when no value differs', async () => {
    const p = await r.productLines.create({ name: '紧固件', geScores: { marketSize: 4, productQuality: 3 } });
    const same = await r.productLines.update(p.id, {
      name: '紧固件',
      geScores: { productQuality: 3, marketSize: 4 },
    });
    expect(same).toEqual(p);
    expect(await r.productLines.historyOf(p.id)).toHaveLength(1);
  });

  it('with an invalid value leaves the stored row unchanged', async () => {
    const d = await r.deals.create({ customerId: 'c1', amount: 5000 });
    const error = await rejection(r.deals.update(d.id, { paidAmount: -1, title: '新标题' }));
    expect(error.kind).toBe('validation');
    expect(error.rows?.[0]).toMatchObject({ row: 0, id: d.id });
    expect(await r.deals.get(d.id)).toEqual(d);
    expect(await r.deals.historyOf(d.id)).toHaveLength(1);
  });

  it('refuses to patch row metadata', async () => {
    const c = await r.customers.create({ name: '甲' });
    const error = await rejection(r.customers.update(c.id, { id: 'other' } as never));
    expect(error.issues).toEqual([{ field: 'id', code: 'bad-type', severity: 'error', value: 'other' }]);
  });

  it('throws not-found for an unknown id', async () => {
    const error = await rejection(r.customers.update('missing', { name: '甲' }));
    expect(error).toMatchObject({ kind: 'not-found', ids: ['missing'] });
  });
});

describe('updateMany', () => {
  it('applies patches in order, also several to one row', async () => {
    const [a, b] = await r.customers.createMany([{ name: 'A' }, { name: 'B' }]);
    const result = await r.customers.updateMany([
      { id: a!.id, patch: { region: '华东' } },
      { id: b!.id, patch: { region: '华南' } },
      { id: a!.id, patch: { region: '华北', industry: '五金' } },
    ]);
    expect(result.map((x) => x.region)).toEqual(['华北', '华南', '华北']);
    const history = (await r.customers.historyOf(a!.id)).filter((h) => h.op === 'update');
    expect(history.map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ['region', '', '华东'],
      ['region', '华东', '华北'],
      ['industry', '', '五金'],
    ]);
  });

  it('is all-or-nothing: an unknown id leaves every row as it was', async () => {
    const [a] = await r.customers.createMany([{ name: 'A' }]);
    const error = await rejection(
      r.customers.updateMany([
        { id: a!.id, patch: { name: 'A2' } },
        { id: 'gone', patch: { name: 'X' } },
      ]),
    );
    expect(error.kind).toBe('not-found');
    expect(await r.customers.get(a!.id)).toEqual(a);
  });

  it('is all-or-nothing: one invalid patch is named by index and id', async () => {
    const [a, b] = await r.customers.createMany([{ name: 'A' }, { name: 'B' }]);
    const error = await rejection(
      r.customers.updateMany([
        { id: a!.id, patch: { phone: '13800138000' } },
        { id: b!.id, patch: { strategicImportance: 7 } },
      ]),
    );
    expect(error.rows).toEqual([
      {
        row: 1,
        id: b!.id,
        issues: [{ field: 'strategicImportance', code: 'out-of-range', severity: 'error', value: 7 }],
      },
    ]);
    expect(await r.customers.get(a!.id)).toEqual(a);
  });
});

describe('trash', () => {
  it('soft delete moves rows to the trash, restore brings them back, both with history', async () => {
    const [a, b, c] = await r.customers.createMany([{ name: 'A' }, { name: 'B' }, { name: 'C' }]);
    expect(await r.customers.softDelete([a!.id, b!.id])).toBe(2);
    expect(await r.customers.softDelete([a!.id])).toBe(0); // already in the trash
    expect((await r.customers.listActive()).map((x) => x.name)).toEqual(['C']);
    expect(await r.customers.countActive()).toBe(1);
    const trash = await r.customers.listTrash();
    expect(trash.map((x) => x.name).sort()).toEqual(['A', 'B']);
    expect(trash[0]?.deletedAt).toEqual(expect.any(Number));

    expect(await r.customers.restore([a!.id, c!.id])).toBe(1); // c was never deleted
    expect(await r.customers.countActive()).toBe(2);
    const ops = (await r.customers.historyOf(a!.id)).map((h) => h.op);
    expect(ops).toEqual(['create', 'delete', 'restore']);
    const restored = await r.customers.get(a!.id);
    expect(restored?.deletedAt).toBeNull();
  });

  it('the trash lists the most recently deleted first', async () => {
    const [a, b] = await r.deals.createMany([
      { customerId: 'c', title: 'first' },
      { customerId: 'c', title: 'second' },
    ]);
    await r.deals.softDelete([a!.id]);
    await r.deals.softDelete([b!.id]);
    expect((await r.deals.listTrash()).map((x) => x.title)).toEqual(['second', 'first']);
  });

  it('soft delete of an unknown id changes nothing', async () => {
    const [a] = await r.customers.createMany([{ name: 'A' }]);
    const error = await rejection(r.customers.softDelete([a!.id, 'gone']));
    expect(error.kind).toBe('not-found');
    expect(await r.customers.countActive()).toBe(1);
  });

  it('purge hard-deletes only rows in the trash, with their history', async () => {
    const [a, b] = await r.customers.createMany([{ name: 'A' }, { name: 'B' }]);
    await r.customers.softDelete([a!.id]);
    expect(await r.customers.purge([a!.id, b!.id, 'never-existed'])).toBe(1);
    expect(await r.customers.get(a!.id)).toBeUndefined();
    expect(await r.customers.historyOf(a!.id)).toEqual([]);
    expect(await r.customers.get(b!.id)).toEqual(b);
    expect(await r.customers.historyOf(b!.id)).toHaveLength(1);
  });
});

describe('history', () => {
  it('keeps tables apart even for the same row id', async () => {
    const c = await r.customers.create({ name: '甲' });
    await r.customers.update(c.id, { notes: '重要客户' });
    expect((await r.deals.historyOf(c.id)).length).toBe(0);
    expect((await r.customers.historyOf(c.id)).map((h) => h.op)).toEqual(['create', 'update']);
  });
});

describe('a full disk (QuotaExceededError)', () => {
  it('during create: nothing is written, the error is kind quota and reaches the banner', async () => {
    await failWritesTo('history'); // the row write succeeds first; the history write then fails
    const listener = vi.fn();
    const unsubscribe = storageErrors.subscribe(listener);
    const error = await rejection(r.customers.create({ name: '甲' }));
    unsubscribe();
    expect(error.kind).toBe('quota');
    expect(listener).toHaveBeenCalledWith(error);
    expect(await db.customers.count()).toBe(0);
    expect(await db.history.count()).toBe(0);
  });

  it('during update: the stored row stays as it was', async () => {
    const c = await r.customers.create({ name: '甲', region: '华东' });
    await failWritesTo('history');
    const error = await rejection(r.customers.update(c.id, { region: '西南' }));
    expect(error.kind).toBe('quota');
    expect(await r.customers.get(c.id)).toEqual(c);
    expect(await r.customers.historyOf(c.id)).toHaveLength(1);
  });

  it('thrown from a Dexie hook during soft delete: nothing moves to the trash', async () => {
    const [a, b] = await r.customers.createMany([{ name: 'A' }, { name: 'B' }]);
    db.history.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await rejection(r.customers.softDelete([a!.id, b!.id]));
    expect(error.kind).toBe('quota');
    expect(await r.customers.countActive()).toBe(2);
  });
});

describe('a write checks the values its editor read (two tabs, issue 24)', () => {
  it('refuses a change over a value changed since, naming it, and writes nothing', async () => {
    const c = await r.customers.create({ name: '甲', contactName: 'Original', region: '华东' });
    // Another tab changed the contact after this tab's editor read 'Original'.
    await r.customers.update(c.id, { contactName: 'From B' });
    const stored = await r.customers.get(c.id);
    const error = await rejection(
      r.customers.updateMany([
        { id: c.id, patch: { region: '西南' }, expected: { region: '华东' } },
        { id: c.id, patch: { contactName: 'From A' }, expected: { contactName: 'Original' } },
      ]),
    );
    expect(error.kind).toBe('conflict');
    expect(error.conflicts).toEqual([{ id: c.id, field: 'contactName', theirs: 'From B', mine: 'From A' }]);
    expect(await r.customers.get(c.id)).toEqual(stored);
  });

  it('writes when the values read are still the stored ones (another field may have changed)', async () => {
    const c = await r.customers.create({ name: '甲', contactName: 'Original', region: '华东' });
    await r.customers.update(c.id, { region: '西南' });
    const [row] = await r.customers.updateMany([
      { id: c.id, patch: { contactName: 'From A' }, expected: { contactName: 'Original' } },
    ]);
    expect(row).toMatchObject({ contactName: 'From A', region: '西南' });
  });
});
