/**
 * Dates as people write them in spreadsheets, turned into ISO `YYYY-MM-DD`.
 *
 * Accepted: ISO `2024-01-05` (also with `/` or `.`), `2024/1/5`, `2024年1月5日`, `5/1/2024` or
 * `1/5/2024` (day-first or month-first, chosen per column), Excel serial numbers (`45296` →
 * 2024-01-05, 1900 date system), each with an optional time part that is ignored (`2024-01-05 13:45`,
 * `2024-01-05T13:45:00Z`). A two-digit year is refused: it cannot be read without guessing.
 */
import { isIsoDate } from '../validation';

/** How to read `a/b/yyyy`: day first (5/1/2024 = 5 January) or month first (1/5/2024 = 5 January). */
export type DateOrder = 'dmy' | 'mdy';

const Y_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const Y_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const CJK = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?$/;
const SERIAL = /^\d{5}(?:\.\d+)?$/;
/** A time part after the date: ` 13:45`, ` 13:45:10.5`, `T13:45Z`, ` 下午1:45`, `+08:00`… */
const TIME_PART = /(?:[T\s]+(?:上午|下午|AM|PM)?\s*\d{1,2}[:时時]\d{1,2}.*|[T\s]+\d{1,2}[:时時]\d{1,2}.*)$/i;

/** Excel serials accepted: five digits, 10000 (1927-05-18) … 99999; a bare four-digit number is a year, not a date. */
const SERIAL_MIN = 10_000;
const SERIAL_MAX = 99999;

function iso(y: number, m: number, d: number): string | null {
  const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(text) ? text : null;
}

/**
 * An Excel serial day number → ISO date (1900 date system, with Excel's phantom 29 Feb 1900: serial 60
 * does not exist as a real date and is refused; serials after it are shifted by one day).
 * Example: `excelSerialToIso(45296)` → `'2024-01-05'`.
 */
export function excelSerialToIso(serial: number): string | null {
  const day = Math.floor(serial);
  if (day < SERIAL_MIN || day > SERIAL_MAX || day === 60) return null;
  // Day 0 of the 1900 system is 1899-12-31; from day 61 on, Excel counts one day too many.
  const offset = day > 60 ? day - 1 : day;
  const ms = Date.UTC(1899, 11, 31) + offset * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date without a trailing time part. */
function stripTime(text: string): string {
  return text.replace(TIME_PART, '').trim();
}

/**
 * Parses one date cell. `''` (or only spaces) → `''` (not set); a value that cannot be read → null.
 * `order` decides only the `a/b/yyyy` form; `'ambiguous'` refuses it unless one part is above 12.
 *
 * Examples: `parseDate('2024年1月5日', 'dmy')` → `'2024-01-05'`; `parseDate('5/1/2024', 'dmy')` →
 * `'2024-01-05'`; `parseDate('1/5/2024', 'mdy')` → `'2024-01-05'`; `parseDate('45296', 'dmy')` →
 * `'2024-01-05'`.
 */
export function parseDate(text: string, order: DateOrder | 'ambiguous'): string | null {
  // Fast path: a cell already in ISO form (what our own export and most systems write) is its own result.
  if (isIsoDate(text)) return text;
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (SERIAL.test(trimmed)) return excelSerialToIso(Number(trimmed));
  const bare = stripTime(trimmed);
  let m = Y_FIRST.exec(bare) ?? CJK.exec(bare);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = Y_LAST.exec(bare);
  if (!m) return null;
  const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (order === 'ambiguous') {
    if (a > 12 && b <= 12) return iso(y, b, a);
    if (b > 12 && a <= 12) return iso(y, a, b);
    if (a === b) return iso(y, a, b);
    return null;
  }
  return order === 'dmy' ? iso(y, b, a) : iso(y, a, b);
}

/**
 * The day/month order of a column from its values: `'dmy'` when some `a/b/yyyy` value has a first part
 * above 12, `'mdy'` when some has a second part above 12, `'ambiguous'` when none decides (or both
 * orders appear, which means the column is inconsistent and the user must choose).
 */
export function detectDateOrder(values: Iterable<string>): DateOrder | 'ambiguous' {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const m = Y_LAST.exec(stripTime(value.trim()));
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) dayFirst = true;
    if (b > 12 && a <= 12) monthFirst = true;
  }
  if (dayFirst === monthFirst) return 'ambiguous';
  return dayFirst ? 'dmy' : 'mdy';
}
