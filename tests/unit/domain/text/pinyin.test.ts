import { describe, expect, it } from 'vitest';
import { pinyinKeys } from '../../../../src/domain/text/pinyin-keys';
import { isPinyinWord, loadPinyinKeys, matchesPinyin } from '../../../../src/domain/text/pinyin-search';

describe('pinyinKeys', () => {
  it.each([
    ['深圳瑞丰贸易有限公司', 'shenzhenruifengmaoyiyouxiangongsi\u0001SZRFMYYXGS'],
    ['北京', 'beijing\u0001BJ'],
    ['重庆银行', 'chongqingyinhang\u0001CQYH'],
    ['长沙', 'changsha\u0001CS'],
    ['绿洲', 'lvzhou\u0001LZ'],
    ['長沙', 'changsha\u0001CS'],
    ['深圳 A 店', 'shenzhen dian\u0001SZ D'],
    ['Acme Trading', ''],
    ['', ''],
  ])('%s → %s', (text, keys) => {
    expect(pinyinKeys(text)).toBe(keys);
  });

  it('keeps one line of keys per line of text with Chinese', () => {
    expect(pinyinKeys('深圳瑞丰\nC0001\n张伟')).toBe('shenzhenruifeng\u0001SZRF\nzhangwei\u0001ZW');
  });
});

describe('matching typed pinyin', () => {
  const keys = pinyinKeys('C0001\n深圳瑞丰贸易有限公司\n华南\n张伟\n杭州市中山路');
  it.each([
    ['sz', true],
    ['SZ', false],
    ['shenzhen', true],
    ['ruifeng', true],
    ['szrf', true],
    ['rf', false],
    ['hn', true],
    ['hzszsl', true],
    ['zs', false],
    ['zhongshan', true],
    ['zhangwei', true],
    ['zw', true],
    ['bj', false],
    ['beijing', false],
    ['s', false],
    ['c0001', false],
    ['深圳', false],
  ])('%s → %s', (word, found) => {
    expect(matchesPinyin(keys, word)).toBe(found);
  });

  it.each([
    ['sz', true],
    ['shenzhen', true],
    ['a', false],
    ['c0001', false],
    ['shen-zhen', false],
    ['深圳', false],
  ])('isPinyinWord(%s) → %s', (word, expected) => {
    expect(isPinyinWord(word)).toBe(expected);
  });

  it('loads the keys maker once', async () => {
    const first = loadPinyinKeys();
    expect(loadPinyinKeys()).toBe(first);
    expect((await first).pinyinKeys('北京')).toBe('beijing\u0001BJ');
  });
});
