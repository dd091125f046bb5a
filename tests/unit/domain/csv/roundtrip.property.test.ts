import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../../../../src/domain/csv/encoding';
import { createRowConverter } from '../../../../src/domain/csv/convert';
import {
  exportCells,
  exportColumns,
  exportHeader,
  type ExportLookups,
} from '../../../../src/domain/csv/export-rows';
import { readCsv } from '../../../../src/domain/csv/inspect';
import { writeCsv } from '../../../../src/domain/csv/write';
import { emptyFields } from '../../../../src/domain/defaults';
import { LOYALTY_TYPES, RELATIONSHIP_TYPES, type Customer } from '../../../../src/domain/types';

/** Text full of what breaks CSV: CJK, emoji, quotes, delimiters, newlines, formula triggers. */
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
);
const text = (max: number) => fc.array(nasty, { maxLength: max }).map((parts) => parts.join(''));
const money = fc.integer({ min: 0, max: 1e13 });

const customer = fc.record({
  code: text(12),
  name: text(12).filter((s) => s.trim() !== ''),
  taxId: text(10),
  licenceNo: text(10),
  contactName: text(8),
  phone: fc.constantFrom('', '13800138000', '+86 (755) 8888-6666 ext 12', '-1 555 0100'),
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
            exportCells<'customers'>(columns, { ...f } as unknown as Customer, lookups),
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
