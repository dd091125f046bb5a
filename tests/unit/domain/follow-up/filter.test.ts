import { describe, expect, it } from 'vitest';
import { followUpView, NO_FILTER, type FollowUpFilter } from '../../../../src/domain/follow-up/filter';
import { followUpList } from '../../../../src/domain/follow-up/rules';
import { customer, daysAgo, inputs, metrics, openAction } from './helpers';

const items = followUpList(
  inputs({
    customers: [
      customer('a', { owner: '王芳', name: '杭州瑞丰贸易' }),
      customer('b', { owner: '李强', name: 'Blue Sky Ltd', code: 'C9' }),
      customer('c', { owner: '李强', name: '无等级公司' }),
    ],
    metrics: new Map([
      ['a', metrics({ tier: 'A' })],
      ['b', metrics({ tier: 'B' })],
    ]),
    receivables: new Map([['c', { overdue: 100, oldestDue: daysAgo(10), deals: 1 }]]),
    openActions: [openAction({ customerId: 'b', type: 'complaint', due: daysAgo(3), owner: '' })],
  }),
);

describe('followUpView', () => {
  it.each([
    ['no filter', {}, ['service:b', 'receivable:c', 'care:a', 'care:a', 'care:b']],
    ['owner 李强', { owner: '李强' }, ['service:b', 'receivable:c', 'care:b']],
    ['tier A', { tier: 'A' }, ['care:a', 'care:a']],
    ['no tier yet', { tier: 'none' }, ['receivable:c']],
    ['reason care', { kind: 'care' }, ['care:a', 'care:a', 'care:b']],
    ['customer code, any case', { query: 'c9' }, ['service:b', 'care:b']],
    ['customer name part', { query: '瑞丰' }, ['care:a', 'care:a']],
  ] as [string, Partial<FollowUpFilter>, string[]][])('%s', (_name, patch, expected) => {
    const view = followUpView(items, { ...NO_FILTER, ...patch }, 100);
    expect(view.items.map((i) => `${i.kind}:${i.customerId}`)).toEqual(expected);
    expect(view.matching).toBe(expected.length);
    expect(view.total).toBe(items.length);
  });

  it('counts each reason under the other filters, not the reason filter; keeps the first `limit`', () => {
    const view = followUpView(items, { ...NO_FILTER, owner: '李强', kind: 'care' }, 0);
    expect(view.counts).toEqual({
      service: 1,
      'at-risk': 0,
      receivable: 1,
      'next-action': 0,
      lifecycle: 0,
      care: 1,
    });
    expect(view.items).toEqual([]);
    expect(view.matching).toBe(1);
    expect(view.owners).toEqual(['李强', '王芳'].sort());
  });
});
