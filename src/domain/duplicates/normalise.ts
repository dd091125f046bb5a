/**
 * Comparable forms of the fields two customer rows are compared on (the duplicate finder, unique codes,
 * imports matched on a normalised name). Each function returns `''` when the value holds nothing to
 * compare on, and a `''` key never matches anything.
 *
 * Policy: a key removes only what two people would write differently for the same firm (width, case,
 * spaces and punctuation, the legal form, the city it sits in, a country code); it never guesses a
 * spelling, so 华成电子 and 华盛电子 stay two customers.
 */

/** NFKC, skipped for plain ASCII (which it leaves as it is): 100 000 phones and e-mails go through here. */
function nfkc(text: string): string {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) return text.normalize('NFKC');
  return text;
}

/**
 * A customer code as compared for uniqueness: NFKC (full-width → half-width), trimmed, lower case.
 * Example: `' Ｃ０００１ '` → `'c0001'`.
 */
export function codeKey(code: string): string {
  return nfkc(code).trim().toLowerCase();
}

/** Provinces, regions and large cities, longest first so 内蒙古 wins over 内蒙. */
const PLACES = [
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
  '内蒙古',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
  '深圳',
  '广州',
  '东莞',
  '佛山',
  '珠海',
  '中山',
  '惠州',
  '汕头',
  '厦门',
  '福州',
  '泉州',
  '杭州',
  '宁波',
  '温州',
  '义乌',
  '绍兴',
  '嘉兴',
  '台州',
  '金华',
  '南京',
  '苏州',
  '无锡',
  '常州',
  '南通',
  '扬州',
  '徐州',
  '昆山',
  '合肥',
  '济南',
  '青岛',
  '烟台',
  '潍坊',
  '临沂',
  '郑州',
  '洛阳',
  '武汉',
  '长沙',
  '南昌',
  '成都',
  '绵阳',
  '贵阳',
  '昆明',
  '西安',
  '兰州',
  '西宁',
  '银川',
  '乌鲁木齐',
  '拉萨',
  '南宁',
  '桂林',
  '海口',
  '三亚',
  '石家庄',
  '唐山',
  '保定',
  '太原',
  '呼和浩特',
  '包头',
  '沈阳',
  '大连',
  '长春',
  '哈尔滨',
  '天津滨海',
  '浦东',
].sort((a, b) => b.length - a.length);

/** Legal-form and branch words (Chinese after NFKC and lower case), longest first. */
const LEGAL_ZH = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '分公司',
  '子公司',
  '总公司',
  '集团',
  '公司',
  '商行',
  '工作室',
  '经营部',
  '贸易行',
  '厂',
];
/** Legal-form words of English and German names, compared as whole words. */
const LEGAL_EN = new Set([
  'co',
  'company',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'llc',
  'gmbh',
  'corp',
  'corporation',
  'plc',
  'ag',
  'sa',
  'srl',
  'bv',
  'pte',
  'pty',
  'group',
  'holdings',
  'the',
  'and',
]);

