/**
 * A cell as typed or pasted (always text) → the value a field stores, by the field's kind.
 *
 * Policy:
 * - Parsing only turns text into the stored type; whether the value is allowed (negative money, a
 *   required field left blank, a rating of 7) is `validateFields`' job, so both run on every cell.
 * - Full-width characters typed with a Chinese input method (`１２３`, `￥`, `／`) are read as their
 *   ASCII forms (Unicode NFKC) for numbers, dates and booleans; text is stored as typed, trimmed, and
 *   without invisible characters (zero-width and direction marks, `stripInvisible`), so two codes that
 *   look the same are the same.
 * - Dates accept what spreadsheets and people in zh/en locales write: `2024-01-05`, `2024/1/5`,
 *   `2024.1.5`, `2024年1月5日`, `20240105`, `Jan 5, 2024`, `5 Jan 2024`, and `1/5/2024` read
 *   month-first unless `dayFirst` (or a part over 12 decides). A time after the date is ignored.
 * - Choices match their key or any of their labels (every UI language), ignoring case.
 */
import { formatMinorUnits, parseMoneyInput } from './money';
import { isIsoDate } from './validation';

export interface ChoiceOption {
  key: string;
  /** Every label the choice may be written as (the translations in each UI language). */
  labels: readonly string[];
}

/** How a link cell (a deal's customer) resolves typed text: the id, or why there is none. */
export type LinkMatch = { id: string } | 'none' | 'ambiguous';

export type CellKind =
  | { kind: 'text' }
  | { kind: 'money'; nullable: boolean }
  | { kind: 'rating' }
  | { kind: 'percent' }
  | { kind: 'date' }
  | { kind: 'choice'; choices: readonly ChoiceOption[] }
  | { kind: 'choiceList'; choices: readonly ChoiceOption[] }
  | { kind: 'boolean'; trueLabels?: readonly string[]; falseLabels?: readonly string[] }
  | { kind: 'link'; resolve: (text: string) => LinkMatch };

export type CellParseCode =
  'bad-number' | 'not-integer-money' | 'bad-date' | 'bad-choice' | 'bad-boolean' | 'no-match' | 'ambiguous';

export type CellParse = { ok: true; value: unknown } | { ok: false; code: CellParseCode };

export interface CellParseOptions {
  /** Read `5/1/2024` as 5 January (en-GB) rather than May 1 (en-US). */
  dayFirst?: boolean;
}

const ok = (value: unknown): CellParse => ({ ok: true, value });
const fail = (code: CellParseCode): CellParse => ({ ok: false, code });

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TRUE_WORDS = ['true', 'yes', 'y', '1', '是', '✓', '✔', 'x'];
const FALSE_WORDS = ['false', 'no', 'n', '0', '否', ''];

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function monthOf(name: string): number {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index + 1;
}

