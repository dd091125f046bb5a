import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../../../../src/domain/csv/encoding';
import { createRowConverter } from '../../../../src/domain/csv/convert';
import {
  exportCells,
  exportColumns,
  exportHeader,
  tableCsv,
  type ExportLookups,
} from '../../../../src/domain/csv/export-rows';
import {
  emptyKeyIndex,
  indexKey,
  resolveCustomer,
  type CustomerLinkIndex,
} from '../../../../src/domain/csv/plan';
import { readCsv } from '../../../../src/domain/csv/inspect';
import { writeCsv } from '../../../../src/domain/csv/write';
import { emptyFields } from '../../../../src/domain/defaults';
import {
  DEAL_STAGES,
  LOYALTY_TYPES,
  RELATIONSHIP_TYPES,
  type Customer,
  type Deal,
  type ProductLine,
} from '../../../../src/domain/types';

/**
 * Text full of what breaks CSV or a spreadsheet: CJK, emoji, quotes, delimiters, newlines, formula
 * triggers (ASCII and full-width, behind blanks), digits and number punctuation that Excel reads as
 * numbers and dates. No zero-width or direction marks: the app never stores them (`stripInvisible`
 * drops them from every typed, pasted or imported text cell), so they cannot be in an export; the
 * guard's handling of them is tested in write.test.ts.
 */
const nasty = fc.constantFrom(
  '客',
  '戶',
  '🙂',
  '👨‍👩‍👧',
  '"',
  ',',
  ';',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '=',
  '+',
  '-',
  '@',
  "'",
  ' ',
  'a',
  'Z',
  '0',
  '.',
  '、',
  '\u00a0',
  '\u3000',
  '＝',
  '＋',
  '－',
  '＠',
  '1',
  '9',
  'E',
  '/',
  ':',
  '%',
  '(',
);
const text = (max: number) => fc.array(nasty, { maxLength: max }).map((parts) => parts.join(''));
/** Identifiers as they come: long digit strings, leading zeros, +86, dates and exponents in disguise. */
const identifier = fc.oneof(
  text(12),
  fc.constantFrom('914501031896228492', '00123', '0771-5551234', '+86 138 0013 8000', '1E5', '3-4', '1/2'),
  fc.stringMatching(/^[0-9+() -]{1,20}$/),
);
const money = fc.integer({ min: 0, max: 1e13 });

const customer = fc.record({
  code: identifier,
  name: text(12).filter((s) => s.trim() !== ''),
  taxId: identifier,
  licenceNo: identifier,
  contactName: text(8),
  phone: fc.constantFrom(
    '',
    '13800138000',
    '+86 (755) 8888-6666 ext 12',
    '-1 555 0100',
    '0771-5551234',
    '+86 138 0013 8000',
    '+8613800138000',
  ),
  email: fc.constantFrom('', 'a@b.cn', '=x@evil.com'),
  address: text(20),
  region: text(5),
  industry: text(5),
  owner: text(5),
  relationshipType: fc.constantFrom('' as const, ...RELATIONSHIP_TYPES),
  walletEstimate: fc.option(money, { nil: null }),
  doNotContact: fc.boolean(),
  loyaltyTypes: fc.subarray([...LOYALTY_TYPES]),
  strategicImportance: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  notes: text(40),
});

const lookups: ExportLookups = { customers: new Map(), productLines: new Map() };

