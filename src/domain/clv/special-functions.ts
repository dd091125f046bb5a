/**
 * Special functions for the BG/NBD and Gamma-Gamma models: log-gamma, digamma (for the likelihood
 * gradients) and the Gauss hypergeometric series ₂F₁.
 *
 * Hand-written on purpose. The npm packages that offer them either pull in a whole numeric library
 * (mathjs, @stdlib: far more code than three functions need), or implement ₂F₁ as a bare series with
 * no guard for arguments near 1 — where the BG/NBD horizon puts us (z = t / (α + T + t) → 1 for a new
 * customer and a five-year horizon). All three are short, and the tests check them against closed forms.
 */

/** Lanczos coefficients for g = 7, n = 9 (Godfrey's set): relative error below 2e-15 for x ≥ 0.5. */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0 (Lanczos approximation; reflection Γ(x)Γ(1−x) = π / sin πx below 0.5).
 *
 * ln Γ(x) = ½ ln 2π + (x − ½) ln(x + g − ½) − (x + g − ½) + ln A_g(x), with A_g the Lanczos sum.
 *
 * @example lnGamma(5) // = ln 24 ≈ 3.1780538303479458
 * @example lnGamma(0.5) // = ln √π ≈ 0.5723649429247001
 * @returns NaN for x ≤ 0 (the models only need positive arguments).
 */
export function lnGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LN_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * ψ(x) = d ln Γ(x) / dx for x > 0: the recurrence ψ(x) = ψ(x+1) − 1/x up to x ≥ 10, then the
 * asymptotic series ψ(x) ≈ ln x − 1/(2x) − 1/(12x²) + 1/(120x⁴) − 1/(252x⁶) + 1/(240x⁸) − 1/(132x¹⁰)
 * (truncation error below 3e-14 there).
 *
 * @example digamma(1) // = −γ ≈ −0.5772156649015329
 * @returns NaN for x ≤ 0.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 0;
  let y = x;
  while (y < 10) {
    shift -= 1 / y;
    y += 1;
  }
  const inv2 = 1 / (y * y);
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
  return shift + Math.log(y) - 0.5 / y - series;
}

/** zⁿ < 1e-16 needs n ≈ 37 / (1 − z): full precision up to z ≈ 0.9996, and at most ~0.3 ms a call. */
const MAX_TERMS = 100_000;
const EPSILON = 1e-16;

/**
 * The ₂F₁ series with the factor b taken out of every term after the first:
 *
 * S(a, b; c; z) = (₂F₁(a, b; c; z) − 1) / b = Σ_{n≥1} (a)_n (b+1)_{n−1} zⁿ / ((c)_n n!),
 *
 * so that ₂F₁ = 1 + b·S. The BG/NBD expectation needs (1 − (1−z)^b ₂F₁) / b with b = a_BG − 1, which
 * is 0/0 when the fitted a is 1; written with S it has no cancellation at all (see bgnbd.ts).
 *
 * Guard near 1: for 0 ≤ z < 1 the terms eventually shrink like zⁿ, so the loop stops once a term
 * is below 1e-16 of the sum. When z is so close to 1 that this would take more than 100 000 terms,
 * the loop stops there and adds the geometric tail u·ρ / (1 − ρ) of the last term u and ratio ρ: the
 * result is then approximate (it is exact at z = 1 only when c − a − b > 0), but the call never hangs.
 *
 * @param z in (−1, 1); anything else gives NaN.
 * @example hyp2f1Excess(1, 1, 2, 0.5) // ₂F₁(1,1;2;z) = −ln(1−z)/z, so S = 2 ln 2 − 1 ≈ 0.386294
 */
