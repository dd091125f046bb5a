import type { Deal } from '../../src/domain/types';
import { dealBucket, packChunk, type DealPackChunk } from '../../src/storage/deal-pack-format';

/** The deals as the packed copy holds them (deal-pack.ts): one record per bucket, rows in id order. */
export function packedCopy(rows: readonly Deal[]): DealPackChunk[] {
  const buckets = new Map<number, Deal[]>();
  for (const d of rows) {
    const b = dealBucket(d.id);
    const list = buckets.get(b) ?? [];
    list.push(d);
    buckets.set(b, list);
  }
  return [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([b, list]) =>
      packChunk(
        b,
        list.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
      ),
    );
}
