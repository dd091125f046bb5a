/**
 * Money as typed by a person in a form field, turned into integer minor units (cents, 分).
 * Accepted: digits with an optional `.` and at most two decimals, `,` or spaces as thousands
 * separators, a leading currency sign (¥ ￥ $ € £). Examples: `'1,234.5'` → 123450, `'¥20'` → 2000,
 * `''` → null (not set), `'1.234'` → 'invalid' (three decimals), `'-5'` → -500 (the validator decides
 * whether a negative is allowed).
 */
export function parseMoneyInput(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(/^[¥￥$€£]\s*/, '');
  if (trimmed === '') return null;
  const match = /^(-?)(\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(trimmed);
  if (!match) return 'invalid';
  const [, sign = '', whole = '', fraction = ''] = match;
  const cents = Number(whole.replace(/[, ]/g, '')) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return 'invalid';
  return sign === '-' ? -cents : cents;
}

/**
 * Minor units → the plain decimal text used in form fields and CSV (`123450` → `'1234.50'`),
 * exact for every safe integer (no floating-point division).
 */
export function formatMinorUnits(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
