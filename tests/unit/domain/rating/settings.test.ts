import { describe, expect, it } from 'vitest';
import { ahpWeights } from '../../../../src/domain/rating/ahp';
import { judgementMatrix } from '../../../../src/domain/rating/ahp-matrix';
import { DEFAULT_CRITERIA } from '../../../../src/domain/rating/criteria';
import { defaultRatingSettings, normaliseRatingSettings } from '../../../../src/domain/rating/settings';

describe('rating settings', () => {
  it('the default judgements are consistent (CR < 0.10)', () => {
    const d = defaultRatingSettings();
    const { cr, weights } = ahpWeights(judgementMatrix(DEFAULT_CRITERIA, d.judgements));
    expect(cr).toBeLessThan(0.1);
    expect(weights[0]).toBe(Math.max(...weights));
  });

  it('reading garbage gives the defaults', () => {
    expect(normaliseRatingSettings('garbage')).toEqual(defaultRatingSettings());
    expect(normaliseRatingSettings(null)).toEqual(defaultRatingSettings());
  });

  it('keeps valid parts and drops invalid ones', () => {
    const s = normaliseRatingSettings({
      method: 'gra',
      rho: 7,
      cuts: { core: 10, key: 20, ordinary: 5 },
      randomIndex: 'saaty1980',
      judgements: [
        { a: 'loyaltyIndex', b: 'paymentBehaviour', value: 5 },
        { a: 'loyaltyIndex', b: 'paymentBehaviour', value: 2.5 },
        { a: 'nope', b: 'paymentBehaviour', value: 3 },
        { a: 'revenue', b: 'complaints', value: 1 / 3 },
      ],
      criteria: [{ key: 'complaints', enabled: true, name: '投诉', direction: 'sideways', directWeight: -1 }],
    });
    expect(s.method).toBe('gra');
    expect(s.rho).toBe(0.5);
    expect(s.cuts).toEqual(defaultRatingSettings().cuts);
    expect(s.randomIndex).toBe('saaty1980');
    expect(s.judgements).toEqual([
      { a: 'loyaltyIndex', b: 'paymentBehaviour', value: 5 },
      { a: 'revenue', b: 'complaints', value: 1 / 3 },
    ]);
    expect(s.criteria[0]).toEqual({
      key: 'complaints',
      enabled: true,
      name: '投诉',
      direction: 'cost',
      directWeight: 1,
    });
    expect(s.criteria).toHaveLength(defaultRatingSettings().criteria.length);
    expect(s.criteria.filter((c) => c.enabled)).toHaveLength(1);
  });
});