describe('CSV export → import is the identity', () => {
  it('for random customers, in every header language', () => {
    fc.assert(
      fc.property(
        fc.array(customer, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('en', 'zh-CN', 'zh-TW', 'keys'),
        (fieldsList, language) => {
          const columns = exportColumns('customers');
          const rows = fieldsList.map((f) =>
            exportCells('customers', columns, { ...f } as unknown as Customer, lookups, language),
          );
          const bytes = encodeUtf8(writeCsv(exportHeader(columns, language), rows), true);
          const { inspection, records } = readCsv(bytes, 'customers');
          expect(inspection.delimiter).toBe(',');
          const convert = createRowConverter({
            table: 'customers',
            columns: inspection.columns,
            mapping: inspection.mapping,
            decimalComma: false,
            dateOrders: inspection.dateOrders,
          });
          const back = records.map((r, i) => convert(r, i + 2));
          expect(back.flatMap((r) => r.problems.filter((p) => p.severity === 'error'))).toEqual([]);
          expect(back.map((r) => r.fields)).toEqual(
            fieldsList.map((f) => ({ ...emptyFields('customers'), ...f })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const deal = fc.record({
  code: identifier,
  customer: fc.integer({ min: 0, max: 2 }),
  title: text(10),
  stage: fc.constantFrom(...DEAL_STAGES),
  openDate: fc.oneof(fc.constant(''), isoDate),
  closeDate: fc.oneof(fc.constant(''), isoDate),
  amount: money,
  cost: money,
  serviceCost: money,
  discount: money,
  paidAmount: money,
  dueDate: fc.oneof(fc.constant(''), isoDate),
  deliveryDate: fc.oneof(fc.constant(''), isoDate),
  owner: text(5),
  notes: text(30),
});

describe('CSV export → import is the identity for deals', () => {
  const owners = [
    { id: 'c0', code: 'C0', name: '="客户"' },
    { id: 'c1', code: '', name: 'Only "name", no code 🙂' },
    { id: 'c2', code: 'C2', name: '客户\n二' },
  ];
  const linkIndex: CustomerLinkIndex = { byCode: emptyKeyIndex(), byName: emptyKeyIndex() };
  for (const c of owners) {
    indexKey(linkIndex.byCode, c.code, c.id);
    indexKey(linkIndex.byName, c.name, c.id);
  }
  const dealLookups: ExportLookups = {
    customers: new Map(owners.map((c) => [c.id, { code: c.code, name: c.name }])),
    productLines: new Map(),
  };

  it('with the customer written as code and name and found again', () => {
    fc.assert(
      fc.property(
        fc.array(deal, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('en', 'zh-CN', 'zh-TW', 'keys'),
        (list, language) => {
          const deals = list.map(({ customer, ...rest }) => ({
            ...emptyFields('deals'),
            ...rest,
            customerId: owners[customer]?.id ?? '',
          }));
          const { csv } = tableCsv('deals', deals as unknown as Deal[], dealLookups, language);
          const { inspection, records } = readCsv(encodeUtf8(csv, true), 'deals');
          const convert = createRowConverter({ ...inspection, table: 'deals', decimalComma: false });
          const back = records.map((r, i) => convert(r, i + 2));
          expect(back.flatMap((r) => r.problems.filter((p) => p.severity === 'error'))).toEqual([]);
          expect(
            back.map((r) => ({
              ...emptyFields('deals'),
              ...r.fields,
              customerId: resolveCustomer(linkIndex, r.links),
            })),
          ).toEqual(deals);
        },
      ),
      { numRuns: 200 },
    );
  });
});

const productLine = fc.record({
  code: identifier,
  name: text(10),
  marketSize: fc.option(money, { nil: null }),
  marketSizeBase: fc.option(money, { nil: null }),
  largestCompetitorSales: fc.option(money, { nil: null }),
  // A percent with up to two decimals, or none (use the ratio in Settings).
  costRatio: fc.option(
    fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
    { nil: null },
  ),
  notes: text(20),
});

describe('CSV export → import is the identity for product lines', () => {
  it('with the cost ratio as a percent', () => {
    fc.assert(
      fc.property(
        fc.array(productLine, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('en', 'zh-CN', 'zh-TW', 'keys'),
        (list, language) => {
          const lines = list.map((f) => ({ ...emptyFields('productLines'), ...f }));
          const { csv } = tableCsv('productLines', lines as unknown as ProductLine[], lookups, language);
          const { inspection, records } = readCsv(encodeUtf8(csv, true), 'productLines');
          const convert = createRowConverter({ ...inspection, table: 'productLines', decimalComma: false });
          const back = records.map((r, i) => convert(r, i + 2));
          expect(back.flatMap((r) => r.problems.filter((p) => p.severity === 'error'))).toEqual([]);
          expect(back.map((r) => ({ ...emptyFields('productLines'), ...r.fields }))).toEqual(lines);
        },
      ),
      { numRuns: 200 },
    );
  });
});
