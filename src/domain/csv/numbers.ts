/**
 * Numbers as people write them in spreadsheets, parsed exactly (no floating point on the way to cents).
 *
 * Accepted: currency signs ¥ ￥ $ € £ (before or after, also `RMB`, `元`), thousands separators
 * (`,` or spaces or `'`; `.` when the decimal comma is on), a decimal comma option (`1.234,56`),
 * a sign (`-5`, `+5`), accounting negatives `(1,234.50)`, percent `12%` (→ 0.12) and `万` (× 10 000).
 *
 * The result is a decimal: an integer `digits` with `scale` decimals, so `'1,234.50'` is
 * `{ digits: 123450n, scale: 2 }` and converting to cents never rounds a value the user typed.
 */

export interface Decimal {
  /** The value × 10^scale, signed. */
  digits: bigint;
  scale: number;
}

export interface NumberOptions {
  /** `,` is the decimal separator and `.` a thousands separator (European style). */
  decimalComma: boolean;
}

const CURRENCY = /^(?:[¥￥$€£]|RMB|CNY|USD|EUR|GBP)\s*|\s*(?:[¥￥$€£元]|RMB|CNY|USD|EUR|GBP)$/gi;

/** Parses one number cell: `''` → null (not set), a value that is not a number → 'invalid'. */
export function parseDecimal(text: string, options: NumberOptions): Decimal | null | 'invalid' {
  let s = text.trim().normalize('NFKC');
  if (s === '') return null;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = (paren[1] ?? '').trim();
  }
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = negative !== s.startsWith('-');
    s = s.slice(1).trim();
  }
  s = s.replace(CURRENCY, '').trim();
  if (s.startsWith('-') && !negative) {
    // `¥-5`: the sign came after the currency sign.
    negative = true;
    s = s.slice(1).trim();
  }
  let shift = 0;
  if (s.endsWith('%')) {
    shift = -2;
    s = s.slice(0, -1).trim();
  } else if (s.endsWith('万')) {
    shift = 4;
    s = s.slice(0, -1).trim();
  }
  const [decimalMark, groupMarks] = options.decimalComma ? [',', /[.\s']/g] : ['.', /[,\s']/g];
  const grouped = options.decimalComma
    ? /^\d{1,3}(?:[.\s']\d{3})+(?:,\d+)?$/
    : /^\d{1,3}(?:[,\s']\d{3})+(?:\.\d+)?$/;
  const plain = options.decimalComma ? /^\d*(?:,\d+)?$/ : /^\d*(?:\.\d+)?$/;
  if (!(grouped.test(s) || (plain.test(s) && /\d/.test(s)))) return 'invalid';
  const [whole = '', fraction = ''] = s.replace(groupMarks, '').split(decimalMark);
  let digits = BigInt(`${whole}${fraction}` || '0');
  let scale = fraction.length - shift;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: negative ? -digits : digits, scale };
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const MINUS = 45;
const DOT = 46;
/** Whole-number digits the fast path takes: 13 digits + 2 decimals stay below 2^53. */
const FAST_WHOLE_DIGITS = 13;

/**
 * Minor units of a plain number cell — ASCII digits, an optional leading `-` and at most two decimals
 * after a `.` (`1234.5`, `-0.99`, `20`) — or undefined for anything else, which then goes through
 * `parseDecimal`. Same result as `parseDecimal` + `decimalToMinorUnits` for every cell it accepts
 * (a property test checks it); it exists because an import reads millions of money cells.
 */
export function plainMinorUnits(text: string): number | undefined {
  const length = text.length;
  let i = text.charCodeAt(0) === MINUS ? 1 : 0;
  const negative = i === 1;
  const wholeStart = i;
  let units = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT) break;
    if (c < DIGIT_0 || c > DIGIT_9) return undefined;
    units = units * 10 + (c - DIGIT_0);
  }
  const wholeDigits = i - wholeStart;
  if (wholeDigits === 0 || wholeDigits > FAST_WHOLE_DIGITS) return undefined;
  units *= 100;
  if (i < length) {
    const decimals = length - i - 1;
    if (decimals < 1 || decimals > 2) return undefined;
    for (let place = 10, j = i + 1; j < length; j++, place /= 10) {
      const c = text.charCodeAt(j);
      if (c < DIGIT_0 || c > DIGIT_9) return undefined;
      units += (c - DIGIT_0) * place;
    }
  }
  // `-0` is 0, as parseDecimal's BigInt gives it.
  return negative && units !== 0 ? -units : units;
}

/**
 * A decimal → integer minor units (cents), or null when it has more than two decimals that are not
 * zeros. Example: `{ digits: 123450n, scale: 2 }` → 123450; `{ digits: 1234n, scale: 3 }` → null.
 */
export function decimalToMinorUnits(value: Decimal): number | null {
  let { digits, scale } = value;
  while (scale > 2 && digits % 10n === 0n) {
    digits /= 10n;
    scale--;
  }
  if (scale > 2) return null;
  const cents = digits * 10n ** BigInt(2 - scale);
  const n = Number(cents);
  return Number.isSafeInteger(n) ? n : null;
}

/** A decimal → a JavaScript number (for ratings and scores, not money). */
export function decimalToNumber(value: Decimal): number {
  return Number(value.digits) / 10 ** value.scale;
}
