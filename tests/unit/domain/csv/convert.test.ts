import { describe, expect, it } from 'vitest';
import { createRowConverter, type ConvertOptions } from '../../../../src/domain/csv/convert';
import { readCsv } from '../../../../src/domain/csv/inspect';
import { fixtureBytes } from './helpers';

const CUSTOMERS = [
  {
    code: 'C001',
    name: '深圳市华强电子有限公司',
    taxId: '9144030071526726XG',
    contactName: '李伟',
    phone: '13800138000',
    email: 'li.wei@huaqiang.example.cn',
    region: '华南',
    walletEstimate: 250000000,
    notes: '年框客户',
  },
  {
    code: 'C002',
    name: '杭州西湖茶业有限公司',
    taxId: '',
    contactName: '王芳',
    phone: '0571-8888 6666',
    email: '',
    region: '华东',
    walletEstimate: null,
    notes: '',
  },
  {
    code: 'C003',
    name: 'Acme Trading Ltd',
    taxId: '',
    contactName: 'John Smith',
    phone: '+1 555 0100',
    email: 'john@acme.example.com',
    region: '海外',
    walletEstimate: 12000050,
    notes: 'USD account',
  },
];

function importFixture(file: string, table: ConvertOptions['table'], extra: Partial<ConvertOptions> = {}) {
  const { inspection, records } = readCsv(fixtureBytes(file), table);
  const convert = createRowConverter({
    table,
    columns: inspection.columns,
    mapping: inspection.mapping,
    decimalComma: false,
    dateOrders: inspection.dateOrders,
    ...extra,
  });
  return { inspection, rows: records.map((r, i) => convert(r, i + 2)) };
}

describe('customer fixtures import to the same rows', () => {
  it.each(['utf8.csv', 'utf8-bom.csv', 'gb18030.csv', 'utf16le.csv'])('%s', (file) => {
    const { rows } = importFixture(file, 'customers');
    expect(rows.map((r) => r.problems)).toEqual([[], [], []]);
    expect(rows.map((r) => r.fields)).toEqual(CUSTOMERS);
  });
});

describe('deal fixtures', () => {
  it('semicolons, decimal comma and day-first dates', () => {
    const { inspection, rows } = importFixture('semicolon-decimal-comma.csv', 'deals', {
      decimalComma: true,
    });
    expect(inspection.delimiter).toBe(';');
    expect(inspection.dateOrders).toEqual({ 3: 'dmy' });
    expect(rows.map((r) => r.problems)).toEqual([[], [], []]);
    expect(
      rows.map((r) => [
        r.fields.code,
        r.links.customerCode,
        r.fields.stage,
        r.fields.closeDate,
        r.fields.amount,
        r.fields.cost,
      ]),
    ).toEqual([
      ['D001', 'C001', 'won', '2024-01-05', 123456, 80000],
      ['D002', 'C002', 'lost', '2024-02-25', 9990, 0],
      ['D003', 'C003', 'won', '2024-03-13', 1200000, 1000010],
    ]);
  });

  it('Excel serial and Chinese dates, ￥, 万 and accounting negatives (GBK)', () => {
    const { inspection, rows } = importFixture('excel-serial-dates.csv', 'deals');
    expect(inspection.encoding).toBe('gb18030');
    expect(rows[0]?.fields).toMatchObject({
      code: 'S001',
      stage: 'won',
      closeDate: '2024-01-05',
      dueDate: '2024-02-04',
      amount: 123450,
    });
    expect(rows[0]?.links).toEqual({ customerName: '深圳市华强电子有限公司' });
    expect(rows[1]?.fields).toMatchObject({
      closeDate: '2024-03-01',
      dueDate: '2024-03-31',
      amount: 1200000,
    });
    // An accounting negative is read as a negative amount: a return / credit note, which the same
    // validation as a hand edit accepts.
    expect(rows[2]?.fields).toMatchObject({
      stage: 'negotiation',
      closeDate: '2024-01-05',
      dueDate: '',
      amount: -30000,
    });
    expect(rows[2]?.problems).toEqual([]);
  });

  it('bad rows are reported with row, column, value and reason', () => {
    const { rows } = importFixture('bad-rows.csv', 'deals');
    expect(rows.filter((r) => r.rejected).flatMap((r) => r.problems)).toEqual([
      { row: 3, column: '金额', value: '十块钱', reason: 'bad-number', severity: 'error' },
      { row: 4, column: '下单日期', value: '2024-02-30', reason: 'bad-date', severity: 'error' },
      { row: 5, column: '阶段', value: '飞了', reason: 'bad-choice', severity: 'error' },
    ]);
    expect(rows.filter((r) => !r.rejected).map((r) => r.fields.code)).toEqual(['B001', 'B005']);
    expect(rows[4]?.fields.amount).toBe(7050);
  });

  it('quoted newlines and guarded formulas', () => {
    const { rows } = importFixture('quoted-newlines.csv', 'customers');
    expect(rows.map((r) => r.fields.notes)).toEqual([
      '第一行\r\n第二行，含逗号, and "引号"',
      'a\nb\n\nc',
      '=HYPERLINK("http://x")',
    ]);
    expect(rows[1]?.fields.name).toBe('Line "Two" Co.');
  });
});

