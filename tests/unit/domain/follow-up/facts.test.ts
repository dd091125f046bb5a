import { describe, expect, it } from 'vitest';
import { dayOf, NO_DAY } from '../../../../src/domain/analytics/days';
import { foldContact, foldReceivable, openActionOf } from '../../../../src/domain/follow-up/facts';
import type { ContactHistory, Receivable } from '../../../../src/domain/follow-up/types';
import { isoWeek } from '../../../../src/domain/follow-up/week';

describe('foldContact', () => {
  it.each([
    ['visit care', 'visit', 'care', { any: 1, callVisit: 1, care: 1, report: 0, phone: 0, followUp: 0 }],
    [
      'meeting care (a report)',
      'meeting',
      'care',
      { any: 1, callVisit: 1, care: 1, report: 1, phone: 0, followUp: 0 },
    ],
    [
      'e-mail care (a report)',
      'email',
      'care',
      { any: 1, callVisit: 0, care: 1, report: 1, phone: 0, followUp: 0 },
    ],
    [
      'phone follow-up',
      'phone',
      'follow-up',
      { any: 1, callVisit: 1, care: 0, report: 0, phone: 1, followUp: 1 },
    ],
    [
      'wechat inquiry',
      'wechat',
      'inquiry',
      { any: 1, callVisit: 0, care: 0, report: 0, phone: 0, followUp: 0 },
    ],
  ] as const)('%s', (_name, channel, type, expected) => {
    const map = new Map<string, ContactHistory>();
    foldContact(map, { customerId: 'c', date: '2025-06-30', channel, type });
    const day = dayOf('2025-06-30');
    const got = map.get('c') as ContactHistory;
    for (const [key, set] of Object.entries(expected))
      expect(got[key as keyof ContactHistory], key).toBe(set ? day : NO_DAY);
  });

  it('keeps the latest day and ignores rows without a date', () => {
    const map = new Map<string, ContactHistory>();
    foldContact(map, { customerId: 'c', date: '2025-06-30', channel: 'phone', type: 'care' });
    foldContact(map, { customerId: 'c', date: '2025-01-01', channel: 'phone', type: 'care' });
    foldContact(map, { customerId: 'c', date: '', channel: 'phone', type: 'care' });
    expect(map.get('c')?.phone).toBe(dayOf('2025-06-30'));
  });
});

describe('foldReceivable', () => {
  const won = {
    customerId: 'c',
    stage: 'won' as const,
    amount: 100_000,
    paidAmount: 40_000,
    dueDate: '2025-05-26',
  };
  it.each([
    ['won, part unpaid, past due', [won], { overdue: 60_000, oldestDue: '2025-05-26', deals: 1 }],
    [
      'two deals add up; oldest due kept',
      [won, { ...won, dueDate: '2025-04-01', paidAmount: 0 }],
      { overdue: 160_000, oldestDue: '2025-04-01', deals: 2 },
    ],
    ['fully paid', [{ ...won, paidAmount: 100_000 }], undefined],
    ['due today is not overdue', [{ ...won, dueDate: '2025-06-30' }], undefined],
    ['not won', [{ ...won, stage: 'negotiation' as const }], undefined],
    ['no due date', [{ ...won, dueDate: '' }], undefined],
  ])('%s', (_name, deals, expected) => {
    const map = new Map<string, Receivable>();
    for (const d of deals) foldReceivable(map, d, '2025-06-30');
    expect(map.get('c')).toEqual(expected);
  });
});

describe('openActionOf', () => {
  const i = {
    id: 'i',
    customerId: 'c',
    type: 'complaint' as const,
    channel: 'phone' as const,
    nextAction: '上门致歉',
    nextActionDue: '2025-06-20',
    resolved: false,
    owner: '李强',
  };
  it.each([
    ['open, due before Sunday', i, true],
    ['resolved', { ...i, resolved: true }, false],
    ['due after Sunday', { ...i, nextActionDue: '2025-07-07' }, false],
    ['no due date', { ...i, nextActionDue: '' }, false],
  ])('%s', (_name, row, kept) => {
    expect(openActionOf(row, '2025-07-06') !== null).toBe(kept);
  });
});

describe('isoWeek', () => {
  it.each([
    ['2025-06-30', '2025-06-30', '2025-07-06'], // Monday
    ['2025-07-06', '2025-06-30', '2025-07-06'], // Sunday
    ['2024-12-31', '2024-12-30', '2025-01-05'], // across the year
    ['1970-01-01', '1969-12-29', '1970-01-04'], // a Thursday
  ])('%s → %s … %s', (day, monday, sunday) => {
    expect(isoWeek(day)).toEqual({ monday, sunday });
  });
});
