/**
 * The owner's settings: language, currency, the analysis period and the rates of DESIGN.md §2.
 * Stored as one record (`key: 'app'`) in the `settings` table; anything read back passes
 * `normaliseSettings`, which keeps every valid field and replaces the rest with its default.
 */
import { DEFAULT_PERIOD, normalisePeriod, type AnalysisPeriod } from './period';

export const LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CURRENCIES = ['CNY', 'HKD', 'TWD', 'USD', 'EUR', 'GBP', 'JPY', 'SGD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface AppSettings {
  /** `null` follows the browser's language. */
  language: Language | null;
  currency: Currency;
  /** The analysis period W (period.ts); settings of older versions stored `analysisWindowMonths`. */
  analysisPeriod: AnalysisPeriod;
  /** ABC cut points as cumulative shares of positive value. */
  tierCutA: number;
  tierCutB: number;
  /** Handling cost per order, in minor units. */
  handlingCostPerOrder: number;
  /** Annual interest rate on outstanding receivables (0.06 = 6 %). */
  receivablesInterestRate: number;
  /** Bad-debt reserve rates by days overdue: 1–90, 91–180, 181–365, > 365. */
  badDebtRates: [number, number, number, number];
  /** Potential value horizon in years and yearly discount rate. */
  horizonYears: number;
  discountRate: number;
  /**
   * Cost of goods as a share of revenue, used only for deals that carry no cost (0.6 = 60 %). 0 (the
   * default) estimates nothing: a file with no cost column then shows gross revenue as value, which the
   * value explanation says, rather than a margin the owner never gave.
   */
  defaultCostRatio: number;
}

export const DEFAULT_SETTINGS: AppSettings = {
  language: null,
  currency: 'CNY',
  analysisPeriod: DEFAULT_PERIOD,
  tierCutA: 0.8,
  tierCutB: 0.95,
  handlingCostPerOrder: 0,
  receivablesInterestRate: 0.06,
  badDebtRates: [0.05, 0.2, 0.5, 1],
  horizonYears: 5,
  discountRate: 0.1,
  defaultCostRatio: 0,
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}

function rate(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1 ? value : fallback;
}

function positiveInt(value: unknown, fallback: number, max: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max
    ? value
    : fallback;
}

/**
 * Turns whatever was stored under the settings key into valid settings: each field that is valid is
 * kept, each missing or invalid one takes its default. Never throws.
 */
export function normaliseSettings(stored: unknown): AppSettings {
  const s: Record<string, unknown> = typeof stored === 'object' && stored !== null ? { ...stored } : {};
  const d = DEFAULT_SETTINGS;
  const tierCutA = rate(s.tierCutA, d.tierCutA);
  const tierCutB = rate(s.tierCutB, d.tierCutB);
  const cutsValid = tierCutA > 0 && tierCutA < tierCutB && tierCutB <= 1;
  const bad = Array.isArray(s.badDebtRates) && s.badDebtRates.length === 4 ? s.badDebtRates : d.badDebtRates;
  return {
    language: isLanguage(s.language) ? s.language : null,
    currency: isCurrency(s.currency) ? s.currency : d.currency,
    analysisPeriod: normalisePeriod(s.analysisPeriod, s.analysisWindowMonths),
    tierCutA: cutsValid ? tierCutA : d.tierCutA,
    tierCutB: cutsValid ? tierCutB : d.tierCutB,
    handlingCostPerOrder:
      typeof s.handlingCostPerOrder === 'number' &&
      Number.isInteger(s.handlingCostPerOrder) &&
      s.handlingCostPerOrder >= 0
        ? s.handlingCostPerOrder
        : d.handlingCostPerOrder,
    receivablesInterestRate: rate(s.receivablesInterestRate, d.receivablesInterestRate),
    badDebtRates: [0, 1, 2, 3].map((i) =>
      rate(bad[i], d.badDebtRates[i] ?? 0),
    ) as AppSettings['badDebtRates'],
    horizonYears: positiveInt(s.horizonYears, d.horizonYears, 30),
    discountRate: rate(s.discountRate, d.discountRate),
    defaultCostRatio: rate(s.defaultCostRatio, d.defaultCostRatio),
  };
}

/**
 * Picks the UI language from the browser's preferred languages: Traditional Chinese for zh-TW,
 * zh-HK, zh-MO and zh-Hant; Simplified Chinese for any other Chinese; English otherwise. The first
 * preference we support wins. Example: `['zh-HK', 'en']` → `'zh-TW'`; `['fr', 'zh']` → `'zh-CN'`;
 * `['en-GB', 'zh-CN']` → `'en'`; `['de']` → `'en'`.
 */
