/**
 * Formula-injection policy (DESIGN.md §7, OWASP "CSV injection").
 *
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and a leading tab or CR
 * can hide one). On export, a **text** cell that starts with one of these — after any number of
 * apostrophes — gets one more leading apostrophe `'`, which Excel and WPS show as text and never run.
 * Numbers (money, ratings) are written as numbers and never touched: `-5` stays a number.
 *
 * On import the rule is undone: a text cell of one or more apostrophes followed by a trigger loses one
 * apostrophe. Because export adds exactly one apostrophe to exactly the values import strips one from,
 * export → import gives back every text unchanged (the property test checks it), including texts
 * that really start with an apostrophe.
 */

const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/** The text as it must be written to a CSV cell. Example: `'=1+1'` → `"'=1+1"`; `'abc'` → `'abc'`. */
export function neutraliseFormula(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

/** The inverse of `neutraliseFormula` for text read from a CSV cell. Example: `"'=1+1"` → `'=1+1'`. */
export function restoreFormula(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}
