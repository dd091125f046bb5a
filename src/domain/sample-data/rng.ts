/**
 * Seeded pseudo-random numbers for the sample data set.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast counting" generator from PractRand): four
 * 32-bit words of state, passes BigCrush, and needs nothing but 32-bit integer arithmetic, so it runs
 * the same in Node, the browser and a Web Worker. Each table draws from its own named stream
 * (`createRng(seed, 'deals')`), so the deals can be streamed on their own and still come out exactly as
 * they do inside `generateSampleData`.
 */

/** A seeded source of random numbers; every method advances the same stream. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform unsigned 32-bit integer. */
  uint32(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [lo, hi], both included. */
  between(lo: number, hi: number): number;
  /** Uniform float in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal deviate (Box–Muller). */
  normal(): number;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
}

/** murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a hash of a stream name. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A new sfc32 stream for `seed` (any number; truncated to an unsigned 32-bit integer) and a stream
 * name. Same seed and name → same sequence, on every platform.
 */
export function createRng(seed: number, stream: string): Rng {
  const s = Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
  const h = hashName(stream);
  let a = mix32(s ^ 0x9e3779b9);
  let b = mix32(h ^ 0x85ebca6b);
  let c = mix32((s + h) ^ 0xc2b2ae35);
  let d = 1;

  function uint32(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  // The recommended warm-up: let the seed bits spread through the whole state.
  for (let i = 0; i < 15; i++) uint32();

  function next(): number {
    return uint32() / 4294967296;
  }

  return {
    next,
    uint32,
    int: (n) => Math.floor(next() * n),
    between: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    uniform: (lo, hi) => lo + next() * (hi - lo),
    chance: (p) => next() < p,
    normal: () => {
      const u = 1 - next(); // (0, 1]: log(u) is finite
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty array');
      return item;
    },
  };
}

/** A table for drawing items with given relative weights. */
export interface Weighted<T> {
  readonly items: readonly T[];
  /** Running totals of the weights, normalised so the last is 1. */
  readonly cumulative: Float64Array;
}

/** Builds a weighted table from `[item, weight]` pairs (weights ≥ 0, not all 0). */
export function weighted<T>(entries: readonly (readonly [T, number])[]): Weighted<T> {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  if (!(total > 0)) throw new RangeError('weighted table needs a positive total weight');
  const cumulative = new Float64Array(entries.length);
  let run = 0;
  entries.forEach(([, w], i) => {
    run += w;
    cumulative[i] = run / total;
  });
  cumulative[entries.length - 1] = 1;
  return { items: entries.map(([item]) => item), cumulative };
}

/** Draws one item of a weighted table (a linear scan: the tables here are short). */
export function pickWeighted<T>(rng: Rng, table: Weighted<T>): T {
  const u = rng.next();
  const { cumulative, items } = table;
  let i = 0;
  while (i < cumulative.length - 1 && u >= (cumulative[i] ?? 1)) i++;
  const item = items[i];
  if (item === undefined) throw new RangeError('empty weighted table');
  return item;
}

/** Two hex digits for each byte value ('00' … 'ff'): much faster than `toString(16)`. */
const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex(byte: number): string {
  return HEX_BYTE[byte & 0xff] ?? '00';
}

function hex4(x: number): string {
  return hex(x >>> 8) + hex(x);
}

/** A UUID-v4-shaped id (version nibble 4, variant 10xx) made from the seeded stream. */
export function uuid(rng: Rng): string {
  const a = rng.uint32();
  const b = rng.uint32();
  const c = rng.uint32();
  const d = rng.uint32();
  return (
    hex4(a >>> 16) +
    hex4(a) +
    '-' +
    hex4(b >>> 16) +
    '-' +
    hex4((b & 0x0fff) | 0x4000) +
    '-' +
    hex4(((c >>> 16) & 0x3fff) | 0x8000) +
    '-' +
    hex4(c) +
    hex4(d >>> 16) +
    hex4(d)
  );
}
