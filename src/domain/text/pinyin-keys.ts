/**
 * The pinyin keys of a text, which let a search typed in Latin letters find Chinese text: the full
 * pinyin ("shenzhen" finds 深圳) and the initials ("sz" finds 深圳). This module brings in pinyin-pro
 * and its dictionary (about 140 KB gzipped), so it is loaded only when a pinyin search is first typed
 * (`loadPinyinKeys` in pinyin-search.ts), never with the first page.
 *
 * pinyin-pro reads a run of characters as words (reverse maximum matching over its word list), which
 * gives polyphonic characters their reading in context: 重庆 is chongqing, 银行 is yinhang. It costs
 * about 2 µs a character, so keys are made per row, ahead and in slices (src/ui/grid/sheet-search.ts),
 * and short texts that repeat over many rows (regions, industries, owners, people) are remembered.
 */
import { pinyin } from 'pinyin-pro';
import { INITIALS } from './pinyin-search';

const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const HAS_HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Texts this short repeat over rows (a region, an owner, a contact): their keys are kept. */
const REMEMBERED_LENGTH = 8;
const REMEMBERED_MAX = 20_000;
const remembered = new Map<string, string>();

function lineKeys(line: string): string {
  if (!HAS_HAN.test(line)) return '';
  const short = line.length <= REMEMBERED_LENGTH;
  if (short) {
    const known = remembered.get(line);
    if (known !== undefined) return known;
  }
  const full: string[] = [];
  const initials: string[] = [];
  for (const run of line.match(HAN_RUN) ?? []) {
    const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true });
    full.push(syllables.join(''));
    initials.push(syllables.map((s) => s.charAt(0)).join(''));
  }
  const keys = `${full.join(' ')}${INITIALS}${initials.join(' ').toUpperCase()}`;
  if (short && remembered.size < REMEMBERED_MAX) remembered.set(line, keys);
  return keys;
}

/**
 * The pinyin keys of `text`, per line (a row's search text has one field a line): the full pinyin of
 * each run of Chinese characters (lower case, without tones, ü written v), then `INITIALS` and their
 * initials in capitals, so that a typed word finds the initials only from the start of a field (see
 * `matchesPinyin`). Empty when the text has no Chinese character.
 *
 * Example: `pinyinKeys('深圳瑞丰贸易\n张伟')` is `'shenzhenruifengmaoyi\u0001SZRFMY\nzhangwei\u0001ZW'`.
 */
export function pinyinKeys(text: string): string {
  if (!HAS_HAN.test(text)) return '';
  return text
    .split('\n')
    .map(lineKeys)
    .filter((keys) => keys !== '')
    .join('\n');
}
