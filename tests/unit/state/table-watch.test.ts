import 'fake-indexeddb/auto';
import { RangeSet } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../../src/domain/types';
import { PagedMap, RowsTracker } from '../../../src/state/sheet-data';
import { changedKeys, readAllPaged, watchTable } from '../../../src/state/table-watch';
import { getDb } from '../../../src/storage/db';
import { customerRow } from './customer-row';

const PART = 'idb://kehu/customers/';

afterEach(async () => {
  await getDb().customers.clear();
});

describe('changedKeys', () => {
  it('lists single keys in order, also from a structured clone of the set (another tab)', () => {
    const set = new RangeSet().addKeys(['b', 'a', 'c']);
    expect(changedKeys({ [PART]: set }, PART)).toEqual(['a', 'b', 'c']);
    expect(changedKeys({ [PART]: structuredClone(set) }, PART)).toEqual(['a', 'b', 'c']);
  });

  it('says "all" for a range, a cleared table, too many keys, or the "all" part', () => {
    expect(changedKeys({ [PART]: new RangeSet('a', 'z') }, PART)).toBe('all');
    expect(changedKeys({ [PART]: new RangeSet(-Infinity, [[]]) }, PART)).toBe('all');
    expect(changedKeys({ [PART]: new RangeSet().addKeys(['a', 'b', 'c']) }, PART, 2)).toBe('all');
    expect(changedKeys({ all: new RangeSet(-Infinity, [[]]) }, PART)).toBe('all');
  });

  it('is empty when the table was not touched', () => {
    expect(changedKeys({ 'idb://kehu/deals/': new RangeSet().addKey('x') }, PART)).toEqual([]);
    expect(changedKeys({ [PART]: new RangeSet() }, PART)).toEqual([]);
  });
});

describe('readAllPaged', () => {
  it('reads every row across pages, in key order', async () => {
    await getDb().customers.bulkAdd(Array.from({ length: 25 }, (_, i) => customerRow(i)));
    const pages: number[] = [];
    const rows = await readAllPaged<Customer>('customers', 10, (page) => pages.push(page.length));
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 25 }, (_, i) => customerRow(i).id));
    expect(pages).toEqual([10, 10, 5]);
  });
});

describe('watchTable', () => {
  it('reads the table once, then only the rows a small write changed; a large write reads all again', async () => {
    const db = getDb();
    await db.customers.bulkAdd([customerRow(1), customerRow(2)]);
    const events: string[] = [];
    let wake = () => {};
    const next = () => new Promise<void>((resolve) => (wake = resolve));
    let arrived = next();
    const stop = watchTable<Customer>('customers', {
      reset: (rows) => {
        events.push(`reset ${rows.length}`);
        wake();
      },
      changed: (rows, gone) => {
        events.push(`changed ${rows.map((r) => `${r.id}:${r.name}`).join(',')} gone ${gone.join(',')}`);
        wake();
      },
    });
    await arrived;
    arrived = next();
    await db.customers.put(customerRow(2, { name: 'Renamed', updatedAt: 2 }));
    await arrived;
    arrived = next();
    await db.customers.delete(customerRow(1).id);
    await arrived;
    arrived = next();
    await db.customers.bulkAdd(Array.from({ length: 60 }, (_, i) => customerRow(100 + i)));
    await arrived;
    stop();
    await db.customers.put(customerRow(3));
    expect(events).toEqual([
      'reset 2',
      'changed id-00002:Renamed gone ',
      'changed  gone id-00001',
      'reset 61',
    ]);
  });
});

/** A tracker that writes what it hands on as lines of customer codes. */
function loggingTracker() {
  const log: string[] = [];
  const codes = (rows: Customer[]) => rows.map((r) => r.code).join(',');
  const tracker = new RowsTracker<Customer>({
    reset: (rows) => log.push(`reset ${codes(rows)}`),
    diff: ({ add, update, remove }) => log.push(`diff +${codes(add)} ~${codes(update)} -${codes(remove)}`),
    trash: (rows) => log.push(`trash ${codes(rows)}`),
  });
  return { log, tracker };
}

describe('RowsTracker', () => {
  it('turns results into one full list, then add / update / remove, and keeps the trash newest first', () => {
    const { log, tracker } = loggingTracker();
    tracker.changed([customerRow(9)], []);
    tracker.reset([customerRow(1), customerRow(2), customerRow(3, { deletedAt: 5 })]);
    tracker.changed([customerRow(1, { updatedAt: 2 }), customerRow(4)], []);
    tracker.changed([customerRow(2, { deletedAt: 7 })], []);
    tracker.changed([customerRow(3)], ['id-00004']);
    tracker.changed([customerRow(1, { updatedAt: 2 })], []);
    tracker.reset([customerRow(1, { updatedAt: 2 }), customerRow(5)]);
    expect(log).toEqual([
      'reset C1,C2',
      'trash C3',
      'diff +C4 ~C1 -',
      'diff + ~ -C2',
      'trash C2,C3',
      'diff +C3 ~ -C4',
      'trash C2',
      'diff +C5 ~ -C3',
      'trash ',
    ]);
  });

  it('gives the same results when a read comes page by page, and drops what a failed read left', () => {
    const logOf = (paged: boolean) => {
      const { log, tracker } = loggingTracker();
      const read = (pages: Customer[][]) => {
        if (paged) pages.forEach((page) => tracker.page(page));
        tracker.reset(pages.flat());
      };
      read([[customerRow(1), customerRow(2)], [customerRow(3, { deletedAt: 5 })]]);
      // A read that fails after its first page: its rows must not count in the next one.
      if (paged) tracker.page([customerRow(7), customerRow(8)]);
      read([[customerRow(1, { updatedAt: 2 })], [customerRow(3, { deletedAt: 5 }), customerRow(4)]]);
      return log;
    };
    expect(logOf(true)).toEqual(logOf(false));
    expect(logOf(true)).toEqual(['reset C1,C2', 'trash C3', 'diff +C4 ~C1 -C2', 'trash C3']);
  });
});

describe('PagedMap', () => {
  const entries = (map: Map<string, Customer>) => [...map].map(([id, row]) => `${id}:${row.name}`).sort();

  it('builds the same map from pages as from the whole read, a new map each read', () => {
    const rows = [customerRow(1), customerRow(2), customerRow(3)];
    const paged = new PagedMap<Customer>((c) => c.id);
    paged.page(rows.slice(0, 2));
    paged.page(rows.slice(2));
    const first = paged.reset(rows);
    expect(entries(first)).toEqual(entries(new PagedMap<Customer>((c) => c.id).reset(rows)));
    expect(first.size).toBe(3);
    const second = paged.reset([customerRow(4)]);
    expect(second).not.toBe(first);
    expect(entries(second)).toEqual([`${customerRow(4).id}:${customerRow(4).name}`]);
  });

  it('drops the rows a failed read left when the next read no longer has them', () => {
    const paged = new PagedMap<Customer>((c) => c.id);
    paged.page([customerRow(7), customerRow(8)]); // a read that failed after its first page
    const rows = [customerRow(1), customerRow(2, { name: 'Two' })];
    paged.page(rows);
    expect(entries(paged.reset(rows))).toEqual(entries(new Map(rows.map((r) => [r.id, r]))));
  });

  it('keeps the newer row when a failed read left an older version of it', () => {
    const paged = new PagedMap<Customer>((c) => c.id);
    paged.page([customerRow(1, { name: 'Old' })]);
    const rows = [customerRow(1, { name: 'New' })];
    paged.page(rows);
    expect(entries(paged.reset(rows))).toEqual([`${customerRow(1).id}:New`]);
  });
});
