/**
 * Field validation for the base tables, shared by hand edits, paste and import.
 *
 * Policy:
 * - Returns codes, never sentences: the UI translates `ValidationCode` (DESIGN.md: every visible string
 *   goes through i18n) and names the row and the column itself.
 * - An 'error' blocks the write; a 'warning' (a tax ID that looks like a USCC but fails its check, an
 *   unlikely year) is shown but the value is kept, because the owner may know better.
 * - Inputs may come from CSV, paste or a stored row of an older version, so every value is checked at
 *   run time, whatever its static type says. A key whose value is `undefined` counts as not given.
 * - Only editable fields are accepted: a row-metadata name (`id`, `updatedAt`…) or any unknown name is a
 *   'bad-type' error, so a patch can never rewrite an id or a timestamp.
 */
import {
  DEAL_STAGES,
  GE_ATTRACTIVENESS_FACTORS,
  GE_STRENGTH_FACTORS,
  INTERACTION_CHANNELS,
  INTERACTION_TYPES,
  LOYALTY_TYPES,
  RELATIONSHIP_TYPES,
  type BaseTableName,
  type Fields,
} from './types';
import { checkUscc } from './uscc';

export type ValidationCode =
  | 'required'
  | 'not-integer-money'
  | 'negative'
  | 'bad-date'
  | 'bad-email'
  | 'bad-phone'
  | 'bad-choice'
  | 'out-of-range'
  | 'uscc-format'
  | 'uscc-check'
  | 'too-long'
  | 'bad-type';

export interface ValidationIssue {
  /** The field name; for a GE score, `geScores.<factor>`. */
  field: string;
  code: ValidationCode;
  severity: 'error' | 'warning';
  /** The offending value (for a list, the offending member). */
  value?: unknown;
}

/** Length cap of one-line text fields (names, codes, phone, address…), in UTF-16 code units. */
export const SHORT_TEXT_MAX = 200;
/** Length cap of free text (notes, interaction summary, next action). */
export const LONG_TEXT_MAX = 2000;
/** Phone numbers hold 5–20 digits (extension included). */
export const PHONE_DIGITS_MIN = 5;
export const PHONE_DIGITS_MAX = 20;
/** Dates outside these years are accepted with an 'out-of-range' warning (likely a typo). */
export const PLAUSIBLE_YEAR_MIN = 1900;
export const PLAUSIBLE_YEAR_MAX = 2100;

type Rule =
  | { kind: 'text'; max: number; required?: true }
  | { kind: 'taxId' }
  | { kind: 'email' }
  | { kind: 'phone' }
  | { kind: 'money'; nullable: boolean; signed?: true }
  | { kind: 'date' }
  | { kind: 'choice'; choices: readonly string[]; allowEmpty: boolean }
  | { kind: 'choiceList'; choices: readonly string[] }
  | { kind: 'rating' }
  | { kind: 'percent' }
  | { kind: 'boolean' }
  | { kind: 'geScores' };

const short: Rule = { kind: 'text', max: SHORT_TEXT_MAX };
const long: Rule = { kind: 'text', max: LONG_TEXT_MAX };
const requiredShort: Rule = { kind: 'text', max: SHORT_TEXT_MAX, required: true };
const money: Rule = { kind: 'money', nullable: false };
/**
 * Money that may be below zero. Only two fields are signed: a deal's `amount` (a negative amount is a
 * return / credit note, DESIGN.md §2) and its `cost` (the cost of the goods that came back, written
 * negative, lowers cost of goods). Every other amount (service cost, discount, paid amount, wallet
 * estimate, market sizes) stays ≥ 0: a payment or a discount below zero means nothing.
 */
const signedMoney: Rule = { kind: 'money', nullable: false, signed: true };
const moneyOrNull: Rule = { kind: 'money', nullable: true };
const date: Rule = { kind: 'date' };

const RULES: { [T in BaseTableName]: { [K in keyof Fields<T>]-?: Rule } } = {
  customers: {
    code: short,
    name: requiredShort,
    taxId: { kind: 'taxId' },
    licenceNo: short,
    contactName: short,
    phone: { kind: 'phone' },
    email: { kind: 'email' },
    address: short,
    region: short,
    industry: short,
    owner: short,
    relationshipType: { kind: 'choice', choices: RELATIONSHIP_TYPES, allowEmpty: true },
    walletEstimate: moneyOrNull,
    doNotContact: { kind: 'boolean' },
    loyaltyTypes: { kind: 'choiceList', choices: LOYALTY_TYPES },
    strategicImportance: { kind: 'rating' },
    notes: long,
  },
  deals: {
    code: short,
    customerId: requiredShort,
    productLineId: short,
    title: short,
    stage: { kind: 'choice', choices: DEAL_STAGES, allowEmpty: false },
    openDate: date,
    closeDate: date,
    amount: signedMoney,
    cost: signedMoney,
    serviceCost: money,
    discount: money,
    paidAmount: money,
    dueDate: date,
    deliveryDate: date,
    owner: short,
    notes: long,
  },
  interactions: {
    customerId: requiredShort,
    date,
    channel: { kind: 'choice', choices: INTERACTION_CHANNELS, allowEmpty: false },
    type: { kind: 'choice', choices: INTERACTION_TYPES, allowEmpty: false },
    satisfaction: { kind: 'rating' },
    summary: long,
    nextAction: long,
    nextActionDue: date,
    resolved: { kind: 'boolean' },
    owner: short,
  },
  productLines: {
    code: short,
    name: short,
    marketSize: moneyOrNull,
    marketSizeBase: moneyOrNull,
    largestCompetitorSales: moneyOrNull,
    geScores: { kind: 'geScores' },
    costRatio: { kind: 'percent' },
    notes: long,
  },
};

