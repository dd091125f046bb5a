import { describe, expect, it } from 'vitest';
import type { BaseTableName } from '../../../src/domain/types';
import { fieldCellClasses, type SheetContext, type SheetRow } from '../../../src/ui/grid/column-defs';
import { SHEET_COLUMNS, type FieldColumn } from '../../../src/state/sheet-columns';

const spec = (table: BaseTableName, field: string): FieldColumn => {
  const found = SHEET_COLUMNS[table].find((c) => c.field === field);
  if (!found) throw new Error(`no column ${field}`);
  return found;
};

function context(marks: [string, 'error' | 'warning'][] = [], drafts: string[] = []): SheetContext {
  const shown = new Map(marks.map(([key, severity]) => [key, { severity, message: `${severity} here` }]));
  return { model: { marks: shown }, drafts: new Set(drafts) } as unknown as SheetContext;
}

describe('fieldCellClasses', () => {
  const row: SheetRow = { id: 'c1', name: 'Acme', taxId: '' };

  it('gives an ordinary cell no class', () => {
    expect(fieldCellClasses(spec('customers', 'name'), 'customers', row, context())).toEqual([]);
    expect(fieldCellClasses(spec('customers', 'name'), 'customers', undefined, context())).toEqual([]);
  });

  it('marks a refused entry and a warning on that cell only', () => {
    const ctx = context([
      ['c1|walletEstimate', 'error'],
      ['c1|email', 'warning'],
    ]);
    expect(fieldCellClasses(spec('customers', 'walletEstimate'), 'customers', row, ctx)).toEqual([
      'kehu-invalid',
    ]);
    expect(fieldCellClasses(spec('customers', 'email'), 'customers', row, ctx)).toEqual(['kehu-warning']);
    expect(fieldCellClasses(spec('customers', 'phone'), 'customers', row, ctx)).toEqual([]);
    const other: SheetRow = { id: 'c2', name: 'Other' };
    expect(fieldCellClasses(spec('customers', 'walletEstimate'), 'customers', other, ctx)).toEqual([]);
  });

  it('warns on a customer tax id with a wrong check character', () => {
    const wrong: SheetRow = { id: 'c3', name: 'Check Co', taxId: '91350100M000100Y44' };
    expect(fieldCellClasses(spec('customers', 'taxId'), 'customers', wrong, context())).toEqual([
      'kehu-warning',
    ]);
    expect(fieldCellClasses(spec('customers', 'taxId'), 'customers', row, context())).toEqual([]);
  });

  it('marks the required fields of a draft row, and not those of a stored row', () => {
    const draft: SheetRow = { id: 'draft:1', name: '' };
    const ctx = context([], ['draft:1']);
    expect(fieldCellClasses(spec('customers', 'name'), 'customers', draft, ctx)).toEqual(['kehu-required']);
    expect(fieldCellClasses(spec('customers', 'phone'), 'customers', draft, ctx)).toEqual([]);
    expect(fieldCellClasses(spec('customers', 'name'), 'customers', row, ctx)).toEqual([]);
    expect(fieldCellClasses(spec('deals', 'customerId'), 'deals', draft, ctx)).toEqual(['kehu-required']);
  });
});
