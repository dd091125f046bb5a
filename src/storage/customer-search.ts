/**
 * The Customer 360 picker's search: at most `limit` active customers whose code or name contains the
 * typed text, those whose code starts with it first. It reads only what it needs, never the whole
 * table at once: the `code` index for the prefix matches, then the table in pages of `PAGE` rows (one
 * getAll over a key range each), stopping as soon as `limit` matches are found. A picked option's
 * label ("C0001 · Acme") searches for its code. No schema change: `code` is indexed since version 1.
 * A word of Latin letters also finds names by their pinyin ("sz", "shenzhen" find 深圳…): the keys are
 * made per name while scanning (about 20 µs a name, some 40 ms a page at worst), with pinyin-pro
 * loaded before the transaction starts (an await on anything else would end it).
 */
import { isPinyinWord, loadPinyinKeys, matchesPinyin } from '../domain/text/pinyin-search';
import type { Customer } from '../domain/types';
import type { KehuDb } from './db';
import { handleStorageError } from './errors';

const PAGE = 2_000;

const norm = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/** The text a search looks for: the code of a picked "code · name" label, or the typed text. */
export function searchKey(text: string): string {
  const labelled = /^(.+?)\s*·\s*(.+)$/.exec(text.trim());
  return norm(labelled ? (labelled[1] ?? '') : text);
}

export async function searchCustomers(db: KehuDb, text: string, limit = 50): Promise<Customer[]> {
  const key = searchKey(text);
  const active = (c: Customer) => c.deletedAt === null;
  const keysOf = isPinyinWord(key) ? await pinyinKeysOrNull() : null;
  const matches = (c: Customer) =>
    norm(c.code).includes(key) ||
    norm(c.name).includes(key) ||
    (keysOf !== null && matchesPinyin(keysOf(c.name), key));
  try {
    return await db.transaction('r', db.customers, async () => {
      if (key === '') return db.customers.orderBy('code').filter(active).limit(limit).toArray();
      const found = new Map<string, Customer>();
      const byPrefix = await db.customers
        .where('code')
        .startsWithAnyOf([...new Set([key, key.toUpperCase(), text.trim()])])
        .filter(active)
        .limit(limit)
        .toArray();
      for (const c of byPrefix) found.set(c.id, c);
      let after: string | null = null;
      while (found.size < limit) {
        const page: Customer[] =
          after === null
            ? await db.customers.limit(PAGE).toArray()
            : await db.customers.where(':id').above(after).limit(PAGE).toArray();
        for (const c of page) {
          if (found.size >= limit) break;
          if (active(c) && !found.has(c.id) && matches(c)) found.set(c.id, c);
        }
        if (page.length < PAGE) break;
        after = page[page.length - 1]?.id ?? null;
      }
      return [...found.values()];
    });
  } catch (e) {
    throw handleStorageError(e);
  }
}

/** The pinyin keys maker, or null when it cannot be loaded (offline before it was ever cached). */
async function pinyinKeysOrNull(): Promise<((text: string) => string) | null> {
  try {
    return (await loadPinyinKeys()).pinyinKeys;
  } catch {
    return null;
  }
}
