import { describe, expect, it } from 'vitest';
import {
  decodeAll,
  detectEncoding,
  encodeGbk,
  encodeUtf8,
  isUtf8,
} from '../../../../src/domain/csv/encoding';
import { fixtureBytes } from './helpers';

describe('detectEncoding', () => {
  it.each([
    ['utf8.csv', 'utf-8', 'utf-8', 0],
    ['utf8-bom.csv', 'utf-8', 'bom', 3],
    ['gb18030.csv', 'gb18030', 'fallback', 0],
    ['utf16le.csv', 'utf-16le', 'bom', 2],
    ['excel-serial-dates.csv', 'gb18030', 'fallback', 0],
  ])('%s → %s (%s)', (file, encoding, reason, bomLength) => {
    expect(detectEncoding(fixtureBytes(file))).toEqual({ encoding, reason, bomLength });
  });

  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

  it.each<[string, Uint8Array, string, number | undefined]>([
    [
      'UTF-8 with one stray byte on line 3',
      bytes('客户编号,名称\nC1,深圳华强\nC2,A', [0xff], 'B\nC3,杭州\n'),
      'utf-8-damaged',
      3,
    ],
    ['ASCII with one Latin-1 é on line 2', bytes('code,name\nC1,Caf', [0xe9], ',x\n'), 'utf-8-damaged', 2],
    [
      'UTF-8 with a character cut short on line 1',
      bytes('名称,', [0xe5, 0xae], ',客户\n深圳华强,上海\n'),
      'utf-8-damaged',
      1,
    ],
    ['GBK with a single Chinese name', bytes('code,name\nC1,', [0xbf, 0xcd], '\n'), 'fallback', undefined],
  ])('%s → %s', (_, sample, reason, badLine) => {
    const found = detectEncoding(sample);
    expect(found.reason).toBe(reason);
    expect(found.badLine).toBe(badLine);
    expect(found.encoding).toBe(reason === 'fallback' ? 'gb18030' : 'utf-8');
  });

  it('finds a UTF-16 BE byte-order mark', () => {
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0x00, 0x41])).encoding).toBe('utf-16be');
  });

  it('accepts a UTF-8 sample cut in the middle of a character only when told it is truncated', () => {
    const bytes = new TextEncoder().encode('客户').subarray(0, 4);
    expect(isUtf8(bytes, true)).toBe(true);
    expect(isUtf8(bytes, false)).toBe(false);
    expect(detectEncoding(bytes, true).encoding).toBe('utf-8');
  });

  it('decodes the GBK fixture to the Chinese headers', () => {
    expect(decodeAll(fixtureBytes('gb18030.csv'), 'gb18030').split('\r\n')[0]).toBe(
      '客户编号,客户名称,税号,联系人,电话,邮箱,地区,钱包估算,备注',
    );
  });

  it('decodes without the BOM', () => {
    expect(decodeAll(fixtureBytes('utf8-bom.csv'), 'utf-8').startsWith('客户编号')).toBe(true);
    expect(decodeAll(fixtureBytes('utf16le.csv'), 'utf-16le').startsWith('客户编号\t')).toBe(true);
  });
});

describe('encoding out', () => {
  it('writes a UTF-8 BOM on request', () => {
    expect([...encodeUtf8('a', true)]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect([...encodeUtf8('a', false)]).toEqual([0x61]);
  });

  it('encodes GBK as the platform decodes it, and counts what GBK lacks', () => {
    const text = '客户名称,金额 ￥1,234.50\r\n臺北';
    const { bytes, unmappable } = encodeGbk(text);
    expect(unmappable).toBe(0);
    expect(new TextDecoder('gbk').decode(bytes)).toBe(text);
    expect([...encodeGbk('客户').bytes]).toEqual([0xbf, 0xcd, 0xbb, 0xa7]);
    expect(encodeGbk('好🙂')).toMatchObject({ unmappable: 1 });
  });
});
