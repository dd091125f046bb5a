import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quintileScores, RFM_SEGMENTS, rfmSegment, scoreRanges } from '../../../../src/domain/analytics/rfm';

describe('quintileScores', () => {
  it.each<[string, number[], boolean, number[]]>([
    ['five distinct values', [10, 20, 30, 40, 50], false, [1, 2, 3, 4, 5]],
    ['ten values: two per score', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], false, [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]],
    ['input order does not matter', [50, 10, 40, 20, 30], false, [5, 1, 4, 2, 3]],
    ['a tie group at the bottom scores 1', [1, 1, 1, 2, 5], false, [1, 1, 1, 4, 5]],
    ['everyone tied: all 1', [7, 7, 7], false, [1, 1, 1]],
    ['recency: fewer days is better', [3, 300, 30, 7, 90], true, [5, 1, 3, 4, 2]],
    ['recency ties', [10, 10, 400, 400, 5], true, [3, 3, 1, 1, 5]],
    ['a single customer', [42], false, [1]],
  ])('%s', (_name, values, lowerIsBetter, scores) => {
    expect(Array.from(quintileScores(values, lowerIsBetter))).toEqual(scores);
  });

  it('is 1–5, and a better value never scores lower (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 80 }),
        fc.boolean(),
        (values, low) => {
          const s = quintileScores(values, low);
          values.forEach((v, i) => {
            expect(s[i]).toBeGreaterThanOrEqual(1);
            expect(s[i]).toBeLessThanOrEqual(5);
            values.forEach((w, j) => {
              const better = low ? v < w : v > w;
              if (better) expect(s[i]!).toBeGreaterThanOrEqual(s[j]!);
              if (v === w) expect(s[i]).toBe(s[j]);
            });
          });
        },
      ),
    );
  });
});

describe('rfmSegment', () => {
  it.each([
    [5, 5, 'champions'],
    [5, 4, 'champions'],
    [4, 5, 'loyal'],
    [3, 4, 'loyal'],
    [5, 2, 'potential-loyalist'],
    [4, 3, 'potential-loyalist'],
    [5, 1, 'new'],
    [4, 1, 'promising'],
    [3, 3, 'need-attention'],
    [3, 1, 'about-to-sleep'],
    [3, 2, 'about-to-sleep'],
    [2, 3, 'at-risk'],
    [1, 4, 'at-risk'],
    [2, 5, 'cannot-lose'],
    [1, 5, 'cannot-lose'],
    [2, 1, 'hibernating'],
    [2, 2, 'hibernating'],
    [1, 2, 'hibernating'],
    [1, 1, 'lost'],
  ])('R%i F%i → %s', (r, f, segment) => expect(rfmSegment(r, f)).toBe(segment));

  it('uses every segment name and covers all 25 cells', () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) seen.add(rfmSegment(r, f));
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it('rejects a score out of range', () => {
    expect(() => rfmSegment(0, 3)).toThrow(RangeError);
    expect(() => rfmSegment(3, 6)).toThrow(RangeError);
  });
});

describe('scoreRanges', () => {
  it('gives the lowest and highest value of each score', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(scoreRanges(values, quintileScores(values, false))).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    expect(scoreRanges([7, 7], quintileScores([7, 7], false))).toEqual([[7, 7], null, null, null, null]);
  });
});
