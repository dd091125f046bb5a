import { describe, expect, it } from 'vitest';
import type { SheetRow } from '../../../src/ui/grid/column-defs';
import { SheetSearch, SLICE } from '../../../src/ui/grid/sheet-search';
import { compareCells } from '../../../src/domain/text/order';
import { draftsLast, presort } from '../../../src/ui/grid/sheet-sort';

const row = (id: string, text: string): SheetRow => ({ id, text });

describe('SheetSearch', () => {
  it('passes a row when every typed word is in its text, ignoring case', () => {
    const search = new SheetSearch((r) => String(r.text));
    expect(search.active).toBe(false);
    search.set('  acme   TRADING ');
    expect(search.active).toBe(true);
    expect(search.text).toBe('  acme   TRADING ');
    expect(search.passes(row('1', 'Acme Trading Co'))).toBe(true);
    expect(search.passes(row('2', 'Acme Foods'))).toBe(false);
    search.set('');
    expect(search.active).toBe(false);
  });

  it('builds each row text once, ahead in slices, and again after clear or for a new row object', async () => {
    const calls: string[] = [];
    const search = new SheetSearch((r) => {
      calls.push(r.id);
      return String(r.text);
    });
    const rows = Array.from({ length: SLICE + 5 }, (_, i) => row(String(i), `row ${i}`));
    search.prepare(rows);
    expect(calls).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toHaveLength(SLICE);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toHaveLength(SLICE + 5);
    search.set('row 7');
    expect(search.passes(rows[7] as SheetRow)).toBe(true);
    expect(calls).toHaveLength(SLICE + 5);
    expect(search.passes({ ...rows[7], text: 'changed' } as SheetRow)).toBe(false);
    expect(calls).toHaveLength(SLICE + 6);
    search.clear();
    search.passes(rows[7] as SheetRow);
    expect(calls).toHaveLength(SLICE + 7);
  });

  it('builds queued pages in order, SLICE rows per task, and `prepare` replaces the queue', async () => {
    const calls: string[] = [];
    const search = new SheetSearch((r) => {
      calls.push(r.id);
      return String(r.text);
    });
    const page = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => row(String(from + i), `row ${from + i}`));
    search.prepareLater(page(0, SLICE - 10));
    search.prepareLater(page(SLICE, 20));
    expect(calls).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual([...page(0, SLICE - 10), ...page(SLICE, 10)].map((r) => r.id));
    search.prepare(page(5 * SLICE, 3));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The rest of the second page was dropped: the new rows come next.
    expect(calls.slice(SLICE)).toEqual(page(5 * SLICE, 3).map((r) => r.id));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toHaveLength(SLICE + 3);
  });

  it('stops preparing when told to', async () => {
    let calls = 0;
    const search = new SheetSearch(() => String(++calls));
    search.prepare([row('1', 'a')]);
    search.stop();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(0);
  });
});

describe('presort', () => {
  it('sorts Chinese text in pinyin order, as the grid does', () => {
    const rows = ['上海', '东莞', '中山', '北京', '深圳'].map((name, i) => ({ id: String(i), name }));
    const sorted = presort(rows, [{ value: (r) => r.name, descending: false }]);
    expect(sorted.map((r) => r.name)).toEqual(['北京', '东莞', '上海', '深圳', '中山']);
  });

  it('sorts by several keys and directions, stably, without touching the input', () => {
    const rows = [
      { id: 'a', code: 'C2', n: 1 },
      { id: 'b', code: 'C1', n: 2 },
      { id: 'c', code: null, n: 2 },
      { id: 'd', code: 'C1', n: 1 },
      { id: 'e', code: 'C1', n: 2 },
    ];
    const byCode = presort(rows, [{ value: (r) => r.code, descending: false }]);
    expect(byCode.map((r) => r.id)).toEqual(['c', 'b', 'd', 'e', 'a']);
    const byNThenCode = presort(rows, [
      { value: (r) => r.n, descending: true },
      { value: (r) => r.code, descending: true },
    ]);
    expect(byNThenCode.map((r) => r.id)).toEqual(['b', 'e', 'c', 'a', 'd']);
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(presort(rows, []).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('draftsLast', () => {
  // The grid's own use of a column comparator: the result is negated for a descending sort.
  const gridSort = (ids: string[], drafts: Set<string>, descending: boolean) =>
    ids
      .map((id) => ({ data: { id }, value: id.replace('draft:', '') }))
      .sort((a, b) => {
        const result = draftsLast(drafts, a.value, b.value, a, b, descending);
        return descending ? -result : result;
      })
      .map((node) => node.data.id);

  it('puts draft rows after every stored row in both directions, and compares the rest like the grid', () => {
    const drafts = new Set(['draft:1', 'draft:2']);
    const ids = ['b', 'draft:2', 'a', 'draft:1', 'c'];
    expect(gridSort(ids, drafts, false)).toEqual(['a', 'b', 'c', 'draft:1', 'draft:2']);
    expect(gridSort(ids, drafts, true)).toEqual(['c', 'b', 'a', 'draft:2', 'draft:1']);
    expect(gridSort(['b', 'a', 'c'], new Set(), true)).toEqual(['c', 'b', 'a']);
    const node = { data: { id: 'x' } };
    for (const [a, b] of [
      [null, 'a'],
      ['b', 'a'],
      [2, 10],
      [undefined, null],
    ] as const)
      expect(draftsLast(new Set(), a, b, node, node, false)).toBe(compareCells(a, b));
  });
});
