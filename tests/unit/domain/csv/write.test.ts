import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormula } from '../../../../src/domain/csv/sanitise';
import { cellText, numberCell, writeCsv } from '../../../../src/domain/csv/write';

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
  ])('%j → %j and back', (text, guarded) => {
    expect(neutraliseFormula(text)).toBe(guarded);
    expect(restoreFormula(guarded)).toBe(text);
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
        ],
      ),
    ).toBe('名称,金额\r\n\'=A1,-5.00\r\n"a,""b""\nc",12\r\n\'-,\'=1\r\n');
  });

  it('quotes for the delimiter in use', () => {
    expect(cellText('a;b', ';')).toBe('"a;b"');
    expect(cellText('a;b', ',')).toBe('a;b');
  });
});
