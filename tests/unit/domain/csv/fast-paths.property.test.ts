/**
 * The import's fast paths (plain money cells, ISO date cells, the ISO date check) give exactly what the
 * general readers give: each is compared with the general code, or with the implementation it replaced,
 * on generated cells biased towards the edges (signs, dots, too many digits, impossible days).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../../src/domain/csv/dates';
import { decimalToMinorUnits, parseDecimal, plainMinorUnits } from '../../../../src/domain/csv/numbers';
import { normaliseKey } from '../../../../src/domain/csv/plan';
import { isIsoDate } from '../../../../src/domain/validation';

/** The general path: parseDecimal, then cents. */
function generalMinorUnits(text: string): number | null | 'invalid' {
  const d = parseDecimal(text, { decimalComma: false });
  return d === null || d === 'invalid' ? d : decimalToMinorUnits(d);
}

/** The isIsoDate that came before the character-code one (RegExp + Date.UTC). */
function isIsoDateByDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const parsed = new Date(Date.UTC(y, mo - 1, d));
  return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === mo - 1 && parsed.getUTCDate() === d;
}

const numberLike = fc.stringMatching(/^[-+]?[0-9]{0,16}(?:[.,][0-9]{0,4})?[%万]?$/);
const anyCell = fc.oneof(
  numberLike,
  fc.string({ maxLength: 12 }),
  fc.constantFrom('-0', '-0.00', '.5', '1.', '-'),
);
const dateLike = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(
    ([y, m, d]) =>
      `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  );
const dateCell = fc.oneof(dateLike, fc.string({ maxLength: 12 }), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/));

describe('plainMinorUnits', () => {
  it.each([
    ['1234.5', 123450],
    ['-0.99', -99],
    ['20', 2000],
    ['007', 700],
    ['-0', 0],
    ['9999999999999.99', 999999999999999],
    ['1.234', undefined],
    ['1,234', undefined],
    ['¥20', undefined],
    [' 20', undefined],
    ['.5', undefined],
    ['1.', undefined],
    ['', undefined],
    ['-', undefined],
    ['12345678901234', undefined],
  ] as const)('%j → %j', (text, expected) => {
    expect(plainMinorUnits(text)).toBe(expected);
  });

  it('gives what parseDecimal gives for every cell it takes', () => {
    fc.assert(
      fc.property(anyCell, (text) => {
        const fast = plainMinorUnits(text);
        if (fast !== undefined) expect(fast).toBe(generalMinorUnits(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isIsoDate by character codes', () => {
  it('agrees with the RegExp + Date.UTC check it replaced', () => {
    fc.assert(
      fc.property(dateCell, (text) => {
        expect(isIsoDate(text)).toBe(isIsoDateByDate(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each(['0050-01-01', '2024-1-05', ' 2024-01-05', '2024-01-05 ', '2024/01/05', '１０２４-01-05'])(
    '%j is not an ISO date',
    (text) => {
      expect(isIsoDate(text)).toBe(false);
    },
  );
});

describe('parseDate on ISO cells', () => {
  it('returns a valid ISO cell unchanged, in either day order', () => {
    fc.assert(
      fc.property(
        dateLike,
        fc.constantFrom('dmy', 'mdy', 'ambiguous') as fc.Arbitrary<'dmy' | 'mdy' | 'ambiguous'>,
        (text, order) => {
          const parsed = parseDate(text, order);
          if (isIsoDateByDate(text)) expect(parsed).toBe(text);
          else expect(parsed === null || parsed !== text).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('normaliseKey', () => {
  it('gives the NFKC + trim + squeeze + lower-case form, ASCII fast path included', () => {
    const general = (value: string) => value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
    const key = fc.oneof(
      fc.stringMatching(/^[!-~]{0,12}$/),
      fc.string({ maxLength: 12, unit: 'grapheme' }),
      fc.constantFrom('SO-2024-001', ' ＡＢＣ  有限公司', 'Ａ1', 'a\tb', '\u00a0x', 'ǅ'),
    );
    fc.assert(
      fc.property(key, (value) => {
        expect(normaliseKey(value)).toBe(general(value));
      }),
      { numRuns: 3000 },
    );
  });
});
