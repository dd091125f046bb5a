import { describe, expect, it } from 'vitest';
import { tableCsv } from '../../../src/domain/csv/export-rows';
import { emptyFields } from '../../../src/domain/defaults';
import type { Customer, CustomerMetrics } from '../../../src/domain/types';
import { computedExportColumns, metricCell } from '../../../src/ui/grid/column-defs';
import { CUSTOMER_METRIC_COLUMNS } from '../../../src/state/sheet-columns';

const column = (id: string) => CUSTOMER_METRIC_COLUMNS.find((c) => c.id === id)!;

describe('metricCell', () => {
  it('writes money with two decimals, shares in percent and labels in the UI language', () => {
    expect(metricCell(column('m.potentialValue'), 1_234_567)).toEqual({ number: '12345.67' });
    expect(metricCell(column('m.contemporaryValue'), -5)).toEqual({ number: '-0.05' });
    expect(metricCell(column('m.pAlive'), 0.87654)).toEqual({ number: '87.65' });
    expect(metricCell(column('m.loyaltyIndex'), 61.23456)).toEqual({ number: '61.2346' });
    expect(metricCell(column('m.tier'), 'A')).toBe('A');
    expect(metricCell(column('m.lifecycle'), 'growing')).toBe('Growing');
  });

  it('leaves a missing value empty', () => {
    expect(metricCell(column('m.pAlive'), null)).toBe('');
    expect(metricCell(column('m.tier'), '')).toBe('');
  });
});

describe('computedExportColumns', () => {
  it('keeps the computed columns among the shown ones, in their order, after the stored columns', () => {
    const metrics = new Map([
      ['c1', { customerId: 'c1', tier: 'B', pAlive: 0.5 } as unknown as CustomerMetrics],
    ]);
    const computed = computedExportColumns(['name', 'm.pAlive', 'code', 'm.tier'], metrics);
    expect(computed.map((c) => c.header)).toEqual(['P(alive) (%)', 'Tier']);
    const customer = (id: string, name: string) =>
      ({ ...emptyFields('customers'), id, name }) as unknown as Customer;
    const lookups = { customers: new Map(), productLines: new Map<string, string>() };
    const { csv } = tableCsv(
      'customers',
      [customer('c1', 'Acme'), customer('c2', 'No metrics yet')],
      lookups,
      'en',
      ['name'],
      computed as never,
    );
    expect(csv).toBe('Name,P(alive) (%),Tier\r\nAcme,50,B\r\nNo metrics yet,,\r\n');
  });
});