describe('row converter', () => {
  const convert = createRowConverter({
    table: 'deals',
    columns: ['单号', '日期', '金额', '评分'],
    mapping: ['code', 'closeDate', 'amount', ''],
    decimalComma: false,
    dateOrders: { 1: 'ambiguous' },
  });

  it('asks for a date order when a date cannot be read without one', () => {
    expect(convert(['D1', '5/1/2024', '1'], 7).problems).toEqual([
      { row: 7, column: '日期', value: '5/1/2024', reason: 'ambiguous-date', severity: 'error' },
    ]);
  });

  it('rejects cells beyond the header, ignores empty ones', () => {
    expect(convert(['D1', '', '1', '', ''], 2).rejected).toBe(false);
    expect(convert(['D1', '', '1', '', 'x'], 2).problems[0]).toMatchObject({
      reason: 'extra-cells',
      column: '#5',
    });
  });

  it('keeps text exactly, with an empty money cell as 0', () => {
    expect(convert([' D 1 ', '', ''], 2).fields).toEqual({ code: ' D 1 ', closeDate: '', amount: 0 });
  });
});

describe('cells our export marked', () => {
  const options: ConvertOptions = {
    table: 'deals',
    columns: ['订单号', '金额', '下单日期', '阶段'],
    mapping: ['code', 'amount', 'closeDate', 'stage'],
    decimalComma: false,
    dateOrders: {},
  };

  it('lose the keep-as-text tab in every kind of column, and the formula guard in text', () => {
    const convert = createRowConverter(options);
    expect(convert(['\t00123', '\t12.50', '\t2024-01-05', '成交'], 2).fields).toEqual({
      code: '00123',
      amount: 1250,
      closeDate: '2024-01-05',
      stage: 'won',
    });
    expect(convert(["'=A1", '1', '', 'Won'], 3).fields).toMatchObject({ code: '=A1', stage: 'won' });
  });

  it('show a problem value without the tab', () => {
    const row = createRowConverter(options)(['D1', '\t12.505', '', '贏單'], 2);
    expect(row.problems).toEqual([
      { row: 2, column: '金额', value: '12.505', reason: 'too-many-decimals', severity: 'error' },
    ]);
  });
});

describe('a product line file with a cost ratio column', () => {
  it('reads 成本率 as percent, empty as none, and refuses a ratio over 100 naming the column', () => {
    const text = '编号,产品线名称,成本率\nP1,工业泵,55%\nP2,阀门,\nP3,配件,120\nP4,服务,四成\n';
    const { inspection, records } = readCsv(new TextEncoder().encode(text), 'productLines');
    expect(Object.values(inspection.mapping)).toContain('costRatio');
    const convert = createRowConverter({
      table: 'productLines',
      columns: inspection.columns,
      mapping: inspection.mapping,
      decimalComma: false,
      dateOrders: inspection.dateOrders,
    });
    const rows = records.map((r, i) => convert(r, i + 2));
    expect(rows.map((r) => r.fields.costRatio ?? null)).toEqual([55, null, 120, null]);
    expect(rows.map((r) => r.rejected)).toEqual([false, false, true, true]);
    expect(rows[2]!.problems).toMatchObject([{ column: '成本率', reason: 'out-of-range' }]);
    expect(rows[3]!.problems).toMatchObject([{ column: '成本率', reason: 'bad-number' }]);
  });
});
