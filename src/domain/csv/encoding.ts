/**
 * Text encodings of CSV files.
 *
 * Policy (DESIGN.md §4): the encoding is found for the user, in this order —
 * 1. a byte-order mark: UTF-8 (EF BB BF), UTF-16 LE (FF FE), UTF-16 BE (FE FF);
 * 2. else strict UTF-8: the bytes decode with `TextDecoder('utf-8', { fatal: true })`;
 * 3. else GB18030, what Chinese Excel and WPS write ("ANSI" on a Chinese Windows is GBK, a subset).
 * The user can override the choice. Decoding after the choice is strict for UTF-8 (a bad byte later in
 * the file is reported, never replaced by U+FFFD silently) and lenient for the others.
 *
 * Export writes UTF-8 with a BOM (Excel and WPS then read it as UTF-8), or GBK on request: the GBK
 * table is built from the platform's own GBK decoder, so no encoder library is needed and encoding
 * always agrees with decoding. A character GBK lacks (emoji) becomes `?` and is counted.
 */

export const CSV_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export interface DetectedEncoding {
  encoding: CsvEncoding;
  /** Number of BOM bytes at the start (0 when there is none). */
  bomLength: number;
  /** How the encoding was found. */
  reason: 'bom' | 'utf-8' | 'utf-8-damaged' | 'fallback';
  /** For 'utf-8-damaged': the 1-based line holding the first byte sequence that is not UTF-8. */
  badLine?: number;
}

/** At most this many bad sequences make a sample "UTF-8 with a damaged line" rather than GB18030. */
const DAMAGED_UTF8_MAX = 3;

/**
 * The line of the first byte sequence that is not UTF-8, when the sample is UTF-8 but for a few such
 * sequences (at most 3) and is not GB18030 text either — the bytes do not decode as strict GB18030, or
 * decode as far more valid UTF-8 characters beyond ASCII (at least 4 per bad sequence) than bad ones.
 * Else null: the sample is valid UTF-8, or another encoding.
 *
 * Example: `名称\n深圳\nA\xff\n` (one stray byte on line 3 of a UTF-8 file) → 3.
 */
export function damagedUtf8Line(sample: Uint8Array, truncated = false): number | null {
  const text = new TextDecoder('utf-8').decode(sample, { stream: truncated });
  let bad = 0;
  let wide = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) {
      bad++;
      if (first < 0) first = i;
    } else if (c > 0x7f) wide++;
  }
  if (bad === 0 || bad > DAMAGED_UTF8_MAX) return null;
  let gb18030 = true;
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(sample, { stream: truncated });
  } catch {
    gb18030 = false;
  }
  if (gb18030 && wide < 4 * bad) return null;
  let line = 1;
  for (let i = 0; i < first; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The BOM at the start of `bytes`, if any. */
export function bomOf(bytes: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The length of a BOM of `encoding` at the start of `bytes` (0 when absent). */
export function bomLengthFor(bytes: Uint8Array, encoding: CsvEncoding): number {
  const bom = bomOf(bytes);
  return bom?.encoding === encoding ? bom.length : 0;
}

/** True when `bytes` is valid UTF-8; a multi-byte character cut at the end of a sample is allowed. */
export function isUtf8(bytes: Uint8Array, truncated = false): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated });
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the encoding of a file from its first bytes (or all of them). `truncated` says that `sample` is
 * only the start of the file, so a character cut at its end is not an error.
 *
 * Example: the bytes of `客户名称` in GBK (BF CD BB A7 C3 FB B3 C6) are not UTF-8 → 'gb18030'.
 */
export function detectEncoding(sample: Uint8Array, truncated = false): DetectedEncoding {
  const bom = bomOf(sample);
  if (bom) return { encoding: bom.encoding, bomLength: bom.length, reason: 'bom' };
  if (isUtf8(sample, truncated)) return { encoding: 'utf-8', bomLength: 0, reason: 'utf-8' };
  // One bad sequence in a UTF-8 file is named by its line, not read as GB18030 garble (issue 24).
  const badLine = damagedUtf8Line(sample, truncated);
  if (badLine !== null) return { encoding: 'utf-8', bomLength: 0, reason: 'utf-8-damaged', badLine };
  return { encoding: 'gb18030', bomLength: 0, reason: 'fallback' };
}

/** A streaming decoder of `encoding`: strict for UTF-8, BOM not included in the text. */
export function createDecoder(encoding: CsvEncoding): TextDecoder {
  return new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
}

/** Decodes a whole byte array (BOM removed). Throws a TypeError on bad UTF-8. */
export function decodeAll(bytes: Uint8Array, encoding: CsvEncoding): string {
  return createDecoder(encoding).decode(bytes);
}

export const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** UTF-8 bytes of `text`, with a BOM first when `bom` is true. */
export function encodeUtf8(text: string, bom: boolean): Uint8Array<ArrayBuffer> {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set(UTF8_BOM, 0);
  out.set(body, 3);
  return out;
}

let gbkTable: Map<number, number> | null = null;

/** Code point → 2-byte GBK code, built once from the platform's GBK decoder. */
function gbkEncodeTable(): Map<number, number> {
  if (gbkTable) return gbkTable;
  const table = new Map<number, number>();
  const decoder = new TextDecoder('gbk');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const text = decoder.decode(pair);
      const cp = text.codePointAt(0);
      if (text.length === 1 && cp !== undefined && cp !== 0xfffd && !table.has(cp)) {
        table.set(cp, (lead << 8) | trail);
      }
    }
  }
  gbkTable = table;
  return table;
}

/**
 * GBK bytes of `text` (what "ANSI" means on a Simplified Chinese Windows). ASCII stays one byte;
 * a character outside GBK becomes `?` and is counted in `unmappable`.
 *
 * Example: `encodeGbk('客户')` → bytes BF CD BB A7, unmappable 0.
 */
export function encodeGbk(text: string): { bytes: Uint8Array<ArrayBuffer>; unmappable: number } {
  const table = gbkEncodeTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  let unmappable = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0x3f;
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    const code = table.get(cp);
    if (code === undefined) {
      out[n++] = 0x3f;
      unmappable++;
    } else {
      out[n++] = code >> 8;
      out[n++] = code & 0xff;
    }
  }
  return { bytes: out.slice(0, n), unmappable };
}
