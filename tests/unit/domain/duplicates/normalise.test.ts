import { describe, expect, it } from 'vitest';
import { codeKey, emailKey, nameKey, phoneKey, taxIdKey } from '../../../../src/domain/duplicates/normalise';

// Pairs as owners really write them: two spellings of one firm share a key, near-misses do not.
const SAME_NAME: [string, string][] = [
  ['深圳华成电子有限公司', '华成电子（深圳）'],
  ['深圳市华成电子有限公司', '华成电子'],
  ['广东省深圳市华成电子股份有限公司', '华成电子(深圳)'],
  ['华成电子有限责任公司', '华成电子（分公司）'],
  ['上海明辉贸易集团有限公司', '明辉贸易集团'],
  ['ＡＢＣ科技有限公司', 'abc科技'],
  ['华成电子 （深圳） 有限公司', '华成 电子'],
  ['Acme Trading Co., Ltd.', 'ACME TRADING LIMITED'],
  ['Acme Trading Co.,Ltd', 'acme-trading'],
  ['Müller GmbH', 'MÜLLER'],
  ['Brightway Inc.', 'Brightway, LLC'],
  ['杭州绿叶茶业有限公司', '绿叶茶业（杭州）有限公司'],
];

const DIFFERENT_NAME: [string, string][] = [
  ['华成电子', '华盛电子'],
  ['深圳华成电子有限公司', '深圳华成电器有限公司'],
  ['明辉贸易', '明辉物流'],
  ['Acme Trading Co., Ltd.', 'Acme Logistics Co., Ltd.'],
  ['华成电子（东莞工厂）', '华成电子'],
];

describe('nameKey', () => {
  it.each(SAME_NAME)('%s ~ %s', (a, b) => {
    expect(nameKey(a)).not.toBe('');
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each(DIFFERENT_NAME)('%s ≠ %s', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('gives the JSDoc examples', () => {
    expect(nameKey('深圳华成电子有限公司')).toBe('华成电子');
    expect(nameKey('Acme Trading Co., Ltd.')).toBe('acmetrading');
  });

  it('never strips a name below two characters', () => {
    expect(nameKey('深圳集团')).toBe('深圳');
    expect(nameKey('上海公司')).toBe('上海');
    expect(nameKey('深圳华公司')).toBe('深圳华');
  });

  it('gives no key for a blank name', () => {
    expect(nameKey('  ')).toBe('');
  });
});

describe('phoneKey', () => {
  it.each([
    ['+86 138-0013-8000', '13800138000'],
    ['0086 138 0013 8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['(+86) 138 0013 8000', '13800138000'],
    ['138.0013.8000', '13800138000'],
    ['（0755）8888-1234', '075588881234'],
    ['+86 755 8888 1234', '075588881234'],
    ['0755 8888 1234', '075588881234'],
    ['+852 2345 6789', '+85223456789'],
    ['123', ''],
    ['', ''],
  ])('%s → %s', (input, key) => {
    expect(phoneKey(input)).toBe(key);
  });
});

describe('emailKey, taxIdKey, codeKey', () => {
  it('compares e-mail addresses trimmed and in lower case', () => {
    expect(emailKey(' Li.Wei@HuaCheng.CN ')).toBe('li.wei@huacheng.cn');
    expect(emailKey('not an address')).toBe('');
  });

  it('compares tax IDs in upper case without spaces or dashes, full-width folded', () => {
    expect(taxIdKey('９１４４０３００ma5f 0001-2x')).toBe('91440300MA5F00012X');
    expect(taxIdKey('91350100M000100Y43')).toBe(taxIdKey('91350100 m000100y43'));
    expect(taxIdKey('123')).toBe('');
  });

  it('compares codes after trim and NFKC, ignoring case', () => {
    expect(codeKey(' Ｃ０００１ ')).toBe('c0001');
    expect(codeKey('C0001')).toBe(codeKey('c0001'));
    expect(codeKey('C0001')).not.toBe(codeKey('C00001'));
  });
});
