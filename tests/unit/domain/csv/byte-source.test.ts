import { describe, expect, it } from 'vitest';
import { createRowSource, DecodeError, type RowBatch } from '../../../../src/domain/csv/byte-source';
import { inspectCsv } from '../../../../src/domain/csv/inspect';
import { fixtureBytes } from './helpers';

function drain(next: () => RowBatch | null): RowBatch[] {
  const out: RowBatch[] = [];
  for (let b = next(); b !== null; b = next()) out.push(b);
  return out;
}

function sourceOf(file: string, sliceBytes: number, encoding?: 'utf-8') {
  const bytes = fixtureBytes(file);
  const inspection = inspectCsv(bytes, false, 'customers');
  return createRowSource({
    table: 'customers',
    size: bytes.length,
    readSlice: (s, e) => bytes.subarray(s, e),
    encoding: encoding ?? inspection.encoding,
    delimiter: inspection.delimiter,
    newline: inspection.newline,
    hasHeader: true,
    columns: [],
    mapping: inspection.mapping,
    decimalComma: false,
    dateOrders: {},
    sliceBytes,
  });
}

describe('row source', () => {
  it.each(['gb18030.csv', 'utf16le.csv', 'utf8-bom.csv', 'quoted-newlines.csv'])(
    '%s gives the same rows whatever the slice size (multi-byte characters cut at slice borders)',
    (file) => {
      const whole = drain(sourceOf(file, 1 << 20).next).flatMap((b) => b.rows);
      expect(whole.length).toBe(3);
      expect(whole.map((r) => r.row)).toEqual([2, 3, 4]);
      for (const size of [1, 2, 3, 7, 64]) {
        expect(
          drain(sourceOf(file, size).next).flatMap((b) => b.rows),
          `slice ${size}`,
        ).toEqual(whole);
      }
    },
  );

  it('refuses a GBK file read as strict UTF-8, naming the byte offset', () => {
    const { next } = sourceOf('gb18030.csv', 16, 'utf-8');
    expect(() => drain(next)).toThrow(DecodeError);
  });
});