export function hyp2f1Excess(a: number, b: number, c: number, z: number): number {
  if (!(z > -1 && z < 1)) return Number.NaN;
  let term = (a * z) / c;
  let sum = term;
  let ratio = 0;
  for (let n = 1; n < MAX_TERMS; n++) {
    ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    // Stop only once the terms shrink (|ratio| < 1): before that a small term says nothing.
    if (Math.abs(ratio) < 1 && Math.abs(term) <= EPSILON * Math.abs(sum)) return sum;
  }
  return Math.abs(ratio) < 1 ? sum + (term * ratio) / (1 - ratio) : sum;
}

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) = Σ_{n≥0} (a)_n (b)_n zⁿ / ((c)_n n!) for
 * −1 < z < 1, summed as 1 + b·S (see {@link hyp2f1Excess} for the guard near z = 1).
 *
 * @example hyp2f1(1, 1, 2, 0.5) // = −ln(0.5)/0.5 = 2 ln 2 ≈ 1.386294
 * @example hyp2f1(2, 3, 3, 0.5) // = (1 − z)^−2 = 4
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return 1 + b * hyp2f1Excess(a, b, c, z);
}

/**
 * Gauss–Legendre nodes and weights on [−1, 1]: the roots of the Legendre polynomial Pₙ found by Newton's
 * method from Tricomi's estimate cos(π(i − ¼)/(n + ½)), weights 2 / ((1 − x²) Pₙ′(x)²). Exact for
 * polynomials of degree up to 2n − 1.
 *
 * @example gaussLegendre(2) // nodes ±1/√3, weights 1, 1
 */
export function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 1;
    for (let step = 0; step < 100; step++) {
      // P₀ = 1, P₁ = x, (k+1) P_{k+1} = (2k+1) x P_k − k P_{k−1}.
      let previous = 1;
      let current = x;
      for (let k = 1; k < n; k++) {
        const next = ((2 * k + 1) * x * current - k * previous) / (k + 1);
        previous = current;
        current = next;
      }
      derivative = (n * (x * current - previous)) / (x * x - 1);
      const dx = current / derivative;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    const w = 2 / ((1 - x * x) * derivative * derivative);
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  return { nodes, weights };
}

const BETA_NODES = gaussLegendre(64);
/** Half-width of the integration window in standard deviations of the Beta distribution. */
const BETA_WINDOW_SD = 14;

/**
 * E[h(q)] for q ~ Beta(s₁, s₂) with both shapes ≥ 2 (a bell with no singular end), by 64-point
 * Gauss–Legendre quadrature over mean ± 14 standard deviations (clipped to [0, 1]), where all but
 * ~1e−12 of the mass lies. The density q^(s₁−1) (1−q)^(s₂−1) is evaluated in logs relative to its
 * value at the mode and the integral is divided by the same quadrature of the density alone, so
 * neither ln B(s₁, s₂) nor under- or overflow enters, however large the shapes.
 *
 * @example betaExpectation((q) => q, 3, 7) // = 3 / 10
 * @returns NaN when a shape is below 2.
 */
export function betaExpectation(h: (q: number) => number, s1: number, s2: number): number {
  if (!(s1 >= 2 && s2 >= 2)) return Number.NaN;
  const mean = s1 / (s1 + s2);
  const sd = Math.sqrt((mean * (1 - mean)) / (s1 + s2 + 1));
  const lo = Math.max(0, mean - BETA_WINDOW_SD * sd);
  const hi = Math.min(1, mean + BETA_WINDOW_SD * sd);
  const mode = (s1 - 1) / (s1 + s2 - 2);
  const lnAt = (q: number) => (s1 - 1) * Math.log(q) + (s2 - 1) * Math.log1p(-q);
  const lnMode = lnAt(mode);
  const half = (hi - lo) / 2;
  let mass = 0;
  let sum = 0;
  for (let i = 0; i < BETA_NODES.nodes.length; i++) {
    const q = lo + half * (1 + BETA_NODES.nodes[i]!);
    const density = BETA_NODES.weights[i]! * Math.exp(lnAt(q) - lnMode);
    mass += density;
    sum += density * h(q);
  }
  return sum / mass;
}