const GE_FACTORS: readonly string[] = [...GE_ATTRACTIVENESS_FACTORS, ...GE_STRENGTH_FACTORS];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits, spaces, + - ( ), optionally followed by an extension: `ext` / `ext.` and digits. */
const PHONE = /^[0-9 +\-()]+(?:\s*ext\.?\s*[0-9]+)?$/i;

type Issue = Omit<ValidationIssue, 'field'>;
const error = (code: ValidationCode, value?: unknown): Issue => ({ code, severity: 'error', value });
const warning = (code: ValidationCode, value?: unknown): Issue => ({ code, severity: 'warning', value });

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const HYPHEN = 45;

/** The number written by the ASCII digits `value[from…to)`, or -1 if one of them is not a digit. */
function digitsAt(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) return -1;
    n = n * 10 + (c - DIGIT_0);
  }
  return n;
}

/** Days in month `m` (1–12) of year `y` (Gregorian leap years). */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * True for a real calendar date `YYYY-MM-DD` (leap years included) from the year 100 on. Years 0–99
 * are refused, as JavaScript's `Date.UTC` (the earlier implementation) reads them as 1900–1999.
 * Character codes, not a RegExp and a Date: an import checks a million dates.
 */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== HYPHEN || value.charCodeAt(7) !== HYPHEN) return false;
  const y = digitsAt(value, 0, 4);
  const m = digitsAt(value, 5, 7);
  const d = digitsAt(value, 8, 10);
  return y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function checkText(value: unknown, max: number, required: boolean): Issue[] {
  if (typeof value !== 'string') return [error('bad-type', value)];
  if (required && value.trim() === '') return [error('required', value)];
  if (value.length > max) return [error('too-long', value)];
  return [];
}

function checkTaxId(value: unknown): Issue[] {
  const text = checkText(value, SHORT_TEXT_MAX, false);
  if (text.length > 0 || typeof value !== 'string') return text;
  const candidate = value.trim();
  // Only an 18-character alphanumeric value is taken for a USCC; older 15-digit tax IDs and foreign
  // IDs pass untouched. A failed check is a warning: the owner copied it from a licence and may be right.
  if (!/^[0-9a-z]{18}$/i.test(candidate)) return [];
  const result = checkUscc(candidate);
  if (result === 'bad-format') return [warning('uscc-format', value)];
  if (result === 'bad-check') return [warning('uscc-check', value)];
  return [];
}

function checkMoney(value: unknown, nullable: boolean, signed: boolean): Issue[] {
  if (value === null) return nullable ? [] : [error('bad-type', value)];
  if (typeof value !== 'number') return [error('bad-type', value)];
  if (!Number.isInteger(value)) return [error('not-integer-money', value)];
  if (value < 0 && !signed) return [error('negative', value)];
  if (!Number.isSafeInteger(value)) return [error('out-of-range', value)];
  return [];
}

function checkDate(value: unknown): Issue[] {
  if (typeof value !== 'string') return [error('bad-type', value)];
  if (value === '') return [];
  if (!isIsoDate(value)) return [error('bad-date', value)];
  const year = Number(value.slice(0, 4));
  return year < PLAUSIBLE_YEAR_MIN || year > PLAUSIBLE_YEAR_MAX ? [warning('out-of-range', value)] : [];
}

function checkPhone(value: unknown): Issue[] {
  const text = checkText(value, SHORT_TEXT_MAX, false);
  if (text.length > 0 || typeof value !== 'string' || value.trim() === '') return text;
  const digits = value.replace(/\D/g, '').length;
  const ok = PHONE.test(value.trim()) && digits >= PHONE_DIGITS_MIN && digits <= PHONE_DIGITS_MAX;
  return ok ? [] : [error('bad-phone', value)];
}

function checkEmail(value: unknown): Issue[] {
  const text = checkText(value, SHORT_TEXT_MAX, false);
  if (text.length > 0 || typeof value !== 'string' || value === '') return text;
  return EMAIL.test(value) ? [] : [error('bad-email', value)];
}

