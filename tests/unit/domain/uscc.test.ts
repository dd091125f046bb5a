import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, USCC_CHARSET, usccCheckChar } from '../../../src/domain/uscc';

// Codes as printed on public business licences (checked by hand with the GB 32100-2015 formula).
const VALID = [
  '91350100M000100Y43', // the example most often quoted for the standard
  '9144030071526726XG',
  '914403001922038216',
  '91330100799655058B',
  '91110108551385082Q',
  '91310000MA1FL4B24G',
];

describe('checkUscc', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(checkUscc(code)).toBe('valid');
  });

  it('computes the worked example of the JSDoc: check character 3', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('writes 31 as 0 and 30 as Y (index into the alphabet)', () => {
    // Σ = 1 × 1 = 1 → 31 − 1 = 30 → 'Y'.
    expect(usccCheckChar('10000000000000000')).toBe('Y');
    const zero = findPrefixWithCheck('0');
    expect(usccCheckChar(zero)).toBe('0');
    expect(checkUscc(`${zero}0`)).toBe('valid');
  });

  it('accepts lower-case letters', () => {
    expect(checkUscc('9144030071526726xg')).toBe('valid');
  });

  it.each([
    ['', 'empty'],
    ['91350100M000100Y4', '17 characters'],
    ['91350100M000100Y433', '19 characters'],
    ['91350100M00010OY43', 'letter O is not in the alphabet'],
    ['91350100M000100I43', 'letter I is not in the alphabet'],
    ['9135010AM000100Y43', 'letter in the administrative division code'],
    [' 91350100M000100Y43', 'leading space'],
    ['91350100M000100Y4３', 'full-width digit'],
  ])('rejects %j as bad-format (%s)', (code) => {
    expect(checkUscc(code)).toBe('bad-format');
  });

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91350100M000100Y34', 'last two swapped'],
    ['91350101M000100Y43', 'one digit changed'],
  ])('rejects %s as bad-check (%s)', (code) => {
    expect(checkUscc(code)).toBe('bad-check');
  });

  const charOf = (i: number) => USCC_CHARSET.charAt(i);
  const anyChar = fc.integer({ min: 0, max: 30 }).map(charOf);
  const digit = fc.integer({ min: 0, max: 9 }).map(charOf);
  const first17 = fc
    .tuple(fc.array(anyChar, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 }))
    .chain(([head, division]) =>
      fc.array(anyChar, { minLength: 9, maxLength: 9 }).map((org) => [...head, ...division, ...org].join('')),
    );

  it('property: a code completed with its check character is valid', () => {
    fc.assert(fc.property(first17, (p) => checkUscc(p + usccCheckChar(p)) === 'valid'));
  });

  it('property: changing any one character is never valid', () => {
    fc.assert(
      fc.property(first17, fc.nat(17), fc.integer({ min: 1, max: 30 }), (p, pos, shift) => {
        const code = p + usccCheckChar(p);
        const old = USCC_CHARSET.indexOf(code.charAt(pos));
        const mutated = code.slice(0, pos) + charOf((old + shift) % 31) + code.slice(pos + 1);
        return checkUscc(mutated) !== 'valid';
      }),
    );
  });

  it('property: swapping two different neighbours is never valid', () => {
    fc.assert(
      fc.property(first17, fc.nat(16), (p, pos) => {
        const code = p + usccCheckChar(p);
        const [a, b] = [code.charAt(pos), code.charAt(pos + 1)];
        fc.pre(a !== b);
        const swapped = code.slice(0, pos) + b + a + code.slice(pos + 2);
        return checkUscc(swapped) !== 'valid';
      }),
    );
  });
});

/** A 17-character prefix (digits only) whose check character is `want`. */
function findPrefixWithCheck(want: string): string {
  for (let n = 0; n < 1000; n++) {
    const prefix = `91${String(n).padStart(15, '0')}`;
    if (usccCheckChar(prefix) === want) return prefix;
  }
  throw new Error('not found');
}
