import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../src/i18n/i18n.svelte';

afterEach(() => {
  i18n.language = 'en';
});

describe('i18n number formatting', () => {
  it.each([
    ['en', 123456789, 'CNY', '¥1,234,567.89', '1,234,567'],
    ['zh-CN', -2050, 'CNY', '-¥20.50', '1,234,567'],
    ['zh-TW', 100, 'USD', '$1.00', '1,234,567'],
    ['en', 0, 'EUR', '€0.00', '1,234,567'],
  ] as const)('%s: %i minor units of %s → %s', (language, minor, currency, money, number) => {
    i18n.language = language;
    expect(i18n.money(minor, currency)).toBe(
      new Intl.NumberFormat(language, {
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
      }).format(minor / 100),
    );
    expect(i18n.money(minor, currency)).toBe(money);
    expect(i18n.number(1234567)).toBe(number);
  });

  it('makes one formatter per language and options, and follows a change of language', () => {
    i18n.language = 'en';
    const percent = i18n.numberFormat({ style: 'percent', maximumFractionDigits: 1 });
    expect(i18n.numberFormat({ style: 'percent', maximumFractionDigits: 1 })).toBe(percent);
    expect(i18n.numberFormat({ style: 'percent', maximumFractionDigits: 2 })).not.toBe(percent);
    expect(percent.format(0.4123)).toBe('41.2%');
    i18n.language = 'zh-CN';
    const zh = i18n.numberFormat({ style: 'percent', maximumFractionDigits: 1 });
    expect(zh).not.toBe(percent);
    expect(zh.resolvedOptions().locale).toBe('zh-CN');
  });
});