/** [year, month, day] of the recognised date forms (not yet checked for a real day), or null. */
function datePartsOf(text: string, opts: CellParseOptions): [number, number, number] | null {
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text))) {
    return [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) {
    return [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    const dayFirst = a > 12 || (b <= 12 && opts.dayFirst === true);
    return dayFirst ? [Number(match[3]), b, a] : [Number(match[3]), a, b];
  }
  if ((match = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text))) {
    return [Number(match[3]), monthOf(match[1] ?? ''), Number(match[2])];
  }
  if ((match = /^(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i.exec(text))) {
    return [Number(match[3]), monthOf(match[2] ?? ''), Number(match[1])];
  }
  return null;
}

/**
 * A typed date → ISO `YYYY-MM-DD`, `''` for blank, or null when it is not a date.
 * Example: `parseDateText('2024/1/5')` → `'2024-01-05'`; `parseDateText('5/1/2024', { dayFirst: true })`
 * → `'2024-01-05'`; `parseDateText('2023-02-29')` → null.
 */
export function parseDateText(input: string, opts: CellParseOptions = {}): string | null {
  let text = input.normalize('NFKC').trim();
  if (text === '') return '';
  text = text.replace(/[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AP]M)?$/i, '').trim();
  const parts = datePartsOf(text, opts);
  if (parts === null) return null;
  const [y, m, d] = parts;
  const candidate = iso(y, m, d);
  return m >= 1 && isIsoDate(candidate) ? candidate : null;
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function findChoice(text: string, choices: readonly ChoiceOption[]): string | null {
  const found = choices.find((c) => sameText(c.key, text) || c.labels.some((label) => sameText(label, text)));
  return found ? found.key : null;
}

function parseMoney(text: string, nullable: boolean): CellParse {
  const normalised = text.normalize('NFKC');
  const cents = parseMoneyInput(normalised);
  if (cents === 'invalid') {
    const tooPrecise = /^[¥$€£]?\s*-?[\d, ]*\.\d{3,}$/.test(normalised.trim());
    return fail(tooPrecise ? 'not-integer-money' : 'bad-number');
  }
  if (cents === null) return ok(nullable ? null : 0);
  return ok(cents);
}

function parseRating(text: string): CellParse {
  const t = text.normalize('NFKC').trim();
  if (t === '') return ok(null);
  return /^-?\d+$/.test(t) ? ok(Number(t)) : fail('bad-number');
}

/** A percent: `55`, `55%`, `５５％`, `12.5 %` → the number of percent; empty → null. */
function parsePercent(text: string): CellParse {
  const t = text.normalize('NFKC').trim().replace(/\s*%$/, '');
  if (t === '') return ok(null);
  return /^-?\d+(?:\.\d+)?$/.test(t) ? ok(Number(t)) : fail('bad-number');
}

function parseBoolean(text: string, kind: Extract<CellKind, { kind: 'boolean' }>): CellParse {
  const t = text.normalize('NFKC').trim();
  if ([...TRUE_WORDS, ...(kind.trueLabels ?? [])].some((w) => sameText(w, t))) return ok(true);
  if ([...FALSE_WORDS, ...(kind.falseLabels ?? [])].some((w) => sameText(w, t))) return ok(false);
  return fail('bad-boolean');
}

function parseChoiceList(text: string, choices: readonly ChoiceOption[]): CellParse {
  const keys: string[] = [];
  for (const part of text.split(/[,，;；、|]/)) {
    if (part.trim() === '') continue;
    const key = findChoice(part, choices);
    if (key === null) return fail('bad-choice');
    if (!keys.includes(key)) keys.push(key);
  }
  return ok(keys);
}

/**
 * Parses one cell's text for a field of the given kind.
 *
 * Examples: money `'¥1,234.5'` → 123450; money `'abc'` → bad-number; date `'2024年1月5日'` →
 * `'2024-01-05'`; percent `'55%'` → 55; choice `'Won'` or `'won'` → `'won'`; boolean `'是'` → true; rating `''` → null.
 */
export function parseCellValue(kind: CellKind, text: string, opts: CellParseOptions = {}): CellParse {
  switch (kind.kind) {
    case 'text':
      return ok(stripInvisible(text).trim());
    case 'money':
      return parseMoney(text, kind.nullable);
    case 'rating':
      return parseRating(text);
    case 'percent':
      return parsePercent(text);
    case 'date': {
      const date = parseDateText(text, opts);
      return date === null ? fail('bad-date') : ok(date);
    }
    case 'choice': {
      if (text.trim() === '') return ok('');
      const key = findChoice(text, kind.choices);
      return key === null ? fail('bad-choice') : ok(key);
    }
    case 'choiceList':
      return parseChoiceList(text, kind.choices);
    case 'boolean':
      return parseBoolean(text, kind);
    case 'link': {
      if (text.trim() === '') return ok('');
      const match = kind.resolve(text.trim());
      if (match === 'none') return fail('no-match');
      if (match === 'ambiguous') return fail('ambiguous');
      return ok(match.id);
    }
  }
}

function labelOf(key: string, choices: readonly ChoiceOption[]): string {
  return choices.find((c) => c.key === key)?.labels[0] ?? key;
}

/**
 * Zero-width characters (U+200B space, U+200C non-joiner, U+2060 word joiner, U+FEFF), direction marks,
 * embeddings and isolates (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069), and a zero-width
 * joiner (U+200D) except inside an emoji sequence (👨‍👩‍👧 stays whole).
 */
const INVISIBLE =
  /[\u200B\u200C\u2060\uFEFF\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]|(?<!\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)\u200D/gu;

/**
 * Text without invisible characters: copied from a web page or a chat, a code like `C\u200B001` looks
 * like `C001` but is another code.
 *
 * Example: `stripInvisible('\u202AC001\u202C')` → `'C001'`; `stripInvisible('👨\u200D👩')` stays as it is.
 */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * A stored value → the text a person edits or copies, such that `parseCellValue` reads it back to the
 * same value. Money is plain decimals (`123450` → `'1234.50'`), dates stay ISO (unambiguous in every
 * spreadsheet), choices show their first label, a link shows what `linkText` says (a customer's name).
 */
export function cellText(
  kind: CellKind,
  value: unknown,
  linkText: (id: string) => string = (id) => id,
): string {
  if (value === null || value === undefined) return '';
  switch (kind.kind) {
    case 'money':
      return typeof value === 'number' ? formatMinorUnits(value) : '';
    case 'choice':
      return typeof value === 'string' ? labelOf(value, kind.choices) : '';
    case 'choiceList':
      return Array.isArray(value) ? value.map((key) => labelOf(String(key), kind.choices)).join(', ') : '';
    case 'boolean':
      return value === true ? (kind.trueLabels?.[0] ?? 'yes') : (kind.falseLabels?.[0] ?? 'no');
    case 'link':
      return typeof value === 'string' && value !== '' ? linkText(value) : '';
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
}
