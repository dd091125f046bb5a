import { describe, expect, it } from 'vitest';
import {
  findCodeClashes,
  findDuplicates,
  groupScore,
  MAX_BLOCK,
  type DuplicateInput,
} from '../../../../src/domain/duplicates/match';

let next = 0;
function row(fields: Partial<DuplicateInput>): DuplicateInput {
  next += 1;
  return {
    id: `c${next}`,
    code: '',
    name: '',
    taxId: '',
    phone: '',
    email: '',
    updatedAt: next,
    ...fields,
  };
}

describe('findDuplicates', () => {
  it('joins two spellings of one firm by name and phone, with both reasons and their score', () => {
    const a = row({ name: '深圳华成电子有限公司', phone: '+86 138-0013-8000' });
    const b = row({ name: '华成电子（深圳）', phone: '13800138000' });
    const other = row({ name: '华盛电子', phone: '13900000000' });
    const { groups } = findDuplicates([a, b, other]);
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group?.ids).toEqual([b.id, a.id]); // most recently changed first
    expect(group?.reasons.map((r) => [r.kind, r.key])).toEqual([
      ['name', '华成电子'],
      ['phone', '13800138000'],
    ]);
    expect(group?.score).toBe(0.925);
  });

  it('chains three rows matched by different keys into one group', () => {
    const a = row({ name: 'Acme Trading Co., Ltd.', email: 'buy@acme.com' });
    const b = row({ name: 'ACME Trading', taxId: '91350100M000100Y43' });
    const c = row({ name: '艾克美贸易', email: ' BUY@acme.com', taxId: '91350100 M000100Y43' });
    const { groups } = findDuplicates([a, b, c]);
    expect(groups).toHaveLength(1);
    expect(new Set(groups[0]?.ids)).toEqual(new Set([a.id, b.id, c.id]));
    expect(groups[0]?.reasons.map((r) => r.kind).sort()).toEqual(['email', 'name', 'taxId']);
  });

  it('finds nothing among near-misses', () => {
    const rows = [
      row({ name: '华成电子', phone: '13800138000' }),
      row({ name: '华盛电子', phone: '13800138001' }),
      row({ name: 'Acme Trading', email: 'a@acme.com' }),
      row({ name: 'Acme Logistics', email: 'b@acme.com' }),
    ];
    expect(findDuplicates(rows).groups).toEqual([]);
  });

  it('skips a key shared by more customers than a block may hold (a placeholder phone)', () => {
    const rows = Array.from({ length: MAX_BLOCK + 1 }, (_, i) =>
      row({ name: `客户${i}`, phone: '00000000' }),
    );
    const result = findDuplicates(rows);
    expect(result.groups).toEqual([]);
    expect(result.skippedBlocks).toBe(1);
  });

  it('sorts the strongest groups first', () => {
    const rows = [
      row({ name: '甲公司', phone: '13800000001' }),
      row({ name: '乙', phone: '13800000001' }),
      row({ name: '丙', taxId: '91350100M000100Y43' }),
      row({ name: '丁', taxId: '91350100M000100Y43' }),
    ];
    expect(findDuplicates(rows).groups.map((g) => g.score)).toEqual([0.95, 0.7]);
  });

  // Blocking makes it one pass per key kind; the bound is loose because the test machine is shared.
  it('matches 100 000 customers in one pass, finding the one planted duplicate', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) =>
      row({
        name: `客户${i}贸易有限公司`,
        phone: `138${String(i).padStart(8, '0')}`,
        email: `c${i}@example.cn`,
        taxId: `9135${String(i).padStart(14, '0')}`,
      }),
    );
    rows.push(row({ name: '客户7（深圳）', phone: '+86 138 0000 0007' }));
    const started = performance.now();
    const { groups } = findDuplicates(rows);
    const took = performance.now() - started;
    expect(groups).toHaveLength(1);
    expect(took).toBeLessThan(20_000);
  });
});

describe('groupScore', () => {
  it('combines distinct kinds as 1 − Π(1 − w), counting a kind once', () => {
    expect(groupScore(['name'])).toBe(0.75);
    expect(groupScore(['name', 'name'])).toBe(0.75);
    expect(groupScore(['taxId', 'phone'])).toBe(0.985);
  });
});

describe('findCodeClashes', () => {
  it('lists codes shared after trim, NFKC and case, keeping the first spelling', () => {
    const clashes = findCodeClashes([
      { id: 'a', code: 'C0001' },
      { id: 'b', code: 'ｃ0001 ' },
      { id: 'c', code: 'C0002' },
      { id: 'd', code: '' },
      { id: 'e', code: '' },
    ]);
    expect(clashes).toEqual([{ code: 'C0001', ids: ['a', 'b'] }]);
  });
});
