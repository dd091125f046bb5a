import { describe, expect, it } from 'vitest';
import { detectNewline, sniffDelimiter } from '../../../../src/domain/csv/dialect';
import { lastRecordEnd, parseRecords, RecordStream } from '../../../../src/domain/csv/records';

describe('sniffDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['名称;金额\nA;1,5\nB;2,25\n', ';'],
    ['a\tb\n1\t"x,y"\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    ['only\none\n', ','],
    ['"a;b",c\n"1;2",3\n', ','],
  ])('%j → %j', (sample, expected) => {
    expect(sniffDelimiter(sample)).toBe(expected);
  });
});

describe('detectNewline', () => {
  it.each([
    ['a,b\r\n1,2', '\r\n'],
    ['a,b\n1,2', '\n'],
    ['a,b\r1,2', '\r'],
    ['"a\nb",c\r\n', '\r\n'],
    ['no newline', '\r\n'],
  ])('%j → %j', (sample, expected) => {
    expect(detectNewline(sample)).toBe(expected);
  });
});

describe('record boundaries', () => {
  it.each([
    ['a,b\n1,2\n3,', 8],
    ['a,"x\ny"\n1', 8],
    ['a,"x\n', 0],
    ['a,b\r', 0],
    ['a,b\r\nc', 5],
    ['a,"he said ""hi""\n",b\nz', 22],
    ['a,5"3\nb', 6],
  ])('%j ends at %i', (text, end) => {
    expect(lastRecordEnd(text, ',')).toBe(end);
  });

  it('streams records across pieces split anywhere, even inside quotes and CRLF', () => {
    const text = 'code,notes\r\nQ1,"第一行\r\n第二行, ""引号"""\r\nQ2,plain\r\nQ3,"a\nb"\r\n';
    const whole = parseRecords(text, { delimiter: ',', newline: '\r\n' });
    expect(whole).toEqual([
      ['code', 'notes'],
      ['Q1', '第一行\r\n第二行, "引号"'],
      ['Q2', 'plain'],
      ['Q3', 'a\nb'],
    ]);
    for (let cut = 1; cut < text.length; cut++) {
      const stream = new RecordStream({ delimiter: ',', newline: '\r\n' });
      const got = [...stream.push(text.slice(0, cut)), ...stream.push(text.slice(cut)), ...stream.flush()];
      expect(got, `cut at ${cut}`).toEqual(whole);
    }
  });

  it('keeps an unterminated last line', () => {
    const stream = new RecordStream({ delimiter: ',', newline: '\n' });
    expect(stream.push('a,b\n1,2')).toEqual([['a', 'b']]);
    expect(stream.flush()).toEqual([['1', '2']]);
  });
});
