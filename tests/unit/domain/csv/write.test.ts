import { describe, expect, it } from 'vitest';
import {
  csvText,
  looksNumeric,
  neutraliseFormula,
  readCsvText,
  restoreFormula,
} from '../../../../src/domain/csv/sanitise';
import { cellText, dateCell, numberCell, writeCsv } from '../../../../src/domain/csv/write';

describe('formula guard', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 755 1234', "'+86 755 1234"],
    ['-abc', "'-abc"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'=x", "''=x"],
    ["'plain", "'plain"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['', ''],
    // Near-misses: a sign behind blanks, or written full-width.
    [' =1+1', "' =1+1"],
    ['   @SUM(A1)', "'   @SUM(A1)"],
    ['\u00a0=HYPERLINK("x")', '\'\u00a0=HYPERLINK("x")'],
    ['\n=1', "'\n=1"],
    ['\r\n+1', "'\r\n+1"],
    ['\t\t-1', "'\t\t-1"],
    ['\u3000=1', "'\u3000=1"],
    ['\u200b=1', "'\u200b=1"],
    ['\ufeff=1', "'\ufeff=1"],
    ['\u202e=1', "'\u202e=1"],
    ['＝1+1', "'＝1+1"],
    ['＋86', "'＋86"],
    ['－abc', "'－abc"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    [' \u00a0＝cmd|/c calc', "' \u00a0＝cmd|/c calc"],
    ["' =x", "'' =x"],
    // Not a formula: a sign after text, a blank before text.
    [' a=b', ' a=b'],
    ['\u00a0abc', '\u00a0abc'],
    ['x＝1', 'x＝1'],
  ])('%j → %j and back', (text, guarded) => {
    expect(neutraliseFormula(text)).toBe(guarded);
    expect(restoreFormula(guarded)).toBe(text);
  });
});

describe('keep as text', () => {
  it.each([
    ['914501031896228492', true],
    ['00123', true],
    ['13800138000', true],
    ['+86 138 0013 8000', true],
    ['0771-5551234', true],
    ['(0771) 555 1234', true],
    ['1E5', true],
    ['2.5e-3', true],
    ['3-4', true],
    ['1/2', true],
    ['12:30', true],
    ['5%', true],
    ['-5', true],
    ['JUN-2024', true],
    ['Mar-1', true],
    ['5-Jan', true],
    ['1 May 2024', true],
    ['91450103MA5KXXXX0Y', false],
    ['Mayfair-1A', false],
    ['SEP', false],
    ['3M', false],
    ['C-001', false],
    ['+86 (755) 8888-6666 ext 12', false],
    ['=1+1', false],
    ['', false],
    ['-', false],
  ])('%j looks numeric: %j', (text, numeric) => {
    expect(looksNumeric(text)).toBe(numeric);
  });

  it.each([
    ['00123', '\t00123'],
    ['914501031896228492', '\t914501031896228492'],
    ['+8613800138000', '\t+8613800138000'],
    ['-5', '\t-5'],
    ['=1+1', "'=1+1"],
    ['\t00123', "'\t00123"],
    ["'\t00123", "''\t00123"],
    ['华强', '华强'],
    ['JUN-2024', '\tJUN-2024'],
    ["'00123", "'00123"],
  ])('%j is written %j and read back', (text, written) => {
    expect(csvText(text)).toBe(written);
    expect(readCsvText(written)).toBe(text);
  });
});

describe('writeCsv', () => {
  it('quotes, guards text, leaves numbers alone, ends lines with CRLF', () => {
    expect(
      writeCsv(
        ['名称', '金额'],
        [
          ['=A1', numberCell('-5.00')],
          ['a,"b"\nc', numberCell(12)],
          ['-', { number: '=1' }],
          ['00123', dateCell('2024-01-05')],
          ['', dateCell('=1')],
        ],
      ),
    ).toBe('名称,金额\r\n\'=A1,-5.00\r\n"a,""b""\nc",12\r\n\'-,\'=1\r\n\t00123,2024-01-05\r\n,\'=1\r\n');
  });

  it('quotes for the delimiter in use', () => {
    expect(cellText('a;b', ';')).toBe('"a;b"');
    expect(cellText('a;b', ',')).toBe('a;b');
  });
});
