import { describe, expect, it } from 'vitest';
import { customerMask, filterOptions, periodOf } from '../../../../src/domain/dashboards/filters';
import { monthLabel, monthOf } from '../../../../src/domain/dashboards/inputs';
import { pipelineByStage } from '../../../../src/domain/dashboards/pipeline';
import { ageingBand, receivablesAgeing } from '../../../../src/domain/dashboards/receivables';
import { wonLostByMonth } from '../../../../src/domain/dashboards/won-lost';
import { all, customer, deal, ids, pack } from './fixtures';

describe('pipelineByStage', () => {
  it('counts open deals and weights the amount by the stage probability (the JSDoc example)', () => {
    const cs = [customer('a'), customer('b')];
    const deals = pack(cs, [
      deal('a', { stage: 'intent', openDate: '2025-01-01', amount: 100_000 }),
      deal('b', { stage: 'intent', openDate: '2025-02-01', amount: 50_000 }),
      deal('b', { stage: 'need', openDate: '2025-02-01', amount: 10_000 }),
      deal('a', { stage: 'won', openDate: '2025-02-01', amount: 7 }),
    ]);
    const rows = pipelineByStage(deals, all(2), periodOf({ from: '', to: '' }));
    expect(rows.map((r) => [r.stage, r.deals, r.amount, r.weighted])).toEqual([
      ['need', 1, 10_000, 1_000],
      ['contacted', 0, 0, 0],
      ['intent', 2, 150_000, 60_000],
      ['negotiation', 0, 0, 0],
    ]);
    expect(ids(cs, rows[2]!.members).sort()).toEqual(['a', 'b']);
    // The period selects open deals by their open date.
    const feb = pipelineByStage(deals, all(2), periodOf({ from: '2025-02-01', to: '' }));
    expect(feb[2]!.amount).toBe(50_000);
  });
});

describe('wonLostByMonth', () => {
  it('counts won and lost deals per close month (the JSDoc example)', () => {
    const cs = [customer('a'), customer('b')];
    const deals = pack(cs, [
      deal('a', { closeDate: '2025-01-03', amount: 100 }),
      deal('b', { closeDate: '2025-01-09', amount: 40 }),
      deal('b', { closeDate: '2025-01-30', amount: 300, stage: 'lost' }),
      deal('a', { closeDate: '2025-01-30', amount: 300, stage: 'negotiation' }),
    ]);
    const [jan] = wonLostByMonth(deals, all(2), periodOf({ from: '', to: '' }));
    expect(jan).toMatchObject({ month: '2025-01', won: 2, wonAmount: 140, lost: 1, lostAmount: 300 });
    expect(jan!.winRate).toBeCloseTo(2 / 3, 12);
    expect(ids(cs, jan!.lostMembers.members)).toEqual(['b']);
  });
});

describe('receivables ageing', () => {
  it.each([
    [-5, 'current'],
    [0, 'current'],
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-90'],
    [90, '31-90'],
    [91, '91-180'],
    [180, '91-180'],
    [181, '180+'],
  ] as const)('%i days overdue → %s', (days, band) => {
    expect(ageingBand(days)).toBe(band);
  });

  it('ages the unpaid part of won deals to today (the JSDoc example)', () => {
    const cs = [customer('a'), customer('b')];
    const deals = pack(cs, [
      deal('a', { amount: 150, paidAmount: 50, dueDate: '2025-07-10', closeDate: '2025-06-01' }),
      deal('a', { amount: 50, dueDate: '2025-06-01', closeDate: '2025-05-01' }),
      deal('b', { amount: 80, dueDate: '2024-12-01', closeDate: '2024-11-01' }),
      deal('b', { amount: 80, paidAmount: 80, dueDate: '2024-12-01', closeDate: '2024-11-01' }),
      deal('b', { amount: 20, closeDate: '2025-06-01' }),
      deal('b', { amount: 20, stage: 'lost', dueDate: '2024-01-01', closeDate: '2024-01-01' }),
    ]);
    const rows = receivablesAgeing(deals, all(2), periodOf({ from: '', to: '' }), '2025-06-30');
    expect(rows.map((r) => [r.band, r.deals, r.unpaid])).toEqual([
      ['current', 2, 120],
      ['1-30', 1, 50],
      ['31-90', 0, 0],
      ['91-180', 0, 0],
      ['180+', 1, 80],
    ]);
    expect(ids(cs, rows[4]!.members)).toEqual(['b']);
  });
});

describe('filters', () => {
  const cs = [
    customer('a', { owner: 'Li', region: 'East', industry: 'Retail', tier: 'A' }),
    customer('b', { owner: 'Wang', region: 'East', industry: 'Trade', tier: 'B' }),
    customer('c', { owner: 'Li', region: 'West', industry: '', tier: 'A' }),
  ];
  it.each([
    [{}, [1, 1, 1]],
    [{ owner: 'Li' }, [1, 0, 1]],
    [{ region: 'East' }, [1, 1, 0]],
    [{ industry: 'Trade' }, [0, 1, 0]],
    [{ tier: 'A' as const }, [1, 0, 1]],
    [{ owner: 'Li', region: 'West' }, [0, 0, 1]],
  ])('%o selects %o', (f, expected) => {
    const filters = { from: '', to: '', owner: '', region: '', industry: '', tier: '' as const, ...f };
    expect([...customerMask(cs, filters)]).toEqual(expected);
  });

  it('offers the distinct non-empty values, sorted', () => {
    expect(filterOptions(cs)).toEqual({
      owners: ['Li', 'Wang'],
      regions: ['East', 'West'],
      industries: ['Retail', 'Trade'],
    });
  });

  it('lists Chinese owners, regions and industries in pinyin order', () => {
    const cs = [
      customer('a', { owner: '王芳', region: '华南', industry: '制造业' }),
      customer('b', { owner: '李娜', region: '华北', industry: '批发零售' }),
      customer('c', { owner: '张伟', region: '东北', industry: '信息技术' }),
    ];
    expect(filterOptions(cs)).toEqual({
      owners: ['李娜', '王芳', '张伟'],
      regions: ['东北', '华北', '华南'],
      industries: ['批发零售', '信息技术', '制造业'],
    });
  });

  it('an open end of the period is unbounded', () => {
    expect(periodOf({ from: '', to: '' })).toEqual({ fromDay: -Infinity, toDay: Infinity });
  });

  it.each([
    ['2025-03-09', 24302, '2025-03'],
    ['2024-12-31', 24299, '2024-12'],
    ['', -1, null],
  ])('month of %s', (iso, month, label) => {
    expect(monthOf(iso)).toBe(month);
    if (label) expect(monthLabel(month)).toBe(label);
  });
});
