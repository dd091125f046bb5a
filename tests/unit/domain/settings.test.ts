import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, languageFromBrowser, normaliseSettings } from '../../../src/domain/settings';

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
    expect(settings.analysisWindowMonths).toBe(24);
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
