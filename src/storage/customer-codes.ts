/**
 * Who already holds a customer code. A code is the key imports match on, so a code held by a live
 * customer is refused to every other row (sheet, paste, import); codes are compared as `codeKey` does
 * (trim, NFKC, case), so `C0001` and `ｃ0001 ` are one code.
 *
 * Only the `code` index is read (keys and primary keys, no row), then the few rows that hold a wanted
 * code: a check at 100 000 customers reads no customer record but those.
 */
import { codeKey } from '../domain/duplicates/normalise';
import type { KehuDb } from './db';
import { guarded } from './errors';

export interface CodeOwner {
  id: string;
  code: string;
  name: string;
}

/**
 * The live customer (not one of `exceptIds`) holding each of `codes`, by `codeKey`. Example: with
 * C0001 stored for 华成电子, `findCodeOwners(db, ['c0001 '], [])` → `{ 'c0001' → 华成电子 }`.
 */
export function findCodeOwners(
  db: KehuDb,
  codes: readonly string[],
  exceptIds: readonly string[],
): Promise<Map<string, CodeOwner>> {
  return guarded(() =>
    db.transaction('r', db.customers, async () => {
      const wanted = new Set(codes.map(codeKey).filter((k) => k !== ''));
      const owners = new Map<string, CodeOwner>();
      if (wanted.size === 0) return owners;
      const except = new Set(exceptIds);
      const index = db.customers.orderBy('code');
      const [keys, ids] = await Promise.all([index.keys(), index.primaryKeys()]);
      const hits: string[] = [];
      keys.forEach((key, i) => {
        const id = String(ids[i]);
        if (typeof key === 'string' && wanted.has(codeKey(key)) && !except.has(id)) hits.push(id);
      });
      const rows = await db.customers.bulkGet(hits);
      for (const row of rows) {
        if (!row || row.deletedAt !== null) continue;
        const key = codeKey(row.code);
        if (!owners.has(key)) owners.set(key, { id: row.id, code: row.code, name: row.name });
      }
      return owners;
    }),
  );
}
