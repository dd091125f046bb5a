import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  customerColumnsOf,
  customerIdAt,
  type DealFactColumns,
} from '../../../../src/domain/analytics/deal-columns';
import { CustomerIndex, uuidOfKey, writeUuidKey } from '../../../../src/domain/analytics/customer-keys';

const key = () => new Int32Array(4);

describe('UUID keys', () => {
  it('reads the four words of a lowercase UUID, and gives the UUID back', () => {
    const k = key();
    expect(writeUuidKey('00000001-0000-0002-0000-0003000000ff', k, 0)).toBe(true);
    expect([...k]).toEqual([1, 2, 3, 255]);
    expect(writeUuidKey('ffffffff-ffff-4fff-bfff-ffffffffffff', k, 0)).toBe(true);
    expect(k[0]).toBe(-1);
    expect(uuidOfKey(k, 0)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const words = key();
        expect(writeUuidKey(id, words, 0)).toBe(true);
        expect(uuidOfKey(words, 0)).toBe(id);
      }),
    );
  });

  it('has no key for anything else', () => {
    for (const id of [
      '',
      'C-001',
      '6F1C2A9E-0B7D-4E3A-9C55-7D2E8B1F4A60', // upper case: another string, so another id
      '6f1c2a9e0b7d-4e3a-9c55-7d2e8b1f4a60-', // dashes elsewhere
      '6f1c2a9e-0b7d-4e3a-9c55-7d2e8b1f4a6g',
      '6f1c2a9e-0b7d-4e3a-9c55-7d2e8b1f4a6٠', // an Arabic-Indic zero
      '6f1c2a9e-0b7d-4e3a-9c55-7d2e8b1f4a600',
    ])
      expect(writeUuidKey(id, key(), 0), id).toBe(false);
  });
});

/** Ids of every kind: random UUIDs, UUIDs alike but for their last digits, and other strings. */
const anyId = fc.oneof(
  fc.uuid(),
  fc
    .integer({ min: 0, max: 40 })
    .map((n) => `0190a7c4-1b2e-7000-8000-0000000000${n.toString(16).padStart(2, '0')}`),
  fc.string({ maxLength: 6 }),
);

describe('CustomerIndex answers as a Map of id → last row', () => {
  it('for every id, given or not', () => {
    fc.assert(
      fc.property(fc.array(anyId, { maxLength: 120 }), fc.array(anyId, { maxLength: 40 }), (ids, probes) => {
        const map = new Map<string, number>();
        ids.forEach((id, i) => map.set(id, i));
        const index = new CustomerIndex(ids);
        expect(index.size).toBe(map.size);
        expect(index.rows).toBe(ids.length);
        for (const id of [...ids, ...probes]) {
          expect(index.rowOfId(id)).toBe(map.get(id) ?? -1);
          const words = key();
          if (writeUuidKey(id, words, 0)) expect(index.rowOfKey(words, 0)).toBe(map.get(id) ?? -1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with no ids at all', () => {
    const index = new CustomerIndex([]);
    expect(index.rowOfId('6f1c2a9e-0b7d-4e3a-9c55-7d2e8b1f4a60')).toBe(-1);
    expect(index.rowOfId('a')).toBe(-1);
  });
});

describe('the customer columns of deal batches', () => {
  it('give every row its customer id back', () => {
    fc.assert(
      fc.property(fc.array(anyId, { maxLength: 60 }), (ids) => {
        const columns = customerColumnsOf(ids) as DealFactColumns;
        expect(ids.map((_, k) => customerIdAt(columns, k))).toEqual(ids);
        expect(columns.otherCustomerId).toEqual(ids.filter((id) => !writeUuidKey(id, key(), 0)));
      }),
    );
  });
});