export function languageFromBrowser(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    if (!lower.startsWith('zh')) continue;
    if (/^zh-(tw|hk|mo)\b/.test(lower) || lower.includes('hant')) return 'zh-TW';
    return 'zh-CN';
  }
  return 'en';
}

/** The settings the value-analysis form edits, as the owner types them (percent, yuan, whole numbers). */
export interface AnalysisSettingsInput {
  tierCutA: string;
  tierCutB: string;
  handlingCostPerOrder: string;
  receivablesInterestRate: string;
  badDebtRates: [string, string, string, string];
  horizonYears: string;
  discountRate: string;
  defaultCostRatio: string;
}

export type AnalysisSettingsField =
  Exclude<keyof AnalysisSettingsInput, 'badDebtRates'> | `badDebtRates.${number}`;

export type AnalysisSettingsProblem = 'whole-number' | 'percent' | 'money' | 'cut-order';

/** The stored settings shown as the owner types them: rates as percent, money in yuan. */
export function analysisSettingsInput(s: AppSettings): AnalysisSettingsInput {
  const pct = (rate: number) => String(Math.round(rate * 10_000) / 100);
  return {
    tierCutA: pct(s.tierCutA),
    tierCutB: pct(s.tierCutB),
    handlingCostPerOrder: (s.handlingCostPerOrder / 100).toFixed(2),
    receivablesInterestRate: pct(s.receivablesInterestRate),
    badDebtRates: s.badDebtRates.map(pct) as AnalysisSettingsInput['badDebtRates'],
    horizonYears: String(s.horizonYears),
    discountRate: pct(s.discountRate),
    defaultCostRatio: pct(s.defaultCostRatio),
  };
}

/**
 * Reads the value-analysis form. Percent fields take 0–100 (`'12.5'` → 0.125), the horizon 1–30 years, the handling cost a non-negative amount with at most two decimals; cut point A
 * must be below B. Returns the settings patch, or every problem by field (nothing is saved then).
 * Example: `{ tierCutA: '70', tierCutB: '90', … }` → `{ ok: true, patch: { tierCutA: 0.7, tierCutB: 0.9, … } }`.
 */
export function parseAnalysisSettings(
  input: AnalysisSettingsInput,
):
  | { ok: true; patch: Partial<AppSettings> }
  | { ok: false; problems: { field: AnalysisSettingsField; problem: AnalysisSettingsProblem }[] } {
  const problems: { field: AnalysisSettingsField; problem: AnalysisSettingsProblem }[] = [];
  const whole = (field: AnalysisSettingsField, text: string, max: number): number => {
    const value = Number(text.trim());
    if (!/^\d+$/.test(text.trim()) || value < 1 || value > max)
      problems.push({ field, problem: 'whole-number' });
    return value;
  };
  const percent = (field: AnalysisSettingsField, text: string): number => {
    const value = Number(text.trim().replace(/%$/, ''));
    if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
      problems.push({ field, problem: 'percent' });
    }
    return Math.round(value * 100) / 10_000;
  };
  const handling = text2cents(input.handlingCostPerOrder);
  if (handling === null) problems.push({ field: 'handlingCostPerOrder', problem: 'money' });
  const patch: Partial<AppSettings> = {
    tierCutA: percent('tierCutA', input.tierCutA),
    tierCutB: percent('tierCutB', input.tierCutB),
    handlingCostPerOrder: handling ?? 0,
    receivablesInterestRate: percent('receivablesInterestRate', input.receivablesInterestRate),
    badDebtRates: input.badDebtRates.map((text, i) =>
      percent(`badDebtRates.${i}`, text),
    ) as AppSettings['badDebtRates'],
    horizonYears: whole('horizonYears', input.horizonYears, 30),
    discountRate: percent('discountRate', input.discountRate),
    defaultCostRatio: percent('defaultCostRatio', input.defaultCostRatio),
  };
  const a = patch.tierCutA ?? 0;
  const b = patch.tierCutB ?? 0;
  if (
    !problems.some((p) => p.field === 'tierCutA' || p.field === 'tierCutB') &&
    !(a > 0 && a < b && b <= 1)
  ) {
    problems.push({ field: 'tierCutB', problem: 'cut-order' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, patch };
}

function text2cents(text: string): number | null {
  const match = /^\s*(\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
