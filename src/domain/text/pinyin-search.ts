/**
 * Searching Chinese text by pinyin: which typed words are pinyin, and the lazy load of the keys maker
 * (pinyin-keys.ts, with its dictionary, kept out of the first page's JavaScript).
 */

type PinyinKeysModule = typeof import('./pinyin-keys');

let loading: Promise<PinyinKeysModule> | null = null;
let loaded: PinyinKeysModule | null = null;

/** Loads pinyin-keys.ts once (the same promise for every caller). */
export function loadPinyinKeys(): Promise<PinyinKeysModule> {
  loading ??= import('./pinyin-keys').then((module) => (loaded = module));
  return loading;
}

/** `pinyinKeys` once loaded, else null (see `loadPinyinKeys`). */
export function pinyinKeysIfLoaded(): PinyinKeysModule['pinyinKeys'] | null {
  return loaded?.pinyinKeys ?? null;
}

/**
 * Whether a typed word (already lower case) may be pinyin: Latin letters only, at least two (a single
 * letter would find nearly every row by its initials).
 *
 * Example: `isPinyinWord('sz')` and `isPinyinWord('shenzhen')` are true; `isPinyinWord('c0001')`,
 * `isPinyinWord('s')` and `isPinyinWord('深圳')` are false.
 */
export function isPinyinWord(word: string): boolean {
  return /^[a-z]{2,}$/.test(word);
}

/** Marks where a field's initials start in its pinyin keys (pinyin-keys.ts). */
export const INITIALS = '\u0001';

/**
 * Whether a pinyin word is found in a text's pinyin keys (`pinyinKeys`): anywhere in the full pinyin,
 * or as the initials of the start of a field. Initials anywhere would find too much: 市中 in the
 * middle of an address is "sz" too.
 *
 * Example: with the keys of 深圳瑞丰贸易, `matchesPinyin(keys, 'sz')`, `'szrf'`, `'shenzhen'` and
 * `'ruifeng'` are true; `'rf'` (initials not at the start) and `'bj'` are false.
 */
export function matchesPinyin(keys: string, word: string): boolean {
  return isPinyinWord(word) && (keys.includes(word) || keys.includes(INITIALS + word.toUpperCase()));
}
