import { describe, expect, it } from 'vitest';
import { atRiskReason, type AtRiskInput } from '../../../../src/domain/analytics/at-risk';

describe('atRiskReason', () => {
  const cases: [AtRiskInput, ReturnType<typeof atRiskReason>][] = [
    [{ tier: 'A', lifecycle: 'mature', pAlive: 0.42 }, 'p-alive'],
    [{ tier: 'B', lifecycle: 'declining', pAlive: 0.9 }, 'lifecycle'],
    [{ tier: 'A', lifecycle: 'lost', pAlive: 0.05 }, 'lifecycle'],
    [{ tier: 'A', lifecycle: 'mature', pAlive: 0.5 }, null],
    [{ tier: 'A', lifecycle: 'growing', pAlive: null }, null],
    [{ tier: 'C', lifecycle: 'lost', pAlive: 0.01 }, null],
    [{ tier: 'Z', lifecycle: 'declining', pAlive: 0.2 }, null],
  ];
  it.each(cases)('%o → %s', (input, expected) => {
    expect(atRiskReason(input)).toBe(expected);
  });
});
