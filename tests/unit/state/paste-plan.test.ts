import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../../../src/domain/cell-values';
import { claimedCodes, planPaste, refuseTakenCodes, type PasteColumn } from '../../../src/state/paste-plan';
import { SHEET_COLUMNS, cellKindOf, type FieldColumn } from '../../../src/state/sheet-columns';
import { LinkIndex } from '../../../src/state/link-index';

const customers = new LinkIndex([
  { id: 'c1', code: 'C0001', name: '杭州瑞丰' },
  { id: 'c2', code: 'C0002', name: 'Acme' },
]);
const links = { customer: customers.resolve, productLine: new LinkIndex([]).resolve };
const parse = (spec: FieldColumn, text: string) => parseCellValue(cellKindOf(spec, 'en', links), text);
const col = (table: keyof typeof SHEET_COLUMNS, field: string, header = field): PasteColumn => ({
  spec: SHEET_COLUMNS[table].find((c) => c.field === field) ?? null,
  header,
});

describe('planPaste', () => {
  const customerCols = [
    col('customers', 'name', 'Name'),
    col('customers', 'code', 'Code'),
    col('customers', 'walletEstimate', 'Wallet'),
  ];

  it('fills existing rows first, then adds new rows', () => {
    const plan = planPaste(
      'customers',
      [
        ['A', 'C1', '10'],
        ['B', 'C2', ''],
        ['C', 'C3', '1,000.5'],
      ],
      customerCols,
      [{ id: 'r1', number: 4, fields: { name: 'Old', code: 'C1', walletEstimate: null } }],
      5,
      parse,
    );
    expect(plan.issues).toEqual([]);
    expect(plan.updates).toEqual([
      { id: 'r1', patch: { name: 'A', walletEstimate: 1000 }, before: { name: 'Old', walletEstimate: null } },
    ]);
    expect(plan.creates).toEqual([
      { name: 'B', code: 'C2' },
      { name: 'C', code: 'C3', walletEstimate: 100050 },
    ]);
  });

  it('reports bad cells by row, column and reason, and keeps the good cells of the row', () => {
    const plan = planPaste(
      'customers',
      [
        ['Good', 'C9', 'abc'],
        ['', 'C10', '5'],
      ],
      customerCols,
      [],
      7,
      parse,
    );
    expect(plan.creates).toEqual([{ name: 'Good', code: 'C9' }]);
    expect(plan.issues).toEqual([
      { row: 7, column: 'Wallet', value: 'abc', code: 'bad-number', severity: 'error' },
      { row: 8, column: 'Name', value: '', code: 'missing-row', severity: 'error', fields: 'Name' },
    ]);
  });

  it('drops a header row, skips blank rows and ignores cells past the last column', () => {
    const plan = planPaste(
      'customers',
      [
        ['Name', 'Code'],
        ['A', 'C1', '1', 'extra'],
        ['', '', ''],
      ],
      customerCols,
      [],
      1,
      parse,
    );
    expect(plan.creates).toEqual([{ name: 'A', code: 'C1', walletEstimate: 100 }]);
    expect(plan.issues).toEqual([]);
  });

  it('refuses text pasted into a computed column', () => {
    const plan = planPaste(
      'customers',
      [['A', 'x']],
      [col('customers', 'name'), { spec: null, header: 'Tier' }],
      [],
      1,
      parse,
    );
    expect(plan.creates).toEqual([{ name: 'A' }]);
    expect(plan.issues).toMatchObject([{ column: 'Tier', code: 'read-only' }]);
  });

  it('resolves a deal customer by code or name, and refuses a new deal without one', () => {
    const dealCols = [
      col('deals', 'customerId', 'Customer'),
      col('deals', 'amount', 'Amount'),
      col('deals', 'stage', 'Stage'),
    ];
    const plan = planPaste(
      'deals',
      [
        ['C0002', '100', 'Won'],
        ['杭州瑞丰', '5', 'need'],
        ['Nobody', '1', 'won'],
      ],
      dealCols,
      [],
      1,
      parse,
    );
    expect(plan.creates).toEqual([
      { customerId: 'c2', amount: 10000, stage: 'won' },
      { customerId: 'c1', amount: 500, stage: 'need' },
    ]);
    expect(plan.issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'no-match'],
      [3, 'missing-row'],
    ]);
  });

  it('keeps a warning (USCC check character) and still writes the value', () => {
    const plan = planPaste(
      'customers',
      [['91350100M000100Y44']],
      [col('customers', 'taxId', 'Tax ID')],
      [{ id: 'r', number: 1, fields: { taxId: '' } }],
      2,
      parse,
    );
    expect(plan.updates).toEqual([
      { id: 'r', patch: { taxId: '91350100M000100Y44' }, before: { taxId: '' } },
    ]);
    expect(plan.issues).toMatchObject([{ code: 'uscc-check', severity: 'warning' }]);
  });
});

describe('refuseTakenCodes', () => {
  const cols = [col('customers', 'name', 'Name'), col('customers', 'code', 'Code')];
  const rows = [{ id: 'r1', number: 2, fields: { name: '华成电子', code: 'C1' } }];
  const rowOf = (id: string) => ({ number: rows.find((r) => r.id === id)?.number ?? 0, name: '华成电子' });

  it('lists the codes given and the rows giving theirs up', () => {
    const plan = planPaste(
      'customers',
      [
        ['华成', 'C5'],
        ['新客户', 'C6'],
      ],
      cols,
      rows,
      3,
      parse,
    );
    expect(claimedCodes(plan)).toEqual({ codes: ['C5', 'C6'], exceptIds: ['r1'] });
  });

  it('refuses a code a stored customer holds or an earlier pasted row took, naming that row', () => {
    const plan = planPaste(
      'customers',
      [
        ['华成 2', 'ｃ0001 '],
        ['新客户甲', 'C7'],
        ['新客户乙', 'c7'],
        ['新客户丙', 'C8'],
      ],
      cols,
      rows,
      3,
      parse,
    );
    const owners = new Map([['c0001', 'C0001 · 杭州瑞丰']]);
    const checked = refuseTakenCodes(plan, owners, 'Code', rowOf);
    // The changed row keeps its stored code; its name is still written.
    expect(checked.updates).toEqual([{ id: 'r1', patch: { name: '华成 2' }, before: { name: '华成电子' } }]);
    expect(checked.creates).toEqual([
      { name: '新客户甲', code: 'C7' },
      { name: '新客户丙', code: 'C8' },
    ]);
    expect(checked.createRows).toEqual([3, 5]);
    expect(checked.issues).toEqual([
      {
        row: 2,
        column: 'Code',
        value: 'ｃ0001',
        code: 'duplicate-code',
        severity: 'error',
        other: 'C0001 · 杭州瑞丰',
      },
      {
        row: 4,
        column: 'Code',
        value: 'c7',
        code: 'duplicate-code',
        severity: 'error',
        other: 'C7 · 新客户甲',
      },
    ]);
  });
});
