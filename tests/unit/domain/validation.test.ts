import { describe, expect, it } from 'vitest';
import { emptyFields, fieldNames } from '../../../src/domain/defaults';
import { BASE_TABLE_NAMES, type BaseTableName } from '../../../src/domain/types';
import {
  hasErrors,
  isIsoDate,
  LONG_TEXT_MAX,
  SHORT_TEXT_MAX,
  validateFields,
  type ValidationCode,
} from '../../../src/domain/validation';

type Case = [table: BaseTableName, field: string, value: unknown, expected: ValidationCode | null];

/** Validates one field as an update, so required-field rules of create do not interfere. */
function codesOf(table: BaseTableName, field: string, value: unknown): string[] {
  return validateFields(table, { [field]: value }, 'update').map((i) => `${i.code}:${i.severity}`);
}

describe('validateFields: one field at a time', () => {
  const cases: Case[] = [
    // customer name
    ['customers', 'name', '华南贸易有限公司', null],
    ['customers', 'name', '', 'required'],
    ['customers', 'name', '   ', 'required'],
    ['customers', 'name', 42, 'bad-type'],
    ['customers', 'name', 'x'.repeat(SHORT_TEXT_MAX), null],
    ['customers', 'name', 'x'.repeat(SHORT_TEXT_MAX + 1), 'too-long'],
    ['customers', 'notes', '备'.repeat(LONG_TEXT_MAX), null],
    ['customers', 'notes', '备'.repeat(LONG_TEXT_MAX + 1), 'too-long'],
    // money
    ['deals', 'amount', 0, null],
    ['deals', 'amount', 1234567, null],
    ['deals', 'amount', 12.5, 'not-integer-money'],
    ['deals', 'amount', Number.NaN, 'not-integer-money'],
    ['deals', 'amount', Number.POSITIVE_INFINITY, 'not-integer-money'],
    // A negative amount is a return / credit note, and its cost the cost of the goods that came back;
    // every other amount stays ≥ 0.
    ['deals', 'amount', -1, null],
    ['deals', 'amount', -1234567, null],
    ['deals', 'amount', -12.5, 'not-integer-money'],
    ['deals', 'amount', -(2 ** 60), 'out-of-range'],
    ['deals', 'cost', -60000, null],
    ['deals', 'serviceCost', -1, 'negative'],
    ['deals', 'discount', -1, 'negative'],
    ['deals', 'amount', 2 ** 60, 'out-of-range'],
    ['deals', 'amount', '100', 'bad-type'],
    ['deals', 'amount', null, 'bad-type'],
    ['deals', 'paidAmount', -5, 'negative'],
    ['customers', 'walletEstimate', null, null],
    ['customers', 'walletEstimate', 500000, null],
    ['customers', 'walletEstimate', -1, 'negative'],
    ['productLines', 'marketSize', null, null],
    ['productLines', 'largestCompetitorSales', 0.1, 'not-integer-money'],
    // dates
    ['deals', 'openDate', '', null],
    ['deals', 'openDate', '2024-02-29', null],
    ['deals', 'openDate', '2023-02-29', 'bad-date'],
    ['deals', 'openDate', '2024-13-01', 'bad-date'],
    ['deals', 'openDate', '2024-04-31', 'bad-date'],
    ['deals', 'openDate', '2024-4-1', 'bad-date'],
    ['deals', 'openDate', '2024/04/01', 'bad-date'],
    ['deals', 'openDate', '2024-04-01T00:00:00Z', 'bad-date'],
    ['deals', 'openDate', 20240401, 'bad-type'],
    ['interactions', 'nextActionDue', '1900-02-29', 'bad-date'],
    ['interactions', 'nextActionDue', '2000-02-29', null],
    // email
    ['customers', 'email', '', null],
    ['customers', 'email', 'li.wei@example.cn', null],
    ['customers', 'email', 'li.wei@example', 'bad-email'],
    ['customers', 'email', 'li wei@example.cn', 'bad-email'],
    ['customers', 'email', '@example.cn', 'bad-email'],
    // phone
    ['customers', 'phone', '', null],
    ['customers', 'phone', '138 0013 8000', null],
    ['customers', 'phone', '+86 (21) 5555-1234', null],
    ['customers', 'phone', '021-5555 1234 ext. 89', null],
    ['customers', 'phone', '021-55551234ext89', null],
    ['customers', 'phone', '1234', 'bad-phone'],
    ['customers', 'phone', '12345', null],
    ['customers', 'phone', '1'.repeat(21), 'bad-phone'],
    ['customers', 'phone', 'call me', 'bad-phone'],
    ['customers', 'phone', '138-0013-8000 / 139', 'bad-phone'],
    // enums
    ['deals', 'stage', 'won', null],
    ['deals', 'stage', '', 'bad-choice'],
    ['deals', 'stage', 'Won', 'bad-choice'],
    ['deals', 'stage', 3, 'bad-type'],
    ['interactions', 'channel', 'wechat', null],
    ['interactions', 'channel', 'fax', 'bad-choice'],
    ['interactions', 'type', 'complaint', null],
    ['interactions', 'type', 'praise', 'bad-choice'],
    ['customers', 'relationshipType', '', null],
    ['customers', 'relationshipType', 'partner', null],
    ['customers', 'relationshipType', 'friend', 'bad-choice'],
    ['customers', 'loyaltyTypes', [], null],
    ['customers', 'loyaltyTypes', ['price', 'habit'], null],
    ['customers', 'loyaltyTypes', ['price', 'love'], 'bad-choice'],
    ['customers', 'loyaltyTypes', ['price', 'price'], 'bad-choice'],
    ['customers', 'loyaltyTypes', 'price', 'bad-type'],
    // ratings
    ['interactions', 'satisfaction', null, null],
    ['interactions', 'satisfaction', 1, null],
    ['interactions', 'satisfaction', 5, null],
    ['interactions', 'satisfaction', 0, 'out-of-range'],
    ['interactions', 'satisfaction', 6, 'out-of-range'],
    ['interactions', 'satisfaction', 3.5, 'out-of-range'],
    ['interactions', 'satisfaction', '4', 'bad-type'],
    ['customers', 'strategicImportance', null, null],
    ['customers', 'strategicImportance', 4, null],
    ['customers', 'strategicImportance', 9, 'out-of-range'],
    // booleans
    ['customers', 'doNotContact', true, null],
    ['customers', 'doNotContact', 'yes', 'bad-type'],
    ['interactions', 'resolved', 0, 'bad-type'],
    // references
    ['deals', 'customerId', '', 'required'],
    ['deals', 'customerId', '7d1c0a4e-1111-4a1b-9c1d-000000000001', null],
    ['interactions', 'customerId', ' ', 'required'],
    ['deals', 'productLineId', '', null],
    // GE scores
    ['productLines', 'geScores', {}, null],
    ['productLines', 'geScores', { marketSize: 4, productQuality: 2.5 }, null],
    ['productLines', 'geScores', [], 'bad-type'],
    ['productLines', 'geScores', null, 'bad-type'],
    // a product line's cost ratio, in percent
    ['productLines', 'costRatio', null, null],
    ['productLines', 'costRatio', 0, null],
    ['productLines', 'costRatio', 55.5, null],
    ['productLines', 'costRatio', 100, null],
    ['productLines', 'costRatio', 101, 'out-of-range'],
    ['productLines', 'costRatio', -1, 'out-of-range'],
    ['productLines', 'costRatio', '55', 'bad-type'],
    // unknown and metadata fields
    ['customers', 'nickname', 'x', 'bad-type'],
    ['customers', 'id', 'x', 'bad-type'],
    ['deals', 'updatedAt', 1, 'bad-type'],
    ['customers', 'deletedAt', null, 'bad-type'],
  ];

  it.each(cases)('%s.%s = %j → %s', (table, field, value, expected) => {
    expect(codesOf(table, field, value)).toEqual(expected === null ? [] : [`${expected}:error`]);
  });
});

