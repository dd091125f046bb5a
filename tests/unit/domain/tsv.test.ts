import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTsv, writeTsv } from '../../../src/domain/tsv';

describe('parseTsv', () => {
  it.each<[string, string, string[][]]>([
    ['empty clipboard', '', []],
    ['one cell', 'abc', [['abc']]],
    ['one cell with Excel trailing CRLF', 'abc\r\n', [['abc']]],
    ['a row of three', 'a\tb\tc', [['a', 'b', 'c']]],
    [
      'CRLF rows (Excel, WPS)',
      'a\tb\r\nc\td\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'LF rows (Google Sheets, no terminator)',
      'a\tb\nc\td',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['CR rows (old Mac Excel)', 'a\rb\r', [['a'], ['b']]],
    ['empty cells kept', '\tx\t\r\n', [['', 'x', '']]],
    ['an empty row in the middle', 'a\r\n\r\nb\r\n', [['a'], [''], ['b']]],
    ['quoted cell with a newline', '"two\nlines"\tz\r\n', [['two\nlines', 'z']]],
    ['quoted cell with CRLF and a tab', '"a\r\nb\tc"\r\n', [['a\r\nb\tc']]],
    ['doubled quotes', '"say ""hi"""\tq', [['say "hi"', 'q']]],
    ['a quote inside an unquoted cell is literal', '5" pipe\t2', [['5" pipe', '2']]],
    ['quoted empty cell', '""\r\n', [['']]],
    ['Chinese text', '杭州瑞丰\t¥1,234.50\r\n', [['杭州瑞丰', '¥1,234.50']]],
    ['unterminated quote runs to the end', '"abc\tdef', [['abc\tdef']]],
  ])('%s', (_name, text, expected) => {
    expect(parseTsv(text)).toEqual(expected);
  });
});

describe('writeTsv', () => {
  it('quotes only cells that need it, ends rows with CRLF', () => {
    expect(
      writeTsv([
        ['Name', 'Notes'],
        ['Acme', 'two\nlines'],
        ['5" pipe', 'tab\there'],
      ]),
    ).toBe('Name\tNotes\r\nAcme\t"two\nlines"\r\n"5"" pipe"\t"tab\there"\r\n');
  });

  it('writes nothing for no rows', () => {
    expect(writeTsv([])).toBe('');
  });
});

describe('TSV round trip', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', '中', ' ', '\t', '\n', '\r', '"', ',', '=', 'x') });
  const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 });

  it('parseTsv(writeTsv(rows)) returns the rows', () => {
    fc.assert(
      fc.property(rows, (r) => {
        expect(parseTsv(writeTsv(r))).toEqual(r);
      }),
    );
  });

  it('text without quotes, tabs or line breaks is a single cell', () => {
    const plain = fc.string({ unit: fc.constantFrom('a', '中', ' ', ',', '5'), minLength: 1 });
    fc.assert(
      fc.property(plain, (s) => {
        expect(parseTsv(s)).toEqual([[s]]);
      }),
    );
  });
});
