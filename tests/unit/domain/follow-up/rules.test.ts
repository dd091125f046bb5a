import { describe, expect, it } from 'vitest';
import type { ContactHistory, FollowUpMetrics } from '../../../../src/domain/follow-up/types';
import {
  atRiskItem,
  careItems,
  followUpList,
  lifecycleItem,
  nextActionItem,
  receivableItem,
  serviceItem,
} from '../../../../src/domain/follow-up/rules';
import { fnv1a, inCallSample, isoWeek } from '../../../../src/domain/follow-up/week';
import { contacts, customer, daysAgo, inputs, metrics, openAction, TODAY, TODAY_DAY } from './helpers';

const MONDAY = isoWeek(TODAY).monday;
const SUNDAY = isoWeek(TODAY).sunday;

describe('care programme of each tier', () => {
  type Case = [string, Partial<FollowUpMetrics>, Partial<Record<keyof ContactHistory, number>>, string[]];
  const cases: Case[] = [
    [
      'A, last call or visit 47 days ago, report 10 days ago',
      { tier: 'A' },
      { callVisit: 47, report: 10 },
      ['call-visit:47'],
    ],
    ['A, call 29 days ago is not due yet', { tier: 'A' }, { callVisit: 29, report: 89 }, []],
    ['A, call exactly 30 days ago is due', { tier: 'A' }, { callVisit: 30, report: 89 }, ['call-visit:30']],
    ['A, never contacted: both', { tier: 'A' }, {}, ['call-visit:never', 'report:never']],
    ['A, report 90 days ago', { tier: 'A' }, { callVisit: 3, report: 90 }, ['report:90']],
    ['B, care 91 days ago', { tier: 'B' }, { care: 91 }, ['membership:91']],
    ['B, care 89 days ago', { tier: 'B' }, { care: 89 }, []],
    ['C, care 200 days ago', { tier: 'C' }, { care: 200 }, ['news:200']],
    ['C, care 100 days ago', { tier: 'C' }, { care: 100 }, []],
    ['Z: no programme', { tier: 'Z' }, {}, []],
    ['prospect: no programme', { tier: 'A', lifecycle: 'prospect' }, {}, []],
    ['lost: win-back instead', { tier: 'B', lifecycle: 'lost' }, {}, []],
  ];
  it.each(cases)('%s', (_name, m, h, expected) => {
    const items = careItems(customer('x'), metrics(m), contacts(h), TODAY_DAY, MONDAY).filter(
      (i) => i.reason.kind === 'care' && i.reason.programme !== 'sample-call',
    );
    expect(
      items.map((i) =>
        i.reason.kind === 'care' ? `${i.reason.programme}:${i.reason.daysSince ?? 'never'}` : '',
      ),
    ).toEqual(expected);
    for (const i of items) expect(i.done.type).toBe('care');
  });

  it('a do-not-contact customer has no care items', () => {
    expect(
      careItems(
        customer('x', { doNotContact: true }),
        metrics({ tier: 'A' }),
        contacts({}),
        TODAY_DAY,
        MONDAY,
      ),
    ).toEqual([]);
  });
});

describe('weekly phone-call sample of tier C', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => `customer-${i}`);

  it('is the same all week and about one in ten', () => {
    const sampled = ids.filter((id) => inCallSample(id, MONDAY));
    expect(sampled.length).toBeGreaterThan(150);
    expect(sampled.length).toBeLessThan(250);
    for (const day of ['2025-07-01', '2025-07-06']) expect(isoWeek(day).monday).toBe(MONDAY);
  });

  it('changes with the week', () => {
    const next = ids.filter((id) => inCallSample(id, '2025-07-07'));
    const now = new Set(ids.filter((id) => inCallSample(id, MONDAY)));
    expect(next.filter((id) => now.has(id)).length).toBeLessThan(next.length / 2);
  });

  it('FNV-1a matches the published test vector', () => {
    // FNV-1a 32-bit of "a" (www.isthe.com/chongo/tech/comp/fnv): 0xe40c292c.
    expect(fnv1a('a')).toBe(0xe40c292c);
  });

  it('asks a sampled customer for a call unless they had one since Monday', () => {
    const id = ids.find((x) => inCallSample(x, MONDAY)) as string;
    const call = (h: Partial<Record<keyof ContactHistory, number>>) =>
      careItems(customer(id), metrics({ tier: 'C' }), contacts({ care: 1, ...h }), TODAY_DAY + 2, MONDAY).map(
        (i) => (i.reason.kind === 'care' ? i.reason.programme : ''),
      );
    expect(call({ phone: 10 })).toEqual(['sample-call']);
    expect(call({ phone: 0 })).toEqual([]);
  });
});

describe('lifecycle items', () => {
  type Case = [
    string,
    Partial<FollowUpMetrics>,
    Partial<Record<keyof ContactHistory, number>>,
    string | null,
  ];
  const cases: Case[] = [
    [
      'new, bought 20 days ago, last contact 25 days ago',
      { lifecycle: 'new', tenureDays: 20 },
      { any: 25 },
      'new',
    ],
    ['new, contacted after the purchase', { lifecycle: 'new', tenureDays: 20 }, { any: 5 }, null],
    ['declining, 31 days without contact', { lifecycle: 'declining' }, { any: 31 }, 'declining'],
    ['declining, contacted 10 days ago', { lifecycle: 'declining' }, { any: 10 }, null],
    ['lost, never contacted', { lifecycle: 'lost' }, {}, 'lost'],
    ['lost, contacted 60 days ago', { lifecycle: 'lost' }, { any: 60 }, null],
    ['mature: nothing', { lifecycle: 'mature' }, {}, null],
    ['declining tier A is at risk instead', { lifecycle: 'declining', tier: 'A' }, { any: 40 }, null],
  ];
  it.each(cases)('%s', (_name, m, h, expected) => {
    const item = lifecycleItem(customer('x'), metrics(m), contacts(h), TODAY_DAY);
    expect(item?.reason.kind === 'lifecycle' ? item.reason.stage : null).toBe(expected);
  });
});

