import { describe, expect, it } from 'vitest';
import { dealKind } from '../../../src/domain/deal-kind';

describe('dealKind', () => {
  it.each([
    [-1, 'return'],
    [-20_000, 'return'],
    [0, 'sale'],
    [1, 'sale'],
  ] as const)('amount %d → %s', (amount, kind) => {
    expect(dealKind({ amount })).toBe(kind);
  });
});
