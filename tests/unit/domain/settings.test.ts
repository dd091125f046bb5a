import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  analysisSettingsInput,
  languageFromBrowser,
  normaliseSettings,
  parseAnalysisSettings,
} from '../../../src/domain/settings';

describe('languageFromBrowser', () => {
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-SG', 'en'], 'zh-CN'],
    [['zh-TW'], 'zh-TW'],
    [['zh-HK', 'en'], 'zh-TW'],
    [['zh-MO'], 'zh-TW'],
    [['zh-Hant-CN'], 'zh-TW'],
    [['zh-Hans-HK'], 'zh-CN'],
    [['en-US', 'zh-CN'], 'en'],
    [['fr-FR', 'zh-CN'], 'zh-CN'],
    [['de'], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (preferred, expected) => {
    expect(languageFromBrowser(preferred)).toBe(expected);
  });
});

describe('normaliseSettings', () => {
  it('gives the defaults for nothing stored, or for garbage', () => {
    for (const stored of [undefined, null, 42, 'x', [], {}]) {
      expect(normaliseSettings(stored)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps each valid field and replaces each invalid one with its default', () => {
    const settings = normaliseSettings({
      language: 'zh-TW',
      currency: 'XXX',
      analysisWindowMonths: 24,
      receivablesInterestRate: 7,
      badDebtRates: [0.1, 'x', 0.6, 1],
      horizonYears: 3.5,
    });
    expect(settings.language).toBe('zh-TW');
    expect(settings.currency).toBe(DEFAULT_SETTINGS.currency);
    expect(settings.analysisPeriod).toEqual({ range: 'months', months: 24, start: '', end: 'today' });
    expect(settings.receivablesInterestRate).toBe(DEFAULT_SETTINGS.receivablesInterestRate);
    expect(settings.badDebtRates).toEqual([0.1, DEFAULT_SETTINGS.badDebtRates[1], 0.6, 1]);
    expect(settings.horizonYears).toBe(DEFAULT_SETTINGS.horizonYears);
  });

  it('keeps the tier cut points only as an ordered pair', () => {
    expect(normaliseSettings({ tierCutA: 0.7, tierCutB: 0.9 })).toMatchObject({
      tierCutA: 0.7,
      tierCutB: 0.9,
    });
    expect(normaliseSettings({ tierCutA: 0.9, tierCutB: 0.7 })).toMatchObject({
      tierCutA: DEFAULT_SETTINGS.tierCutA,
      tierCutB: DEFAULT_SETTINGS.tierCutB,
    });
  });
});

describe('analysis settings form', () => {
  it('shows the defaults as typed and reads them back unchanged', () => {
    const input = analysisSettingsInput(DEFAULT_SETTINGS);
    expect(input).toMatchObject({
      tierCutA: '80',
      tierCutB: '95',
      receivablesInterestRate: '6',
      handlingCostPerOrder: '0.00',
      defaultCostRatio: '0',
    });
    const parsed = parseAnalysisSettings(input);
    expect(parsed).toEqual({ ok: true, patch: expect.any(Object) });
    if (parsed.ok) expect({ ...DEFAULT_SETTINGS, ...parsed.patch }).toEqual(DEFAULT_SETTINGS);
  });

  it('reads percent, money and whole numbers', () => {
    const input = {
      ...analysisSettingsInput(DEFAULT_SETTINGS),
      tierCutA: '70',
      tierCutB: '92.5%',
      handlingCostPerOrder: '12.5',
      defaultCostRatio: '60',
      horizonYears: '7',
    };
    const parsed = parseAnalysisSettings(input);
    expect(parsed.ok && parsed.patch).toMatchObject({
      tierCutA: 0.7,
      tierCutB: 0.925,
      handlingCostPerOrder: 1250,
      defaultCostRatio: 0.6,
      horizonYears: 7,
    });
  });

  it.each([
    ['horizonYears', '0', 'whole-number'],
    ['horizonYears', '1.5', 'whole-number'],
    ['horizonYears', '31', 'whole-number'],
    ['tierCutA', '101', 'percent'],
    ['discountRate', '', 'percent'],
    ['discountRate', 'ten', 'percent'],
    ['handlingCostPerOrder', '-1', 'money'],
    ['handlingCostPerOrder', '1.234', 'money'],
    ['tierCutB', '50', 'cut-order'],
    ['defaultCostRatio', '-5', 'percent'],
    ['defaultCostRatio', '120', 'percent'],
  ] as const)('%s = %j is refused (%s)', (field, text, problem) => {
    const parsed = parseAnalysisSettings({ ...analysisSettingsInput(DEFAULT_SETTINGS), [field]: text });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toContainEqual({ field, problem });
  });

  it('names the bad-debt band that is wrong', () => {
    const input = analysisSettingsInput(DEFAULT_SETTINGS);
    input.badDebtRates = ['5', '20', '150', '100'];
    const parsed = parseAnalysisSettings(input);
    expect(!parsed.ok && parsed.problems).toEqual([{ field: 'badDebtRates.2', problem: 'percent' }]);
  });
});