describe('at-risk items (atRiskReason)', () => {
  type Case = [
    string,
    Partial<FollowUpMetrics>,
    Partial<Record<keyof ContactHistory, number>>,
    string | null,
  ];
  const cases: Case[] = [
    ['A declining, 20 days without contact', { tier: 'A', lifecycle: 'declining' }, { any: 20 }, 'lifecycle'],
    ['B with P(alive) 0.3, never contacted', { tier: 'B', pAlive: 0.3 }, {}, 'p-alive'],
    ['A declining, contacted 3 days ago', { tier: 'A', lifecycle: 'declining' }, { any: 3 }, null],
    ['C lost is not at risk', { tier: 'C', lifecycle: 'lost' }, {}, null],
  ];
  it.each(cases)('%s', (_name, m, h, expected) => {
    const item = atRiskItem(customer('x'), metrics(m), contacts(h), TODAY_DAY);
    expect(item?.reason.kind === 'at-risk' ? item.reason.why : null).toBe(expected);
  });
});

describe('receivables', () => {
  const r = { overdue: 1_234_000, oldestDue: daysAgo(35), deals: 2 };
  it.each([
    ['no reminder yet', {}, 35],
    ['last follow-up 8 days ago', { followUp: 8 }, 35],
    ['reminded 3 days ago', { followUp: 3 }, null],
  ] as const)('%s', (_name, h, days) => {
    const item = receivableItem(r, customer('x'), undefined, contacts(h), TODAY_DAY);
    expect(item?.reason.kind === 'receivable' ? item.reason.daysOverdue : null).toBe(days);
    if (item?.reason.kind === 'receivable') expect(item.reason.overdue).toBe(1_234_000);
  });

  it('shows for a do-not-contact customer (collecting money owed is not outreach)', () => {
    expect(
      receivableItem(r, customer('x', { doNotContact: true }), undefined, contacts({}), TODAY_DAY),
    ).not.toBeNull();
  });
});

describe('open complaints, service requests and next actions', () => {
  const c = customer('c1');
  it.each([
    [
      'complaint due 5 days ago → service, visit',
      { type: 'complaint', due: daysAgo(5) },
      'service',
      5,
      'visit',
    ],
    [
      'service request due yesterday → service, phone',
      { type: 'service-request', due: daysAgo(1) },
      'service',
      1,
      'phone',
    ],
    ['complaint due today → next action', { type: 'complaint', due: TODAY }, 'next-action', 0, 'wechat'],
    ['follow-up due Thursday → next action', { due: daysAgo(-3) }, 'next-action', 3, 'wechat'],
    ['follow-up due next Monday → nothing', { due: daysAgo(-7) }, null, null, null],
    ['follow-up due last week → nothing', { due: daysAgo(3) }, null, null, null],
  ] as const)('%s', (_name, patch, kind, figure, channel) => {
    const a = openAction(patch);
    const item =
      serviceItem(a, c, undefined, TODAY) ?? nextActionItem(a, c, undefined, TODAY, MONDAY, SUNDAY);
    expect(item?.kind ?? null).toBe(kind);
    if (item?.reason.kind === 'service') expect(item.reason.daysOverdue).toBe(figure);
    if (item?.reason.kind === 'next-action') expect(item.reason.daysUntilDue).toBe(figure);
    expect(item?.done.channel ?? null).toBe(channel);
    if (item) expect(item.done.resolves).toBe('i1');
    if (item) expect(item.owner).toBe('李强');
  });
});

describe('followUpList', () => {
  it('orders by priority: service, at-risk, receivables, next actions, lifecycle, care', () => {
    const list = followUpList(
      inputs({
        customers: [customer('a'), customer('b'), customer('c'), customer('d')],
        metrics: new Map([
          ['a', metrics({ tier: 'A', lifecycle: 'declining' })],
          ['b', metrics({ tier: 'B', lifecycle: 'mature' })],
          ['c', metrics({ tier: 'C', lifecycle: 'lost' })],
        ]),
        contacts: new Map([['b', contacts({ care: 100, any: 1 })]]),
        receivables: new Map([['d', { overdue: 500, oldestDue: daysAgo(3), deals: 1 }]]),
        openActions: [
          openAction({ customerId: 'c', type: 'complaint', due: daysAgo(2), interactionId: 'x1' }),
          openAction({ customerId: 'b', due: daysAgo(-1), interactionId: 'x2' }),
          openAction({ customerId: 'gone', type: 'complaint', due: daysAgo(2), interactionId: 'x3' }),
        ],
      }),
    );
    expect(list.map((i) => `${i.kind}:${i.customerId}`)).toEqual([
      'service:c',
      'at-risk:a',
      'receivable:d',
      'next-action:b',
      'lifecycle:c',
      // An at-risk customer keeps its care programme (A: call or visit, report).
      'care:a',
      'care:a',
      'care:b',
    ]);
  });

  it('is the same whatever the order of the customers', () => {
    const customers = ['p', 'q', 'r'].map((id) => customer(id));
    const m = new Map(customers.map((c) => [c.id, metrics({ tier: 'B' })]));
    const keys = (cs: typeof customers) =>
      followUpList(inputs({ customers: cs, metrics: m })).map((i) => i.key);
    expect(keys([...customers].reverse())).toEqual(keys(customers));
  });
});
