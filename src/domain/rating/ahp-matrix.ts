/**
 * Building the AHP pairwise-comparison matrix from the owner's judgements.
 *
 * A judgement says how much more important criterion `a` is than criterion `b` on Saaty's 1–9 scale
 * (1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme, even numbers between; the reciprocals
 * 1/2 … 1/9 say the reverse). Judgements are stored by criterion key, not by position, so enabling or
 * removing a criterion keeps every other judgement; a pair never judged counts as equal (1).
 */

export interface Judgement {
  /** Criterion judged more (or less) important… */
  a: string;
  /** …than this one. */
  b: string;
  /** a_ab on Saaty's scale: 1/9 … 9. */
  value: number;
}

/** Saaty's fundamental scale with its reciprocals, from 9 (a extremely more important) down to 1/9. */
export const SAATY_SCALE: readonly number[] = [
  9,
  8,
  7,
  6,
  5,
  4,
  3,
  2,
  1,
  1 / 2,
  1 / 3,
  1 / 4,
  1 / 5,
  1 / 6,
  1 / 7,
  1 / 8,
  1 / 9,
];

/**
 * The scale value nearest to `value` on a log scale (so 1/3 and 3 are equally far from 1).
 * Example: `nearestSaaty(2.6)` → 3; `nearestSaaty(0.3)` → 1/3; `nearestSaaty(40)` → 9.
 */
export function nearestSaaty(value: number): number {
  const target = Math.log(value);
  let best = 1;
  let bestDistance = Infinity;
  for (const s of SAATY_SCALE) {
    const d = Math.abs(Math.log(s) - target);
    if (d < bestDistance - 1e-12) {
      best = s;
      bestDistance = d;
    }
  }
  return best;
}

/** Whether `value` is on Saaty's scale (allowing for the rounding of a stored 1/3). */
export function isSaatyValue(value: unknown): value is number {
  return typeof value === 'number' && SAATY_SCALE.some((s) => Math.abs(s - value) < 1e-9);
}

/**
 * Completes a matrix from its upper triangle: a_ii = 1 and a_ji = 1 / a_ij for i < j. Entries on and
 * below the diagonal of the input are ignored.
 *
 * Example: `reciprocalFill([[1, 3], [0, 1]])` → `[[1, 3], [1/3, 1]]`.
 */
export function reciprocalFill(upper: readonly (readonly number[])[]): number[][] {
  const n = upper.length;
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = upper[i]?.[j] ?? 1;
      (a[i] as number[])[j] = v;
      (a[j] as number[])[i] = 1 / v;
    }
  }
  return a;
}

/** The stored value of a over b: the judgement itself, the reciprocal of b over a, or 1. */
export function judgementValue(judgements: readonly Judgement[], a: string, b: string): number {
  if (a === b) return 1;
  for (const j of judgements) {
    if (j.a === a && j.b === b) return j.value;
    if (j.a === b && j.b === a) return 1 / j.value;
  }
  return 1;
}

/**
 * The reciprocal matrix of the criteria `keys` (in that order): a_ij = value of keys[i] over keys[j].
 *
 * Example: keys ['value', 'loyalty'] with the judgement {a: 'loyalty', b: 'value', value: 1/3}
 * → `[[1, 3], [1/3, 1]]`.
 */
export function judgementMatrix(keys: readonly string[], judgements: readonly Judgement[]): number[][] {
  const upper = keys.map((a, i) => keys.map((b, j) => (j > i ? judgementValue(judgements, a, b) : 1)));
  return reciprocalFill(upper);
}

/**
 * The judgements with a over b set to `value` (any earlier judgement of the pair, in either direction,
 * is replaced). Example: setting ('value', 'loyalty', 3) over `[{a: 'loyalty', b: 'value', value: 1/5}]`
 * → `[{a: 'value', b: 'loyalty', value: 3}]`.
 */
export function setJudgement(
  judgements: readonly Judgement[],
  a: string,
  b: string,
  value: number,
): Judgement[] {
  const rest = judgements.filter((j) => !((j.a === a && j.b === b) || (j.a === b && j.b === a)));
  return [...rest, { a, b, value }];
}
