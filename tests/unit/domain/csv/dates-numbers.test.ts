import { describe, expect, it } from 'vitest';
import { detectDateOrder, excelSerialToIso, parseDate } from '../../../../src/domain/csv/dates';
import { decimalToMinorUnits, parseDecimal } from '../../../../src/domain/csv/numbers';

describe('parseDate', () => {
  it.each([
    ['2024-01-05', 'ambiguous', '2024-01-05'],
    ['2024/1/5', 'ambiguous', '2024-01-05'],
    ['2024.01.05', 'ambiguous', '2024-01-05'],
    ['2024年1月5日', 'ambiguous', '2024-01-05'],
    ['2024 年 1 月 5 号', 'ambiguous', '2024-01-05'],
    ['5/1/2024', 'dmy', '2024-01-05'],
    ['1/5/2024', 'mdy', '2024-01-05'],
    ['05.01.2024', 'dmy', '2024-01-05'],
    ['25/12/2024', 'ambiguous', '2024-12-25'],
    ['12/25/2024', 'ambiguous', '2024-12-25'],
    ['3/3/2024', 'ambiguous', '2024-03-03'],
    ['5/1/2024', 'ambiguous', null],
    ['45296', 'ambiguous', '2024-01-05'],
    ['45352.5', 'ambiguous', '2024-03-01'],
    ['2024-01-05 13:45', 'ambiguous', '2024-01-05'],
    ['2024-01-05T13:45:00Z', 'ambiguous', '2024-01-05'],
    ['2024/1/5 下午 1:45', 'ambiguous', '2024-01-05'],
    ['5/1/2024 08:00:00', 'dmy', '2024-01-05'],
    ['', 'dmy', ''],
    ['   ', 'dmy', ''],
    ['2024-02-30', 'ambiguous', null],
    ['2024-13-01', 'ambiguous', null],
    ['24/1/5', 'ambiguous', null],
    ['2024', 'ambiguous', null],
    ['yesterday', 'ambiguous', null],
    ['2023-02-29', 'ambiguous', null],
    ['2024-02-29', 'ambiguous', '2024-02-29'],
  ] as const)('%j (%s) → %j', (text, order, expected) => {
    expect(parseDate(text, order)).toBe(expected);
  });

  it('reads Excel serials in the 1900 date system', () => {
    expect(excelSerialToIso(45292)).toBe('2024-01-01');
    expect(excelSerialToIso(43831)).toBe('2020-01-01');
    expect(excelSerialToIso(10000)).toBe('1927-05-18');
  });
});

describe('detectDateOrder', () => {
  it.each([
    [['5/1/2024', '25/1/2024'], 'dmy'],
    [['1/5/2024', '1/25/2024'], 'mdy'],
    [['1/5/2024', '2/6/2024'], 'ambiguous'],
    [['25/1/2024', '1/25/2024'], 'ambiguous'],
    [['2024-01-05', ''], 'ambiguous'],
  ] as const)('%j → %s', (values, expected) => {
    expect(detectDateOrder(values)).toBe(expected);
  });
});

describe('parseDecimal → minor units', () => {
  const cents = (text: string, decimalComma = false) => {
    const d = parseDecimal(text, { decimalComma });
    return d === null || d === 'invalid' ? d : decimalToMinorUnits(d);
  };

  it.each([
    ['1234.5', false, 123450],
    ['1,234.50', false, 123450],
    ['¥1,234.50', false, 123450],
    ['￥20', false, 2000],
    ['$ 20', false, 2000],
    ['€12.50', false, 1250],
    ['£0.99', false, 99],
    ['20元', false, 2000],
    ['RMB 1,000', false, 100000],
    ['1 234 567.89', false, 123456789],
    ['(1,234.50)', false, -123450],
    ['-5', false, -500],
    ['¥-5', false, -500],
    ['+7', false, 700],
    ['12%', false, 12],
    ['12.5%', false, null],
    ['1.2万', false, 1200000],
    ['3万', false, 3000000],
    ['1.234,56', true, 123456],
    ['99,9', true, 9990],
    ['€ 12.000', true, 1200000],
    ['1 234,5', true, 123450],
    ['１２３', false, 12300],
    ['1.234', false, null],
    ['1.2300', false, 123],
    ['', false, null],
    ['  ', false, null],
    ['abc', false, 'invalid'],
    ['1,5', false, 'invalid'],
    ['1,23,4', false, 'invalid'],
    ['十块钱', false, 'invalid'],
    ['1.2.3', false, 'invalid'],
    ['.5', false, 50],
  ] as const)('%j (decimal comma %s) → %j', (text, decimalComma, expected) => {
    expect(cents(text, decimalComma)).toBe(expected);
  });

  it('keeps exact digits beyond floating point', () => {
    expect(parseDecimal('90071992547409.93', { decimalComma: false })).toEqual({
      digits: 9007199254740993n,
      scale: 2,
    });
  });
});
