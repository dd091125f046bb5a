import { describe, expect, it } from 'vitest';
import { minimise, type Objective } from '../../../../src/domain/clv';

/** Rosenbrock's banana valley: the classic hard case for a descent method, minimum 0 at (1, 1). */
const rosenbrock: Objective = ([x, y], g) => {
  g[0] = -2 * (1 - x!) - 400 * x! * (y! - x! * x!);
  g[1] = 200 * (y! - x! * x!);
  return (1 - x!) ** 2 + 100 * (y! - x! * x!) ** 2;
};

describe('minimise (BFGS)', () => {
  it('finds the minimum of a quadratic', () => {
    const quadratic: Objective = ([x, y], g) => {
      g[0] = 2 * (x! - 1);
      g[1] = 20 * (y! + 2);
      return (x! - 1) ** 2 + 10 * (y! + 2) ** 2;
    };
    const result = minimise(quadratic, [0, 0]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 7);
    expect(result.x[1]).toBeCloseTo(-2, 7);
  });

  it('follows Rosenbrock’s valley from the textbook start (−1.2, 1)', () => {
    const result = minimise(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
    expect(result.iterations).toBeLessThan(100);
  });

  it('backs off from points where the objective is not finite', () => {
    // ln-barrier: undefined for x ≤ 0; minimum of x − ln x at x = 1. A full step from 0.01 overshoots into x < 0.
    const barrier: Objective = ([x], g) => {
      g[0] = 1 - 1 / x!;
      return x! - Math.log(x!);
    };
    const result = minimise(barrier, [0.01]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
  });

  it('reports no convergence when the budget runs out or the start is not finite', () => {
    expect(minimise(rosenbrock, [-1.2, 1], { maxIterations: 3 }).converged).toBe(false);
    const nowhere: Objective = (_x, g) => {
      g[0] = 0;
      return Number.NaN;
    };
    expect(minimise(nowhere, [0]).converged).toBe(false);
  });

  it('reports no convergence when the objective falls without bound', () => {
    const slope: Objective = ([x], g) => {
      g[0] = -1;
      return -x!;
    };
    expect(minimise(slope, [0], { maxIterations: 50 }).converged).toBe(false);
  });
});