describe('validateFields: warnings', () => {
  it.each([
    ['91350100M000100Y43', []],
    ['91350100m000100y43', []],
    ['91350100M000100Y44', ['uscc-check:warning']],
    ['91350100M00010OY43', ['uscc-format:warning']],
    ['123456789012345', []], // an older 15-digit tax ID is not taken for a USCC
    ['', []],
  ])('taxId %j → %j', (taxId, expected) => {
    expect(codesOf('customers', 'taxId', taxId)).toEqual(expected);
  });

  it('a USCC warning does not block the write', () => {
    expect(hasErrors(validateFields('customers', { taxId: '91350100M000100Y44' }, 'update'))).toBe(false);
  });

  it.each([
    ['1899-12-31', ['out-of-range:warning']],
    ['0202-03-01', ['out-of-range:warning']],
    ['2101-01-01', ['out-of-range:warning']],
    ['1900-01-01', []],
  ])('date %s far from today → %j', (value, expected) => {
    expect(codesOf('deals', 'closeDate', value)).toEqual(expected);
  });
});

describe('validateFields: GE scores name the factor', () => {
  it('reports each bad factor under geScores.<factor>', () => {
    const issues = validateFields(
      'productLines',
      { geScores: { marketSize: 0, luck: 3, productQuality: 'high' } as never },
      'update',
    );
    expect(issues).toEqual([
      { field: 'geScores.marketSize', code: 'out-of-range', severity: 'error', value: 0 },
      { field: 'geScores.luck', code: 'bad-choice', severity: 'error', value: 'luck' },
      { field: 'geScores.productQuality', code: 'bad-type', severity: 'error', value: 'high' },
    ]);
  });
});

