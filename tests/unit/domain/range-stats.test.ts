import { describe, expect, it } from 'vitest';
import { rangeStats } from '../../../src/domain/range-stats';

describe('rangeStats', () => {
  it.each([
    { values: [], want: { cells: 0, filled: 0, numbers: 0, sum: 0, average: null } },
    {
      values: [1000, 250.5, '', 'ABC', null],
      want: { cells: 5, filled: 3, numbers: 2, sum: 1250.5, average: 625.25 },
    },
    { values: [0.1, 0.2], want: { cells: 2, filled: 2, numbers: 2, sum: 0.3, average: 0.15 } },
    // A phone number written as text is not summed; NaN and Infinity are not numbers.
    {
      values: ['0571-88001122', Number.NaN, Infinity, -5],
      want: { cells: 4, filled: 4, numbers: 1, sum: -5, average: -5 },
    },
    { values: [undefined, ''], want: { cells: 2, filled: 0, numbers: 0, sum: 0, average: null } },
  ])('$values', ({ values, want }) => {
    expect(rangeStats(values)).toEqual(want);
  });
});