const PLACE_SUFFIXES = ['特别行政区', '自治区', '省', '市', '区', '县'];
const PLACE_ALT = PLACES.join('|');
const BRACKETED = /[(（[【]([^()（）[\]【】]*)[)）\]】]/g;
const HAS_BRACKET = /[(（[【]/;
const ONLY_PLACE_OR_FORM = new RegExp(
  `^(?:(?:${PLACE_ALT})(?:${PLACE_SUFFIXES.join('|')})?|${LEGAL_ZH.join('|')}|办事处|分部|branch|hq)+$`,
);
/** Places by their first character, so a prefix is looked up, not matched against a hundred names. */
const PLACES_BY_FIRST = new Map<string, string[]>();
for (const place of PLACES) {
  const list = PLACES_BY_FIRST.get(place[0] ?? '') ?? [];
  list.push(place);
  PLACES_BY_FIRST.set(place[0] ?? '', list);
}

/** `text` without its leading places (广东省深圳市…), unless fewer than two characters would be left. */
function withoutPlacePrefix(text: string): string {
  let rest = text;
  for (let found = true; found;) {
    found = false;
    for (const place of PLACES_BY_FIRST.get(rest[0] ?? '') ?? []) {
      if (!rest.startsWith(place)) continue;
      let next = rest.slice(place.length);
      const suffix = PLACE_SUFFIXES.find((s) => next.startsWith(s));
      if (suffix) next = next.slice(suffix.length);
      if (next.length < 2) return rest;
      rest = next;
      found = true;
      break;
    }
  }
  return rest;
}

/** `text` without its trailing legal-form words (…股份有限公司), unless fewer than two would be left. */
function withoutLegalForm(text: string): string {
  let rest = text;
  for (let found = true; found;) {
    found = false;
    for (const form of LEGAL_ZH) {
      if (!rest.endsWith(form) || rest.length - form.length < 2) continue;
      rest = rest.slice(0, -form.length);
      found = true;
      break;
    }
  }
  return rest;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The words of a lower-cased name: runs of letters and digits, split at anything else (spaces,
 * punctuation, symbols). ASCII and CJK are decided by code, the rest by a Unicode class (rare).
 */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    const keep =
      c < 0x80
        ? (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)
        : (c >= 0x3400 && c <= 0x9fff) || LETTER_OR_DIGIT.test(text[i] ?? '');
    if (keep && start < 0) start = i;
    else if (!keep && start >= 0) {
      words.push(text.slice(start, i));
      start = -1;
    }
  }
  return words;
}

/**
 * The normalised name two spellings of one firm share: NFKC (full-width → half-width), lower case;
 * a bracketed part that names only a place or a legal form dropped; a leading province or city
 * (深圳, 广东省深圳市) and trailing legal-form words (有限公司, 集团, Co., Ltd., Inc., LLC, GmbH…)
 * dropped; then every space and punctuation mark. Nothing is dropped that would leave fewer than two
 * characters (深圳集团 → 深圳, 深圳华公司 → 深圳华).
 *
 * Examples: `'深圳华成电子有限公司'` and `'华成电子（深圳）'` → `'华成电子'`;
 * `'Acme Trading Co., Ltd.'` → `'acmetrading'`.
 */
export function nameKey(name: string): string {
  const plain = nfkc(name).toLowerCase().trim();
  if (plain === '') return '';
  const text = HAS_BRACKET.test(plain)
    ? plain.replace(BRACKETED, (_all, inner: string) => {
        const bare = inner.replace(/[^\p{L}\p{N}]+/gu, '');
        return ONLY_PLACE_OR_FORM.test(bare) ? ' ' : ` ${inner} `;
      })
    : plain;
  let key = wordsOf(text)
    .filter((w) => !LEGAL_EN.has(w))
    .join('');
  for (let pass = 0; pass < 3; pass++) {
    const before = key;
    key = withoutPlacePrefix(withoutLegalForm(key));
    if (key === before) break;
  }
  if (key !== '') return key;
  return wordsOf(plain).join('');
}

/**
 * A phone number as digits: country code +86 / 0086 dropped, spaces, dashes, dots and brackets gone;
 * a Chinese landline keeps (or regains) its leading 0. Fewer than 7 digits is no number (`''`).
 *
 * Examples: `'+86 138-0013-8000'` → `'13800138000'`; `'(0755) 8888 1234'` → `'075588881234'`;
 * `'+86 755 8888 1234'` → `'075588881234'`.
 */
export function phoneKey(phone: string): string {
  const text = nfkc(phone).trim();
  let digits = text.replace(/\D+/g, '');
  let international = false;
  if (text.startsWith('+')) {
    if (!digits.startsWith('86')) return digits.length >= 7 ? `+${digits}` : '';
    digits = digits.slice(2);
    international = true;
  } else if (digits.startsWith('0086')) {
    digits = digits.slice(4);
    international = true;
  } else if (digits.length === 13 && digits.startsWith('861')) {
    digits = digits.slice(2);
  }
  const mobile = digits.length === 11 && digits.startsWith('1');
  if (international && !mobile && !digits.startsWith('0')) digits = `0${digits}`;
  return digits.length >= 7 ? digits : '';
}

/** An e-mail address trimmed and in lower case; `''` when it has no `@`. Example: `' Li@X.cn'` → `'li@x.cn'`. */
export function emailKey(email: string): string {
  const text = nfkc(email).trim().toLowerCase();
  const at = text.indexOf('@');
  const valid = at > 0 && at === text.lastIndexOf('@') && at < text.length - 1 && !/\s/.test(text);
  return valid ? text : '';
}

/**
 * A 统一社会信用代码 (or other tax ID): NFKC, upper case, spaces and dashes gone; shorter than 8
 * characters is no ID (`''`). Example: `'９１４４０３００ma5f 0001-2x'` → `'91440300MA5F00012X'`.
 */
export function taxIdKey(taxId: string): string {
  const text = nfkc(taxId)
    .toUpperCase()
    .replace(/[\s\-–—_.]+/g, '');
  return text.length >= 8 ? text : '';
}
