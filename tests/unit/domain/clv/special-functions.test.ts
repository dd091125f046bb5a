import { describe, expect, it } from 'vitest';
import {
  betaExpectation,
  digamma,
  gaussLegendre,
  hyp2f1,
  hyp2f1Excess,
  lnGamma,
} from '../../../../src/domain/clv';

const EULER_GAMMA = 0.5772156649015329;

/** |actual − expected| ≤ tolerance · max(1, |expected|): relative for large values, absolute near 0. */
function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

describe('lnGamma', () => {
  // Closed forms Γ(n) = (n−1)!, Γ(½) = √π; the others from mpmath (25 digits).
  it.each([
    [1, 0],
    [2, 0],
    [5, Math.log(24)],
    [0.5, 0.5 * Math.log(Math.PI)],
    [1.5, Math.log(Math.sqrt(Math.PI) / 2)],
    [0.1, Math.log(9.513507698668732)],
    [0.243, 1.3180435846996699],
    [30, Math.log(8.841761993739701e30)],
    [171.5, 709.1431630309282],
  ])('ln Γ(%d)', (x, expected) => {
    expectRelative(lnGamma(x), expected, 1e-13);
  });

  it('is NaN outside x > 0', () => {
    expect(lnGamma(0)).toBeNaN();
    expect(lnGamma(-1.5)).toBeNaN();
  });
});

describe('digamma', () => {
  // ψ(1) = −γ, ψ(½) = −γ − 2 ln 2, ψ(n+1) = ψ(n) + 1/n.
  it.each([
    [1, -EULER_GAMMA],
    [0.5, -EULER_GAMMA - 2 * Math.LN2],
    [2, 1 - EULER_GAMMA],
    [10, 1 + 1 / 2 + 1 / 3 + 1 / 4 + 1 / 5 + 1 / 6 + 1 / 7 + 1 / 8 + 1 / 9 - EULER_GAMMA],
    [1000.5, 6.907755320648796],
  ])('ψ(%d)', (x, expected) => {
    expect(digamma(x)).toBeCloseTo(expected, 12);
  });

  it('is the derivative of lnGamma', () => {
    for (const x of [0.05, 0.7, 3.3, 42]) {
      const h = 1e-5 * x;
      expect(digamma(x)).toBeCloseTo((lnGamma(x + h) - lnGamma(x - h)) / (2 * h), 6);
    }
  });
});

describe('hyp2f1 (Gauss hypergeometric ₂F₁)', () => {
  // Closed forms (Abramowitz & Stegun 15.1): ₂F₁(1,1;2;z) = −ln(1−z)/z, ₂F₁(a,b;b;z) = (1−z)^−a,
  // ₂F₁(½,1;3/2;z²) = atanh(z)/z.
  it.each([0.1, 0.5, 0.9, 0.99, -0.5])('matches the closed forms at z = %d', (z) => {
    expectRelative(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z, 1e-13);
    expectRelative(hyp2f1(2.5, 0.7, 0.7, z), Math.pow(1 - z, -2.5), 1e-13);
    const w = Math.sqrt(Math.abs(z));
    if (z > 0) expectRelative(hyp2f1(0.5, 1, 1.5, z), Math.atanh(w) / w, 1e-13);
  });

  it('hyp2f1Excess is (₂F₁ − 1)/b, and finite at b = 0', () => {
    expect(hyp2f1Excess(1, 1, 2, 0.5)).toBeCloseTo(2 * Math.LN2 - 1, 14);
    // At b = 0 the series is Σ (a)_n/(c)_n · zⁿ/n; with a = c that is −ln(1−z).
    expect(hyp2f1Excess(2, 0, 2, 0.5)).toBeCloseTo(Math.LN2, 14);
  });

  it('stops at a terminating series (a a negative integer)', () => {
    // ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1)).
    expect(hyp2f1(-2, 3, 4, 0.5)).toBeCloseTo(1 - (2 * 3 * 0.5) / 4 + (3 * 4 * 0.25) / (4 * 5), 14);
  });

  it('does not hang near z = 1, and still approaches Gauss’s ₂F₁(a,b;c;1) when c − a − b > 0', () => {
    const started = performance.now();
    const z = 1 - 1e-12;
    // Gauss: ₂F₁(½,½;3;1) = Γ(3)Γ(2) / Γ(5/2)² = 2 / (3√π/4)²
    expect(hyp2f1(0.5, 0.5, 3, z)).toBeCloseTo(2 / ((3 * Math.sqrt(Math.PI)) / 4) ** 2, 6);
    // c − a − b < 0: diverges like (1−z)^(c−a−b) at 1; here it must only come back, finite.
    expect(Number.isFinite(hyp2f1(1, 1, 1.5, z))).toBe(true);
    expect(Number.isFinite(hyp2f1(50.2, 52.4, 53.2, 0.9999))).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('is NaN outside −1 < z < 1', () => {
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, 2, -1)).toBeNaN();
    expect(hyp2f1(1, 1, 2, Number.NaN)).toBeNaN();
  });
});

describe('gaussLegendre', () => {
  it('has the textbook 2-point rule: nodes ±1/√3, weights 1', () => {
    const { nodes, weights } = gaussLegendre(2);
    expect(nodes[0]).toBeCloseTo(-1 / Math.sqrt(3), 15);
    expect(nodes[1]).toBeCloseTo(1 / Math.sqrt(3), 15);
    expect([...weights]).toEqual([expect.closeTo(1, 15), expect.closeTo(1, 15)]);
  });

  it('integrates every monomial up to degree 2n − 1 exactly on [−1, 1] (n = 64)', () => {
    const { nodes, weights } = gaussLegendre(64);
    for (let k = 0; k <= 127; k++) {
      const sum = nodes.reduce((s, x, i) => s + weights[i]! * x ** k, 0);
      expectRelative(sum, k % 2 === 1 ? 0 : 2 / (k + 1), 1e-13);
    }
  });
});

describe('betaExpectation', () => {
  it('gives the Beta moments: E[q] = s₁/(s₁+s₂), E[q²] = s₁(s₁+1)/((s₁+s₂)(s₁+s₂+1))', () => {
    for (const [s1, s2] of [
      [3, 7],
      [50, 70],
      [2, 2],
      [1e4, 3e5],
      [2.5e7, 8e8],
    ] as const) {
      expectRelative(
        betaExpectation((q) => q, s1, s2),
        s1 / (s1 + s2),
        1e-12,
      );
      expectRelative(
        betaExpectation((q) => q * q, s1, s2),
        (s1 * (s1 + 1)) / ((s1 + s2) * (s1 + s2 + 1)),
        1e-12,
      );
    }
  });

  it('gives E[1/(1−q)] = (s₁+s₂−1)/(s₂−1) and E[ln q] = ψ(s₁) − ψ(s₁+s₂)', () => {
    for (const [s1, s2] of [
      [4, 9],
      [30, 900],
    ] as const) {
      expectRelative(
        betaExpectation((q) => 1 / (1 - q), s1, s2),
        (s1 + s2 - 1) / (s2 - 1),
        1e-11,
      );
      expectRelative(betaExpectation(Math.log, s1, s2), digamma(s1) - digamma(s1 + s2), 1e-11);
    }
  });

  it('is NaN for a shape below 2 (an end of the density would be singular or not smooth)', () => {
    expect(betaExpectation((q) => q, 1.5, 4)).toBeNaN();
    expect(betaExpectation((q) => q, 4, 0.5)).toBeNaN();
  });
});
