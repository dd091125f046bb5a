import { describe, expect, it } from 'vitest';
import { DICTIONARIES, type MessageKey } from '../../../src/i18n/dictionaries';
import { fillMessage, placeholders } from '../../../src/i18n/format';

describe('dictionaries', () => {
  const en = DICTIONARIES.en;
  const keys = Object.keys(en).sort();
  for (const [language, dictionary] of Object.entries(DICTIONARIES)) {
    it(`${language} has every key, non-empty, with the same placeholders as English`, () => {
      expect(Object.keys(dictionary).sort()).toEqual(keys);
      for (const key of keys) {
        const message = dictionary[key as MessageKey];
        expect(message.trim(), key).not.toBe('');
        expect(placeholders(message), key).toEqual(placeholders(en[key as MessageKey]));
      }
    });
  }

  it('Chinese dictionaries are translated, not copied from English', () => {
    const copied = keys.filter(
      (k) => DICTIONARIES['zh-CN'][k as MessageKey] === en[k as MessageKey] && !k.startsWith('lang.'),
    );
    expect(copied).toEqual([]);
  });
});

describe('fillMessage', () => {
  it.each([
    ['Showing {shown} of {total}', { shown: 5, total: 9 }, 'Showing 5 of 9'],
    ['{a}{a}', { a: 'x' }, 'xx'],
    ['missing {b}', { a: 1 }, 'missing {b}'],
    ['no params', undefined, 'no params'],
  ])('%s', (template, params, expected) => {
    expect(fillMessage(template, params)).toBe(expected);
  });
});
