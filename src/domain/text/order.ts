/**
 * The order of text in every list and sheet: Chinese by pinyin, as Excel and WPS sort it (北京 before
 * 上海, 东莞 before 中山), with Latin letters case-insensitively (Unicode's collation for Chinese with
 * the pinyin tailoring, ICU's data in the browser and in Node). Code-point order, JavaScript's `<`, puts
 * 上海 (U+4E0A) before 北京 (U+5317).
 *
 * One collator for every UI language: the customers are Chinese companies whatever the language of the
 * screens, and one order means an export, a sheet and a list agree. Identifiers (codes, tax IDs,
 * phones) keep the plain order of their characters: that is how IndexedDB orders an index, which the
 * Customers sheet reads in (src/state/sheet-order.ts).
 */

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

/**
 * Compares two texts in pinyin order: negative when `a` comes first, 0 when they are the same text
 * (also for different texts that collate equal), positive when `b` comes first.
 *
 * Example: `compareText('北京', '上海') < 0` (bei < shang); `compareText('apple', 'Banana') < 0`.
 */
export function compareText(a: string, b: string): number {
  return a === b ? 0 : collator.compare(a, b);
}

/**
 * Compares two cell values as a sheet sorts them: empty (null or undefined) first, then texts in
 * pinyin order (`compareText`), anything else by `<` / `>`.
 *
 * Example: `compareCells(null, '北京') < 0`, `compareCells('北京', '上海') < 0`, `compareCells(2, 10) < 0`.
 */
export function compareCells(a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  return (a as number) > (b as number) ? 1 : (a as number) < (b as number) ? -1 : 0;
}

/** `items` sorted by the text `key` gives, in pinyin order (a sorted copy, stable). */
export function byText<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareText(key(x), key(y)));
}
