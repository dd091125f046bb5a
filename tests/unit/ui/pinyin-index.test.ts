import { describe, expect, it } from 'vitest';
import type { SheetRow } from '../../../src/ui/grid/column-defs';
import { SheetSearch } from '../../../src/ui/grid/sheet-search';

const row = (id: string, text: string): SheetRow => ({ id, text });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Waits until `done` holds, ticking the timers (the keys are made in tasks). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i += 1) await tick();
  expect(done()).toBe(true);
}

describe('SheetSearch by pinyin', () => {
  const rows = [
    row('sz', 'C0001\n深圳瑞丰贸易有限公司\n华南'),
    row('bj', 'C0002\n北京恒泰科技有限公司\n华北'),
    row('sh', 'C0003\n上海宏远商贸有限公司\n华东'),
    row('en', 'C0004\nShenzhen Bay Trading\n'),
  ];

  it('finds Chinese text by full pinyin and by initials once the keys are made', async () => {
    let notices = 0;
    const search = new SheetSearch((r) => String(r.text), {
      rows: () => rows,
      onPinyin: () => (notices += 1),
    });
    const found = () => rows.filter((r) => search.passes(r)).map((r) => r.id);
    search.set('sz');
    // Before the keys are made, the rows match on their text only.
    expect(found()).toEqual([]);
    await until(() => notices > 0);
    expect(found()).toEqual(['sz']);
    search.set('shenzhen');
    expect(found()).toEqual(['sz', 'en']);
    search.set('BJ');
    expect(found()).toEqual(['bj']);
    search.set('hd shanghai');
    expect(found()).toEqual(['sh']);
    search.set('sz bj');
    expect(found()).toEqual([]);
  });

  it('gives a new or changed row its keys when the search reads it', async () => {
    let notices = 0;
    const search = new SheetSearch((r) => String(r.text), {
      rows: () => rows,
      onPinyin: () => (notices += 1),
    });
    search.set('gz');
    await until(() => notices > 0);
    expect(search.passes(row('gz', '广州'))).toBe(true);
    expect(search.passes({ ...rows[0], text: '广州瑞丰' } as SheetRow)).toBe(true);
  });

  it('makes the keys of rows added later (pages of a read) in tasks, and tells the grid', async () => {
    let notices = 0;
    const grid = [rows[0] as SheetRow];
    const search = new SheetSearch((r) => String(r.text), {
      rows: () => grid,
      onPinyin: () => (notices += 1),
    });
    search.set('bj');
    await until(() => notices > 0);
    const page = rows.slice(1);
    grid.push(...page);
    search.prepareLater(page);
    const before = notices;
    await until(() => notices > before);
    expect(rows.filter((r) => search.passes(r)).map((r) => r.id)).toEqual(['bj']);
  });

  it('does not load pinyin for words that are not pinyin', async () => {
    let notices = 0;
    const search = new SheetSearch((r) => String(r.text), {
      rows: () => rows,
      onPinyin: () => (notices += 1),
    });
    search.set('c0001 深圳');
    for (let i = 0; i < 20; i += 1) await tick();
    expect(notices).toBe(0);
    expect(rows.filter((r) => search.passes(r)).map((r) => r.id)).toEqual(['sz']);
  });
});
