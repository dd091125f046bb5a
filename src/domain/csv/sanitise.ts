/**
 * What a spreadsheet must never do with our text: run it as a formula, or turn it into a number.
 *
 * **Formula guard** (DESIGN.md §7, OWASP "CSV injection"). Excel, WPS and LibreOffice run a cell that
 * starts with `=`, `+`, `-` or `@` as a formula, and some of them first skip blanks (space, no-break
 * space, tab, CR, line feed, zero-width and direction marks) or read the full-width forms ＝ ＋ － ＠ as
 * the ASCII ones. A **text** value that starts — after any number of apostrophes — with a tab or CR, or
 * with blanks and then one of those eight signs, gets one more leading apostrophe `'`, which every
 * spreadsheet shows as text and never runs. Numbers (money, ratings) are written as numbers and never
 * touched: `-5` stays a number. The same guard serves the CSV export and the clipboard
 * (`neutraliseFormula`).
 *
 * **Keep as text** (CSV only). Excel and WPS read a CSV cell that looks like a number, date, time or
 * fraction as one, whatever the quotes: tax ID 914501031896228492 becomes 9.14501E+17 (digits lost),
 * code 00123 becomes 123, 1E5 becomes 100000, 3-4 and JUN-2024 become dates. A CSV has no other way to say
 * "text": the `="00123"` form is a formula (refused by the guard above) and a leading apostrophe is
 * shown as part of the value. So a text value made only of digits and number punctuation (or a month
 * name with a day or year) is written
 * after one **leading tab**, which makes it text to LibreOffice Calc (tested:
 * tests/unit/storage/libreoffice-roundtrip.test.ts) and, as widely reported for Chinese ID numbers, to
 * Excel and WPS; the tab is invisible and removed by any trim. Such a
 * value cannot hold a function, a reference or a DDE call (no letters but a month name, no `(` after
 * a name, no `|` or `!`), so even a reader
 * that dropped the tab would see at worst a number, never a formula. The cell then holds the tab too;
 * the .xlsx export is the way to hand over identifiers with nothing added.
 *
 * On import both rules are undone: a cell of a tab and a number-like text loses the tab; a cell of one
 * or more apostrophes followed by what the guard catches loses one apostrophe. Export adds a mark to
 * exactly the values import removes one from, so export → import gives back every text unchanged (the
 * property test checks it), including texts that really start with an apostrophe or a tab.
 */

/** Formula signs, ASCII and full-width. */
const SIGN = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20';
/** What a spreadsheet may skip before a sign: whitespace, no-break and zero-width spaces, direction marks. */
const BLANK =
  ' \\t\\n\\r\\v\\f\\u00A0\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u206F\\u3000\\uFEFF';
const TRIGGER = `(?:[\\t\\r]|[${BLANK}]*[${SIGN}])`;
const NEEDS_GUARD = new RegExp(`^'*${TRIGGER}`);
const GUARDED = new RegExp(`^'+${TRIGGER}`);

/** Only digits and what numbers, dates, times and fractions are written with (and a digit: DIGIT). */
const NUMBER_LIKE = /^[+-]?[0-9 ().,:/%-]+$/;
const DIGIT = /[0-9]/;
/** What such a text can start with: a digit, a sign or number punctuation, or a month name's letter. */
const FIRST = /^[0-9+\-(). ,:/%a-zA-Z]/;
/** Scientific notation: 1E5, 2.5e-3. */
const SCIENTIFIC = /^[+-]?[0-9]+(?:\.[0-9]*)?[eE][+-]?[0-9]+$/;
/** A month name with a day or year: Mar-1, JUN-2024, 5-Jan, 1 May 2024 (read as dates). */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';
const MONTH_DATE = new RegExp(
  `^(?:${MONTH}[-/ .][0-9]{1,4}(?:[-/ .][0-9]{1,4})?|[0-9]{1,4}[-/ .]${MONTH}(?:[-/ .][0-9]{1,4})?)$`,
  'i',
);
const TEXT_MARK = '\t';

/**
 * The text with the formula guard applied, for a CSV cell or the clipboard.
 * Example: `'=1+1'` → `"'=1+1"`; `' =1'` → `"' =1"`; `'＝1'` → `"'＝1"`; `'abc'` → `'abc'`.
 */
export function neutraliseFormula(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

/** The inverse of `neutraliseFormula` for text read from a CSV cell. Example: `"'=1+1"` → `'=1+1'`. */
export function restoreFormula(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

/**
 * True when Excel or WPS would read the text as a number, date, time or fraction rather than as text.
 * Example: `'00123'`, `'914501031896228492'`, `'+86 138 0013 8000'`, `'1E5'`, `'3-4'`, `'JUN-2024'` → true;
 * `'91450103MA5KXX'`, `'3M'` → false.
 */
export function looksNumeric(text: string): boolean {
  if (!FIRST.test(text)) return false; // most text (Chinese names, addresses) stops here
  return (NUMBER_LIKE.test(text) && DIGIT.test(text)) || SCIENTIFIC.test(text) || MONTH_DATE.test(text);
}

/**
 * A text value as it must be written to a CSV cell (before quoting): a number-like text after a tab,
 * any other text through the formula guard.
 * Example: `'00123'` → `'\t00123'`; `'=A1'` → `"'=A1"`; `'华强'` → `'华强'`.
 */
export function csvText(text: string): string {
  return looksNumeric(text) ? `${TEXT_MARK}${text}` : neutraliseFormula(text);
}

/**
 * A cell without the keep-as-text tab, for cells of any kind (a rejected-rows file marks amounts and
 * dates too). Example: `'\t2024-01-05'` → `'2024-01-05'`; `'\tabc'` → `'\tabc'`.
 */
export function dropTextMark(cell: string): string {
  return cell.startsWith(TEXT_MARK) && looksNumeric(cell.slice(1)) ? cell.slice(1) : cell;
}

/** The inverse of `csvText` for a text cell read from a CSV. Example: `'\t00123'` → `'00123'`. */
export function readCsvText(cell: string): string {
  const unmarked = dropTextMark(cell);
  return unmarked === cell ? restoreFormula(cell) : unmarked;
}