function checkChoice(value: unknown, choices: readonly string[], allowEmpty: boolean): Issue[] {
  if (typeof value !== 'string') return [error('bad-type', value)];
  if (value === '' && allowEmpty) return [];
  return choices.includes(value) ? [] : [error('bad-choice', value)];
}

function checkChoiceList(value: unknown, choices: readonly string[]): Issue[] {
  if (!Array.isArray(value)) return [error('bad-type', value)];
  const seen = new Set<unknown>();
  const issues: Issue[] = [];
  for (const member of value as unknown[]) {
    if (typeof member !== 'string' || !choices.includes(member) || seen.has(member)) {
      issues.push(error('bad-choice', member));
    }
    seen.add(member);
  }
  return issues;
}

function checkRating(value: unknown): Issue[] {
  if (value === null) return [];
  if (typeof value !== 'number') return [error('bad-type', value)];
  return Number.isInteger(value) && value >= 1 && value <= 5 ? [] : [error('out-of-range', value)];
}

/** A percent (a product line's cost ratio): null, or a finite number from 0 to 100. */
function checkPercent(value: unknown): Issue[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== 'number' || !Number.isFinite(value)) return [error('bad-type', value)];
  return value >= 0 && value <= 100 ? [] : [error('out-of-range', value)];
}

/** GE scores: a plain object of known factors, each a finite score in [1, 5] (halves allowed). */
function checkGeScores(value: unknown): ValidationIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: 'geScores', ...error('bad-type', value) }];
  }
  const issues: ValidationIssue[] = [];
  for (const [factor, score] of Object.entries(value)) {
    const field = `geScores.${factor}`;
    if (score === undefined) continue;
    if (!GE_FACTORS.includes(factor)) issues.push({ field, ...error('bad-choice', factor) });
    else if (typeof score !== 'number') issues.push({ field, ...error('bad-type', score) });
    else if (!Number.isFinite(score) || score < 1 || score > 5) {
      issues.push({ field, ...error('out-of-range', score) });
    }
  }
  return issues;
}

/** Shared by every field without issues (read-only by convention: checkField's callers only read it). */
const NO_ISSUES: ValidationIssue[] = [];

function checkField(field: string, rule: Rule, value: unknown): ValidationIssue[] {
  let issues: Issue[];
  switch (rule.kind) {
    case 'text':
      issues = checkText(value, rule.max, rule.required === true);
      break;
    case 'taxId':
      issues = checkTaxId(value);
      break;
    case 'email':
      issues = checkEmail(value);
      break;
    case 'phone':
      issues = checkPhone(value);
      break;
    case 'money':
      issues = checkMoney(value, rule.nullable, rule.signed === true);
      break;
    case 'date':
      issues = checkDate(value);
      break;
    case 'choice':
      issues = checkChoice(value, rule.choices, rule.allowEmpty);
      break;
    case 'choiceList':
      issues = checkChoiceList(value, rule.choices);
      break;
    case 'rating':
      issues = checkRating(value);
      break;
    case 'percent':
      issues = checkPercent(value);
      break;
    case 'boolean':
      issues = typeof value === 'boolean' ? [] : [error('bad-type', value)];
      break;
    case 'geScores':
      return checkGeScores(value);
  }
  return issues.length === 0 ? NO_ISSUES : issues.map((issue) => ({ field, ...issue }));
}

/**
 * Checks the given fields of one row of `table`.
 *
 * - `mode: 'create'`: required fields (customer name, the `customerId` of a deal or an interaction)
 *   must be given and not blank. Fields not given are not checked (the repository fills defaults).
 * - `mode: 'update'`: only the given fields are checked; a required field may not be set to blank.
 *
 * Example: `validateFields('deals', { customerId: 'c1', amount: 12.5 }, 'create')` →
 * `[{ field: 'amount', code: 'not-integer-money', severity: 'error', value: 12.5 }]`.
 */
export function validateFields<T extends BaseTableName>(
  table: T,
  fields: Partial<Fields<T>>,
  mode: 'create' | 'update',
): ValidationIssue[] {
  const rules = RULES[table] as Record<string, Rule>;
  const given = fields as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  for (const [field, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const rule = Object.hasOwn(rules, field) ? rules[field] : undefined;
    if (rule === undefined) issues.push({ field, code: 'bad-type', severity: 'error', value });
    else for (const issue of checkField(field, rule, value)) issues.push(issue);
  }
  if (mode === 'create') {
    for (const [field, rule] of Object.entries(rules)) {
      if (rule.kind === 'text' && rule.required === true && given[field] === undefined) {
        issues.push({ field, code: 'required', severity: 'error' });
      }
    }
  }
  return issues;
}

/** True when at least one issue blocks the write. */
export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
