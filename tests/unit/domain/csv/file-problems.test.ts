import { describe, expect, it } from 'vitest';
import {
  firstBinaryCharacter,
  MAX_IMPORT_BYTES,
  sizeProblem,
  unclosedQuoteLine,
} from '../../../../src/domain/csv/file-problems';
import { inspectCsv } from '../../../../src/domain/csv/inspect';
import { parseRecords, RecordStream } from '../../../../src/domain/csv/records';
import { createRowSource, UnclosedQuoteError } from '../../../../src/domain/csv/byte-source';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const inspect = (text: string) => inspectCsv(bytes(text), false, 'customers');

describe('file problems', () => {
  it('refuses an empty file and one over the size limit, and accepts the limit itself', () => {
    expect(sizeProblem(0)).toEqual({ kind: 'empty' });
    expect(sizeProblem(MAX_IMPORT_BYTES)).toBeNull();
    expect(sizeProblem(300 * 1024 * 1024)).toEqual({
      kind: 'too-big',
      bytes: 300 * 1024 * 1024,
      limit: MAX_IMPORT_BYTES,
    });
  });

  it('names the line of the first control character, and lets tab, CR, LF and form feed pass', () => {
    expect(firstBinaryCharacter('a\tb\r\nc\fd\n')).toBeNull();
    expect(firstBinaryCharacter('a,b\r\nc,d\nx\u0000y')).toEqual({ line: 3, code: 0 });
    expect(firstBinaryCharacter('a\rb\u0007')).toEqual({ line: 2, code: 7 });
  });

  it('finds the line where a quoted field opens and never closes, with the parser’s quote rules', () => {
    expect(unclosedQuoteLine('a,b\r\n1,"two\r\nlines"\r\n', ',')).toBeNull();
    expect(unclosedQuoteLine('a,b\r\n1,say ""hi""\r\n', ',')).toBeNull();
    expect(unclosedQuoteLine('a,b\r\n1,2\r\n3,"open\r\n4,5\r\n', ',')).toBe(3);
    expect(unclosedQuoteLine('a,b\n1,"x""\n', ',')).toBe(2);
  });

  it('inspection reports empty, header-only, too wide, binary and unclosed-quote files', () => {
    expect(inspect('\r\n\r\n').problem).toEqual({ kind: 'empty' });
    expect(inspect('code,name\r\n').problem).toEqual({ kind: 'no-rows' });
    const header = Array.from({ length: 2000 }, (_, i) => `c${i}`).join(',');
    expect(inspect(`${header}\n${header}\n`).problem).toEqual({
      kind: 'too-wide',
      columns: 2000,
      limit: 500,
    });
    expect(inspect('code,name\n\u0000\u0001\n').problem).toEqual({ kind: 'binary', line: 2, code: 0 });
    expect(inspect('code,name\nA,"open\n').problem).toEqual({ kind: 'unclosed-quote', line: 2 });
    expect(inspect('code,name\nA,Fine\n').problem).toBeNull();
  });

  it('a streamed file whose last quote never closes throws with the row, instead of one giant cell', () => {
    const data = bytes('code,name\r\nA1,One\r\nA2,"Open\r\nA3,Three\r\n');
    const source = createRowSource({
      table: 'customers',
      size: data.length,
      readSlice: (start, end) => data.subarray(start, end),
      encoding: 'utf-8',
      delimiter: ',',
      newline: '\r\n',
      hasHeader: true,
      columns: [],
      mapping: ['code', 'name'],
      decimalComma: false,
      dateOrders: {},
      sliceBytes: 8,
    });
    let caught: unknown = null;
    try {
      while (source.next() !== null);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UnclosedQuoteError);
    expect((caught as UnclosedQuoteError).row).toBe(3);
  });
});

describe('mixed line endings', () => {
  it('every one of CRLF, LF and CR ends a record; line breaks inside quotes are kept', () => {
    const text = 'a,b\r\n1,"x\r\ny"\n2,lf\r3,cr\r\n';
    const expected = [
      ['a', 'b'],
      ['1', 'x\r\ny'],
      ['2', 'lf'],
      ['3', 'cr'],
    ];
    expect(parseRecords(text, { delimiter: ',', newline: '\r\n' })).toEqual(expected);
    const stream = new RecordStream({ delimiter: ',', newline: '\r\n' });
    const pieces = [text.slice(0, 7), text.slice(7, 15), text.slice(15)];
    const out = pieces.flatMap((p) => stream.push(p));
    expect([...out, ...stream.flush()]).toEqual(expected);
  });
});
