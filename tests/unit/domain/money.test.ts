import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMinorUnits, parseMoneyInput } from '../../../src/domain/money';

describe('parseMoneyInput', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['0', 0],
    ['20', 2000],
    ['¥20', 2000],
    ['￥ 20.5', 2050],
    ['$1,234.56', 123456],
    ['1 234 567.8', 123456780],
    ['-5', -500],
    ['0.01', 1],
    ['1.234', 'invalid'],
    ['1,23', 'invalid'],
    ['12a', 'invalid'],
    ['1e5', 'invalid'],
    ['.5', 'invalid'],
    ['99999999999999999999', 'invalid'],
  ])('%j → %j', (text, expected) => {
    expect(parseMoneyInput(text)).toBe(expected);
  });
});

describe('formatMinorUnits', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [123450, '1234.50'],
    [-205, '-2.05'],
  ])('%d → %s', (minor, text) => {
    expect(formatMinorUnits(minor)).toBe(text);
  });

  it('round-trips through parseMoneyInput for every safe amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (minor) => {
        expect(parseMoneyInput(formatMinorUnits(minor))).toBe(minor === 0 ? 0 : minor);
      }),
    );
  });
});
