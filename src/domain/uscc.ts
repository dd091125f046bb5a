/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character
 * alphabet (the digits and the capital letters without I, O, S, V, Z), laid out as
 *
 * | position | meaning                                     |
 * | -------- | ------------------------------------------- |
 * | 1        | registration authority (登记管理部门代码)   |
 * | 2        | kind of organisation (机构类别代码)         |
 * | 3–8      | administrative division code, six digits    |
 * | 9–17     | organisation code (主体标识码)              |
 * | 18       | check character                             |
 */

/** The code alphabet; a character's value is its index here. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of positions 1–17: 3^(i) mod 31. */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccCheck = 'valid' | 'bad-format' | 'bad-check';

const USCC_SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

/**
 * The check character for the first 17 characters of a code (already upper-case and in the alphabet):
 * `c = 31 − (Σ value(pᵢ) × wᵢ mod 31)`, where a result of 31 is written `0`, and otherwise `c` is the
 * index into {@link USCC_CHARSET} (so 30 is `Y`).
 */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_CHARSET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Checks an 18-character unified social credit code (GB 32100-2015).
 *
 * - `'bad-format'`: not 18 characters of the alphabet, or positions 3–8 are not digits.
 * - `'bad-check'`: well formed, but the 18th character is not `31 − (Σ value(pᵢ) × wᵢ mod 31)`.
 * - `'valid'` otherwise.
 *
 * Letters are compared case-insensitively; surrounding spaces are not trimmed (they make the code
 * 'bad-format'), so the caller decides whether to sanitise first.
 *
 * Worked example, `91350100M000100Y43`:
 * `9×1 + 1×3 + 3×9 + 5×27 + 0×19 + 1×26 + 0×16 + 0×17 + 21×20 (M) + 0×29 + 0×25 + 0×13 + 1×8 + 0×24
 * + 0×10 + 30×30 (Y) + 4×28 = 1640`; `1640 mod 31 = 28`; `31 − 28 = 3` → check character `3` → valid.
 */
export function checkUscc(code: string): UsccCheck {
  const upper = code.toUpperCase();
  if (!USCC_SHAPE.test(upper)) return 'bad-format';
  return usccCheckChar(upper.slice(0, 17)) === upper.charAt(17) ? 'valid' : 'bad-check';
}
