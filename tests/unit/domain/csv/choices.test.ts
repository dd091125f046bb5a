import { describe, expect, it } from 'vitest';
import {
  boolLabel,
  choiceLabel,
  parseBool,
  parseChoice,
  parseChoiceList,
} from '../../../../src/domain/csv/choices';
import { exportCells, exportColumns } from '../../../../src/domain/csv/export-rows';
import { emptyFields } from '../../../../src/domain/defaults';
import {
  DEAL_STAGES,
  INTERACTION_CHANNELS,
  INTERACTION_TYPES,
  LOYALTY_TYPES,
  RELATIONSHIP_TYPES,
  type BaseTableName,
  type Customer,
  type Deal,
} from '../../../../src/domain/types';

const LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
const FIELDS: [BaseTableName, string, readonly string[]][] = [
  ['customers', 'relationshipType', RELATIONSHIP_TYPES],
  ['customers', 'loyaltyTypes', LOYALTY_TYPES],
  ['deals', 'stage', DEAL_STAGES],
  ['interactions', 'channel', INTERACTION_CHANNELS],
  ['interactions', 'type', INTERACTION_TYPES],
];

describe('choice labels', () => {
  it.each([
    ['deals', 'stage', 'won', 'zh-CN', '成交'],
    ['deals', 'stage', 'lost', 'zh-TW', '失單'],
    ['deals', 'stage', 'won', 'en', 'Won'],
    ['customers', 'relationshipType', 'partner', 'zh-CN', '伙伴型'],
    ['customers', 'relationshipType', 'partner', 'zh-TW', '夥伴型'],
    ['customers', 'loyaltyTypes', 'habit', 'zh-CN', '习惯型'],
    ['interactions', 'type', 'follow-up', 'en', 'Follow-up'],
  ] as const)('%s.%s %s in %s is %s', (table, field, key, language, label) => {
    expect(choiceLabel(table, field, key, language)).toBe(label);
  });

  it.each(FIELDS)('every %s.%s label, in every language, reads back as its key', (table, field, keys) => {
    for (const language of LANGUAGES)
      for (const key of keys) {
        const label = choiceLabel(table, field, key, language);
        expect(label).not.toBe(key);
        expect(parseChoice(table, field, label), `${language} ${label}`).toBe(key);
        expect(parseChoice(table, field, key)).toBe(key);
      }
  });

  it('booleans are 是 / 否 and Yes / No, and read back', () => {
    for (const language of LANGUAGES)
      for (const value of [true, false]) expect(parseBool(boolLabel(value, language))).toBe(value);
    expect(boolLabel(true, 'zh-CN')).toBe('是');
    expect(boolLabel(false, 'en')).toBe('No');
  });
});

describe('export cells in words', () => {
  const lookups = { customers: new Map(), productLines: new Map() };
  const customer = {
    ...emptyFields('customers'),
    code: '00123',
    name: '华强',
    relationshipType: 'partner',
    doNotContact: false,
    loyaltyTypes: ['price', 'habit'],
  } as unknown as Customer;
  const columns = exportColumns('customers', ['code', 'relationshipType', 'doNotContact', 'loyaltyTypes']);

  it.each([
    ['zh-CN', ['00123', '伙伴型', '否', '价格型、习惯型']],
    ['zh-TW', ['00123', '夥伴型', '否', '價格型、習慣型']],
    ['en', ['00123', 'Partner', 'No', 'Price; Habit']],
    ['keys', ['00123', 'partner', 'FALSE', 'price;habit']],
  ] as const)('in %s', (language, cells) => {
    expect(exportCells('customers', columns, customer, lookups, language)).toEqual(cells);
    const list = exportCells('customers', columns, customer, lookups, language)[3];
    expect(parseChoiceList('customers', 'loyaltyTypes', String(list))).toEqual(['price', 'habit']);
  });

  it('a deal stage as the sheet shows it, and dates as date cells', () => {
    const deal = { ...emptyFields('deals'), stage: 'won', closeDate: '2024-01-05' } as unknown as Deal;
    const dealColumns = exportColumns('deals', ['stage', 'closeDate']);
    expect(exportCells('deals', dealColumns, deal, lookups, 'zh-CN')).toEqual([
      '成交',
      { date: '2024-01-05' },
    ]);
  });
});
