/**
 * Fuzzy comprehensive evaluation (模糊综合评价): each criterion's value is turned into a membership
 * vector over the grades (the rows of R), and B = A ∘ R combines them with the weights A.
 *
 * Operator M(·, +) (weighted average): b_k = Σ_i a_i · r_ik. It keeps every criterion's information,
 * unlike Zadeh's M(∧, ∨), which lets one criterion decide.
 *
 * Membership functions: triangular on the normalised value (0 … 1), one peak per grade. The peaks are
 * per criterion (`centres`, lowest grade first); by default evenly spaced. The memberships of a value
 * always sum to 1.
 */

/**
 * B = A ∘ R with the weighted-average operator M(·, +).
 *
 * Example (mathmodels' documentation, tests/fixtures/mcdm/fuzzy-weighted-sum.json): A = (0.3, 0.3, 0.3,
 * 0.1), R = [[0.8, 0.1, 0.1], [0.7, 0.2, 0.1], [0.6, 0.2, 0.2], [0.7, 0.1, 0.2]] → B = (0.70, 0.16, 0.14).
 */
export function fuzzyComposite(weights: readonly number[], r: readonly (readonly number[])[]): number[] {
  const grades = r[0]?.length ?? 0;
  const b = new Array<number>(grades).fill(0);
  r.forEach((row, i) => {
    const a = weights[i] ?? 0;
    row.forEach((rik, k) => {
      b[k] = (b[k] ?? 0) + a * rik;
    });
  });
  return b;
}

/** Evenly spaced peaks for `grades` grades on 0 … 1, lowest grade first: 4 → (0, 1/3, 2/3, 1). */
export function evenCentres(grades: number): number[] {
  return Array.from({ length: grades }, (_, k) => (grades > 1 ? k / (grades - 1) : 1));
}

/**
 * Triangular memberships of `x` in grades peaking at `centres` (ascending, lowest grade first): full
 * membership at a peak, falling linearly to 0 at the neighbouring peaks; below the first peak or above
 * the last, full membership of the end grade.
 *
 * Example: centres (0, 1/3, 2/3, 1), x = 0.5 → (0, 0.5, 0.5, 0); x = 0.9 → (0, 0, 0.3, 0.7).
 */
export function triangularMemberships(x: number, centres: readonly number[]): number[] {
  const m = new Array<number>(centres.length).fill(0);
  const last = centres.length - 1;
  if (last < 0) return m;
  if (x <= (centres[0] ?? 0)) {
    m[0] = 1;
    return m;
  }
  if (x >= (centres[last] ?? 1)) {
    m[last] = 1;
    return m;
  }
  for (let k = 0; k < last; k++) {
    const lo = centres[k] ?? 0;
    const hi = centres[k + 1] ?? 1;
    if (x >= lo && x <= hi) {
      const t = hi > lo ? (x - lo) / (hi - lo) : 1;
      m[k] = 1 - t;
      m[k + 1] = t;
      return m;
    }
  }
  return m;
}
