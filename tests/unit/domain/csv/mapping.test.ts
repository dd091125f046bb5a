import { describe, expect, it } from 'vitest';
import { parseBool, parseChoice, parseChoiceList } from '../../../../src/domain/csv/choices';
import { TARGET_FIELDS } from '../../../../src/domain/csv/fields';
import { autoMap, duplicateTargets, layoutKey, normaliseHeader } from '../../../../src/domain/csv/mapping';
import { BASE_TABLE_NAMES } from '../../../../src/domain/types';

describe('autoMap', () => {
  it.each([
    [
      'customers',
      ['客户名称', '统一社会信用代码', '联系人', '手机', 'E-Mail', '备注'],
      ['name', 'taxId', 'contactName', 'phone', 'email', 'notes'],
    ],
    ['customers', ['公司名稱', '統一編號', '聯絡人'], ['name', 'taxId', 'contactName']],
    ['customers', ['Customer Name', 'Tax ID', 'VAT No'], ['name', 'taxId', '']],
    ['customers', [' 客户名称（必填）', 'ＣＯＤＥ'], ['name', 'code']],
    [
      'deals',
      ['订单号', '客户名称', '金额', '下单日期', '???'],
      ['code', 'customerName', 'amount', 'closeDate', ''],
    ],
    [
      'deals',
      ['单号', '公司名称', '销售额', '日期', '客户编号'],
      ['code', 'customerName', 'amount', 'closeDate', 'customerCode'],
    ],
    [
      'deals',
      ['Order No.', 'Customer', 'Amount', 'Date', 'Stage'],
      ['code', 'customerName', 'amount', 'closeDate', 'stage'],
    ],
    [
      'interactions',
      ['客户名称', '日期', '方式', '类型', '满意度'],
      ['customerName', 'date', 'channel', 'type', 'satisfaction'],
    ],
  ] as const)('%s %j', (table, headers, expected) => {
    expect(autoMap(table, headers)).toEqual(expected);
  });

  it('maps every export header back to its own field, in all three languages and as keys', () => {
    for (const table of BASE_TABLE_NAMES) {
      const fields = TARGET_FIELDS[table];
      const keys = fields.map((f) => f.key);
      for (const i of [0, 1, 2] as const) {
        expect(
          autoMap(
            table,
            fields.map((f) => f.headers[i]),
          ),
          `${table} ${i}`,
        ).toEqual(keys);
      }
      expect(autoMap(table, keys)).toEqual(keys);
    }
  });

  it('gives a field to the first column only', () => {
    expect(autoMap('customers', ['名称', '客户名称'])).toEqual(['name', '']);
    expect(duplicateTargets(['name', '', 'name', 'code'])).toEqual(['name']);
  });

  it('normalises headers and layouts', () => {
    expect(normaliseHeader(' E-Mail ')).toBe('email');
    expect(layoutKey('deals', ['金额 ', 'Date'])).toBe(layoutKey('deals', ['金额', 'date']));
    expect(layoutKey('deals', ['金额'])).not.toBe(layoutKey('customers', ['金额']));
  });
});

describe('choices', () => {
  it.each([
    ['deals', 'stage', '赢单', 'won'],
    ['deals', 'stage', '成交', 'won'],
    ['deals', 'stage', 'Closed Won', 'won'],
    ['deals', 'stage', 'WON', 'won'],
    ['deals', 'stage', '輸單', 'lost'],
    ['deals', 'stage', '谈判', 'negotiation'],
    ['deals', 'stage', '飞了', null],
    ['interactions', 'channel', '微信', 'wechat'],
    ['interactions', 'type', '投诉', 'complaint'],
    ['customers', 'relationshipType', '伙伴型', 'partner'],
    ['customers', 'relationshipType', '', ''],
  ] as const)('%s.%s %j → %j', (table, field, text, expected) => {
    expect(parseChoice(table, field, text)).toBe(expected);
  });

  it('reads lists and booleans', () => {
    expect(parseChoiceList('customers', 'loyaltyTypes', '价格、习惯;price')).toEqual(['price', 'habit']);
    expect(parseChoiceList('customers', 'loyaltyTypes', '')).toEqual([]);
    expect(parseChoiceList('customers', 'loyaltyTypes', 'price;nope')).toBeNull();
    expect([
      parseBool('是'),
      parseBool('TRUE'),
      parseBool('y'),
      parseBool('否'),
      parseBool(''),
      parseBool('maybe'),
    ]).toEqual([true, true, true, false, false, null]);
  });
});
