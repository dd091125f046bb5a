import { describe, expect, it } from 'vitest';
import { atRiskList } from '../../../../src/domain/dashboards/at-risk-list';
import { periodOf } from '../../../../src/domain/dashboards/filters';
import { lifecycleFunnel } from '../../../../src/domain/dashboards/lifecycle-funnel';
import { repeatRate } from '../../../../src/domain/dashboards/repeat-rate';
import { rfmGrid } from '../../../../src/domain/dashboards/rfm-grid';
import { all, customer, deal, ids, pack } from './fixtures';

describe('rfmGrid', () => {
  it('counts customers and value per R × F cell (the JSDoc example)', () => {
    const cs = [
      customer('a', { rfmR: 5, rfmF: 4, contemporaryValue: 100 }),
      customer('b', { rfmR: 5, rfmF: 4, contemporaryValue: 50 }),
      customer('c', { rfmR: 1, rfmF: 1, contemporaryValue: -10 }),
      customer('d'),
      customer('e', { tier: '' }),
    ];
    const grid = rfmGrid(cs, all(cs.length));
    expect(grid.cells[4]![3]).toMatchObject({ r: 5, f: 4, customers: 2, value: 150, drill: 'rfm:5:4' });
    expect(ids(cs, grid.cells[4]![3]!.members)).toEqual(['a', 'b']);
    expect(grid.cells[0]![0]).toMatchObject({ customers: 1, value: -10 });
    expect(grid.unscored).toBe(1);
    expect(grid.cells.flat().reduce((n, c) => n + c.customers, 0)).toBe(3);
  });
});

describe('repeatRate', () => {
  const cs = [customer('a'), customer('b'), customer('c')];
  const bought = { amount: 10_000 };
  const deals = pack(cs, [
    deal('a', { ...bought, closeDate: '2025-01-05' }),
    deal('a', { ...bought, closeDate: '2025-02-10' }),
    deal('b', { ...bought, closeDate: '2025-02-03' }),
    deal('b', { ...bought, closeDate: '2025-02-03' }),
    deal('c', { ...bought, closeDate: '2024-06-01' }),
    deal('c', { ...bought, closeDate: '2025-02-20', stage: 'lost' }),
  ]);

  it('the JSDoc example, by order: a buys in January and February, b twice on one February day', () => {
    const r = repeatRate(deals, all(3), periodOf({ from: '2025-01-01', to: '' }), 3);
    // Two orders on one day are two purchases: b is a repeat buyer of the period as well as a.
    expect([r.buyers, r.repeatBuyers, r.rate]).toEqual([2, 2, 1]);
    expect(r.months.map((m) => [m.month, m.buyers, m.repeatBuyers, m.rate])).toEqual([
      ['2025-01', 1, 0, 0],
      ['2025-02', 2, 1, 0.5],
    ]);
    expect(ids(cs, r.months[1]!.members)).toEqual(['a']);
  });

  it('a return is never a purchase, and a won deal of 0 is not one either', () => {
    const withReturns = pack(cs, [
      deal('a', { ...bought, closeDate: '2025-01-05' }),
      deal('a', { amount: -10_000, closeDate: '2025-01-20' }),
      deal('b', { amount: -5_000, closeDate: '2025-02-03' }),
      deal('c', { amount: 0, closeDate: '2025-02-03' }),
    ]);
    const r = repeatRate(withReturns, all(3), periodOf({ from: '2025-01-01', to: '' }), 3);
    expect([r.buyers, r.repeatBuyers]).toEqual([1, 0]);
    expect(r.months.map((m) => [m.month, m.buyers])).toEqual([['2025-01', 1]]);
  });

  it('a purchase before the period still makes a later buyer a repeat buyer', () => {
    const withC = pack(cs, [
      deal('c', { ...bought, closeDate: '2024-06-01' }),
      deal('c', { ...bought, closeDate: '2025-03-01' }),
    ]);
    const r = repeatRate(withC, all(3), periodOf({ from: '2025-01-01', to: '' }), 3);
    expect(r.months.map((m) => [m.month, m.repeatBuyers])).toEqual([['2025-03', 1]]);
    // Within the period c bought on one day only.
    expect(r.repeatBuyers).toBe(0);
  });
});

describe('lifecycleFunnel', () => {
  it('counts customers per stage in funnel order', () => {
    const cs = [
      customer('a', { lifecycle: 'new' }),
      customer('b', { lifecycle: 'mature' }),
      customer('c', { lifecycle: 'mature' }),
      customer('d', { lifecycle: 'lost' }),
      customer('e', { lifecycle: '' }),
    ];
    expect(lifecycleFunnel(cs, all(cs.length)).map((s) => [s.stage, s.customers])).toEqual([
      ['prospect', 0],
      ['new', 1],
      ['growing', 0],
      ['mature', 2],
      ['declining', 0],
      ['lost', 1],
    ]);
  });
});

describe('atRiskList', () => {
  it.each([
    ['A declining', { tier: 'A', lifecycle: 'declining' }, 'lifecycle'],
    ['B lost', { tier: 'B', lifecycle: 'lost' }, 'lifecycle'],
    ['A mature, P(alive) 0.42', { tier: 'A', lifecycle: 'mature', pAlive: 0.42 }, 'p-alive'],
    ['B mature, P(alive) 0.5', { tier: 'B', lifecycle: 'mature', pAlive: 0.5 }, null],
    ['C lost', { tier: 'C', lifecycle: 'lost' }, null],
    ['no metrics', { tier: '', lifecycle: '' }, null],
  ] as const)('%s', (_name, fields, reason) => {
    const list = atRiskList([customer('x', fields)], all(1));
    expect(list.reasons).toEqual(reason === null ? [] : [reason]);
  });

  it('puts the most valuable first', () => {
    const cs = [
      customer('small', { tier: 'B', lifecycle: 'mature', pAlive: 0.3, contemporaryValue: 400 }),
      customer('big', { tier: 'A', lifecycle: 'declining', contemporaryValue: 900 }),
      customer('safe', { tier: 'C', lifecycle: 'lost' }),
    ];
    const list = atRiskList(cs, all(3));
    expect(ids(cs, list.members)).toEqual(['big', 'small']);
    expect(list.reasons).toEqual(['lifecycle', 'p-alive']);
    expect(list.value).toBe(1300);
  });
});
