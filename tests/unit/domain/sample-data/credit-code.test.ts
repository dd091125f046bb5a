import { describe, expect, it } from 'vitest';
import { isValidUscc, makeUscc, usccCheckChar } from '../../../../src/domain/sample-data/credit-code';
import { createRng } from '../../../../src/domain/sample-data/rng';

describe('unified social credit code check character (GB 32100-2015)', () => {
  // Published codes of well-known companies (national enterprise credit information system).
  it.each([
    ['914403001922038216', 'Huawei Technologies Co., Ltd.'],
    ['91330100716105852F', 'Alibaba (China) Co., Ltd.'],
    ['9144030071526726XG', 'Shenzhen Tencent Computer Systems Co., Ltd.'],
  ])('accepts %s (%s)', (code) => {
    expect(isValidUscc(code)).toBe(true);
    expect(usccCheckChar(code.slice(0, 17))).toBe(code.slice(17));
  });

  it('rejects a changed check character, a wrong length and characters outside the charset', () => {
    expect(isValidUscc('914403001922038217')).toBe(false);
    expect(isValidUscc('91440300192203821')).toBe(false);
    expect(usccCheckChar('9144030019220382I')).toBeNull();
  });

  it('makes valid codes on request and invalid ones otherwise', () => {
    const rng = createRng(3, 'test');
    for (let i = 0; i < 200; i++) {
      const individual = i % 2 === 0;
      const good = makeUscc(rng, '330106', individual, true);
      expect(good).toMatch(individual ? /^92330106/ : /^91330106/);
      expect(isValidUscc(good)).toBe(true);
      expect(isValidUscc(makeUscc(rng, '330106', individual, false))).toBe(false);
    }
  });
});
