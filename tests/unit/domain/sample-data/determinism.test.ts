import { describe, expect, it } from 'vitest';
import {
  generateSampleData,
  inChunks,
  planSampleData,
  sampleCustomers,
  sampleDeals,
  sampleInteractions,
  sampleProductLines,
} from '../../../../src/domain/sample-data';
import { TODAY } from './helpers';

describe('sample data determinism', () => {
  const a = generateSampleData({ seed: 42, today: TODAY });

  it('gives deep-equal output for the same seed and day', () => {
    expect(generateSampleData({ seed: 42, today: TODAY })).toEqual(a);
  });

  it('defaults to seed 1, scale 1 and batch "sample"', () => {
    const d = generateSampleData({ today: TODAY });
    expect(d).toEqual(generateSampleData({ seed: 1, scale: 1, today: TODAY, batchId: 'sample' }));
    expect(d.customers.every((c) => c.batchId === 'sample')).toBe(true);
  });

  it('gives different output for a different seed', () => {
    const b = generateSampleData({ seed: 43, today: TODAY });
    expect(b.customers[0]?.id).not.toBe(a.customers[0]?.id);
    expect(b.customers.map((c) => c.name)).not.toEqual(a.customers.map((c) => c.name));
    expect(b.deals.map((d) => d.amount)).not.toEqual(a.deals.map((d) => d.amount));
    const ids = new Set(a.deals.map((d) => d.id));
    expect(b.deals.filter((d) => ids.has(d.id))).toHaveLength(0);
  });

  it('moves with `today`', () => {
    const later = generateSampleData({ seed: 42, today: '2026-01-15' });
    expect(later.customers.map((c) => c.name)).toEqual(a.customers.map((c) => c.name));
    expect(later.deals.every((d) => d.openDate <= '2026-01-15')).toBe(true);
    expect(later.deals.some((d) => d.openDate > TODAY)).toBe(true);
  });

  it('streams exactly the rows generateSampleData collects, table by table', () => {
    const plan = planSampleData({ seed: 42, today: TODAY });
    // Streaming the deals first (or alone) does not change them: each table has its own stream.
    const deals = [...inChunks(sampleDeals(plan), 1_000)];
    expect(deals.map((c) => c.length)).toEqual([1_000, 1_000, 1_000, 1_000]);
    expect(deals.flat()).toEqual(a.deals);
    expect([...sampleInteractions(plan)]).toEqual(a.interactions);
    expect([...sampleCustomers(plan)]).toEqual(a.customers);
    expect(sampleProductLines(plan)).toEqual(a.productLines);
  });

  it('plans in plain data that survives structuredClone (so a worker can receive it)', () => {
    const plan = planSampleData({ seed: 42, today: TODAY });
    expect([...sampleDeals(structuredClone(plan))]).toEqual(a.deals);
  });

  it('writes the batch id on every row', () => {
    const d = generateSampleData({ today: TODAY, batchId: 'bench', counts: { customers: 20 } });
    const rows = [...d.customers, ...d.deals, ...d.interactions, ...d.productLines];
    expect(rows.every((r) => r.batchId === 'bench')).toBe(true);
  });
});

describe('inChunks', () => {
  it('groups rows and keeps a short last chunk', () => {
    expect([...inChunks([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...inChunks([], 3)]).toEqual([]);
  });

  it('rejects a chunk size below 1', () => {
    expect(() => [...inChunks([1], 0)]).toThrow(RangeError);
  });
});
