import { describe, expect, it } from 'vitest';
import { byText, compareCells, compareText } from '../../../../src/domain/text/order';

const sign = (n: number) => Math.sign(n);

describe('compareText (pinyin collation)', () => {
  it.each([
    ['北京', '上海', -1, 'bei before shang (code points put 上 U+4E0A first)'],
    ['东莞', '中山', -1, 'dong before zhong'],
    ['广州', '深圳', -1, 'guang before shen'],
    ['上海', '深圳', -1, 'shang before shen'],
    ['深圳', '深圳瑞丰', -1, 'a prefix first'],
    ['apple', 'Banana', -1, 'Latin letters without regard to case'],
    ['C000001', 'C000002', -1, 'codes of digits and capitals as their characters'],
    ['9145', 'A145', -1, 'digits before letters, as in the code index'],
    ['张伟', '张伟', 0, 'the same text'],
    ['长沙', '成都', 1, 'chang after cheng'],
  ])('%s vs %s → %i (%s)', (a, b, expected) => {
    expect(sign(compareText(a, b))).toBe(expected);
    expect(sign(compareText(b, a))).toBe(-expected || 0);
  });

  it('orders the sample cities by pinyin (重 read chong, one reading a character)', () => {
    const cities = ['上海', '东莞', '中山', '北京', '南京', '杭州', '深圳', '广州', '重庆', '成都'];
    expect(byText(cities, (c) => c)).toEqual([
      '北京',
      '成都',
      '重庆',
      '东莞',
      '广州',
      '杭州',
      '南京',
      '上海',
      '深圳',
      '中山',
    ]);
  });
});

describe('compareCells', () => {
  it.each([
    [null, '北京', -1],
    [undefined, null, 0],
    ['北京', undefined, 1],
    ['北京', '上海', -1],
    [2, 10, -1],
    [10, 2, 1],
    [3, 3, 0],
  ] as const)('%s vs %s → %i', (a, b, expected) => {
    expect(sign(compareCells(a, b))).toBe(expected);
  });
});