describe('validateFields: create and update modes', () => {
  it('create requires a customer name', () => {
    expect(validateFields('customers', {}, 'create')).toEqual([
      { field: 'name', code: 'required', severity: 'error' },
    ]);
    expect(validateFields('customers', { name: '  ' }, 'create')).toEqual([
      { field: 'name', code: 'required', severity: 'error', value: '  ' },
    ]);
    expect(validateFields('customers', { name: '王记五金' }, 'create')).toEqual([]);
  });

  it('update accepts a patch without the name but not a blank name', () => {
    expect(validateFields('customers', { phone: '13800138000' }, 'update')).toEqual([]);
    expect(validateFields('customers', { name: '' }, 'update')).toHaveLength(1);
  });

  it.each(['deals', 'interactions'] as const)('create of %s requires customerId', (table) => {
    expect(validateFields(table, {}, 'create')).toEqual([
      { field: 'customerId', code: 'required', severity: 'error' },
    ]);
    expect(validateFields(table, { customerId: 'c1' }, 'create')).toEqual([]);
  });

  it('product lines have no required field', () => {
    expect(validateFields('productLines', {}, 'create')).toEqual([]);
  });

  it('a key set to undefined counts as not given', () => {
    expect(validateFields('customers', { name: '甲', phone: undefined }, 'create')).toEqual([]);
  });

  it('reports every issue of a row, in field order', () => {
    const issues = validateFields(
      'deals',
      { customerId: '', paidAmount: -1, openDate: '2024-02-30', stage: 'done' as never },
      'create',
    );
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      'customerId:required',
      'paidAmount:negative',
      'openDate:bad-date',
      'stage:bad-choice',
    ]);
  });
});

describe('emptyFields', () => {
  it.each(BASE_TABLE_NAMES)('the defaults of %s pass validation apart from required fields', (table) => {
    const issues = validateFields(table, emptyFields(table), 'update');
    expect(issues.filter((i) => i.code !== 'required')).toEqual([]);
  });

  it('returns fresh lists and maps each call', () => {
    const a = emptyFields('customers');
    a.loyaltyTypes.push('price');
    expect(emptyFields('customers').loyaltyTypes).toEqual([]);
    expect(emptyFields('productLines').geScores).not.toBe(emptyFields('productLines').geScores);
  });

  it('lists exactly the editable fields (no row metadata)', () => {
    expect(fieldNames('interactions')).toEqual([
      'customerId',
      'date',
      'channel',
      'type',
      'satisfaction',
      'summary',
      'nextAction',
      'nextActionDue',
      'resolved',
      'owner',
    ]);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-12-31', true],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
