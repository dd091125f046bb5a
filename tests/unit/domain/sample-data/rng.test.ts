import { describe, expect, it } from 'vitest';
import { createRng, pickWeighted, uuid, weighted } from '../../../../src/domain/sample-data/rng';
import { UUID_V4 } from './helpers';

describe('seeded random numbers', () => {
  it('repeats a stream for the same seed and name, and differs otherwise', () => {
    const draw = (seed: number, name: string) => {
      const rng = createRng(seed, name);
      return Array.from({ length: 5 }, () => rng.uint32());
    };
    expect(draw(1, 'a')).toEqual(draw(1, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(2, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'));
  });

  it('draws floats in [0, 1) with a uniform mean and integers in range', () => {
    const rng = createRng(9, 'test');
    let sum = 0;
    let outside = 0;
    const ints = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      ints.add(rng.between(3, 5));
    }
    expect(outside).toBe(0);
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
    expect([...ints].sort()).toEqual([3, 4, 5]);
  });

  it('draws normal deviates with mean 0 and standard deviation 1', () => {
    const rng = createRng(9, 'normal');
    const xs = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it('follows the weights of a weighted table', () => {
    const rng = createRng(9, 'weighted');
    const table = weighted<'a' | 'b' | 'c'>([
      ['a', 1],
      ['b', 3],
      ['c', 0],
    ]);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[pickWeighted(rng, table)] += 1;
    expect(counts.c).toBe(0);
    expect(counts.b / 10_000).toBeCloseTo(0.75, 1);
  });

  it('makes UUID-v4-shaped ids', () => {
    const rng = createRng(9, 'ids');
    const ids = Array.from({ length: 1_000 }, () => uuid(rng));
    expect(ids.filter((id) => !UUID_V4.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(1_000);
  });
});
