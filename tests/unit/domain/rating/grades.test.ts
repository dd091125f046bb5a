import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GRADE_CUTS,
  gradeFromScore,
  gradeTierTable,
  validGradeCuts,
} from '../../../../src/domain/rating/grades';

describe('grade from score', () => {
  const cuts = { core: 60, key: 45, ordinary: 30 };
  it.each([
    [72, 'core'],
    [60, 'core'],
    [59.999, 'key'],
    [45, 'key'],
    [30, 'ordinary'],
    [29.9, 'potential'],
    [0, 'potential'],
  ])('%d → %s (a score on a cut takes the higher grade)', (score, grade) => {
    expect(gradeFromScore(score, cuts)).toBe(grade);
  });

  it('validates cut points', () => {
    expect(validGradeCuts(DEFAULT_GRADE_CUTS)).toBe(true);
    expect(validGradeCuts({ core: 40, key: 45, ordinary: 30 })).toBe(false);
    expect(validGradeCuts({ core: 140, key: 45, ordinary: 30 })).toBe(false);
    expect(validGradeCuts({ core: 60, key: 45, ordinary: Number.NaN })).toBe(false);
  });
});

describe('grade × tier cross-table', () => {
  it('counts graded customers by tier, without value figures under none', () => {
    const table = gradeTierTable([
      { grade: 'core', tier: 'A' },
      { grade: 'core', tier: null },
      { grade: null, tier: 'B' },
      { grade: 'potential', tier: 'Z' },
      { grade: 'core', tier: 'A' },
      { grade: 'ordinary', tier: 'N' },
    ]);
    expect(table.core).toEqual({ A: 2, B: 0, C: 0, N: 0, Z: 0, none: 1 });
    expect(table.potential.Z).toBe(1);
    expect(table.ordinary.N).toBe(1);
    expect(table.key).toEqual({ A: 0, B: 0, C: 0, N: 0, Z: 0, none: 0 });
  });
});
