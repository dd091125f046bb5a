import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cellText,
  parseCellValue,
  parseDateText,
  stripInvisible,
  type CellKind,
  type CellParse,
} from '../../../src/domain/cell-values';

const stage: CellKind = {
  kind: 'choice',
  choices: [
    { key: 'need', labels: ['Need found', '发现需求', '發現需求'] },
    { key: 'won', labels: ['Won', '成交', '成交'] },
    { key: 'lost', labels: ['Lost', '丢单', '丟單'] },
  ],
};
const loyalty: CellKind = {
  kind: 'choiceList',
  choices: [
    { key: 'price', labels: ['Price', '价格型'] },
    { key: 'habit', labels: ['Habit', '习惯型'] },
  ],
};
const customers: Record<string, string> = { C0001: 'c1', 杭州瑞丰: 'c1', 重名公司: 'dup' };
const link: CellKind = {
  kind: 'link',
  resolve: (text) => {
    const id = customers[text];
    if (id === 'dup') return 'ambiguous';
    return id ? { id } : 'none';
  },
};
const money: CellKind = { kind: 'money', nullable: false };
const moneyOrNull: CellKind = { kind: 'money', nullable: true };
const yes = (value: unknown): CellParse => ({ ok: true, value });
const no = (code: string): CellParse => ({ ok: false, code }) as CellParse;

describe('parseCellValue', () => {
  it.each<[string, CellKind, string, CellParse]>([
    ['text is trimmed', { kind: 'text' }, '  Acme  ', yes('Acme')],
    ['HTML stays text', { kind: 'text' }, '<img src=x>', yes('<img src=x>')],
    ['money with currency and separators', money, '¥1,234.5', yes(123450)],
    ['full-width money from a Chinese IME', money, '￥１２３．４５', yes(12345)],
    ['blank money that cannot be empty is 0', money, '', yes(0)],
    ['blank optional money is not set', moneyOrNull, ' ', yes(null)],
    ['negative money parses (the validator refuses it)', money, '-5', yes(-500)],
    ['money that is not a number', money, 'abc', no('bad-number')],
    ['money with three decimals', money, '1.234', no('not-integer-money')],
    ['rating', { kind: 'rating' }, '4', yes(4)],
    ['blank rating', { kind: 'rating' }, '', yes(null)],
    ['rating not a number', { kind: 'rating' }, 'good', no('bad-number')],
    ['percent', { kind: 'percent' }, '55', yes(55)],
    ['percent with its sign', { kind: 'percent' }, '12.5 %', yes(12.5)],
    ['full-width percent', { kind: 'percent' }, '５５％', yes(55)],
    ['blank percent', { kind: 'percent' }, '', yes(null)],
    ['percent not a number', { kind: 'percent' }, '五成', no('bad-number')],
    ['ISO date', { kind: 'date' }, '2024-01-05', yes('2024-01-05')],
    ['blank date', { kind: 'date' }, '', yes('')],
    ['not a date', { kind: 'date' }, 'soon', no('bad-date')],
    ['choice by key', stage, 'won', yes('won')],
    ['choice by English label, any case', stage, 'need FOUND', yes('need')],
    ['choice by Chinese label', stage, '丢单', yes('lost')],
    ['choice by Traditional label', stage, '丟單', yes('lost')],
    ['unknown choice', stage, 'maybe', no('bad-choice')],
    ['blank choice (the validator decides)', stage, '', yes('')],
    ['choice list by labels', loyalty, 'Price, 习惯型，price', yes(['price', 'habit'])],
    ['blank choice list', loyalty, '', yes([])],
    ['bad member of a choice list', loyalty, 'price, cheap', no('bad-choice')],
    ['boolean yes', { kind: 'boolean' }, 'Yes', yes(true)],
    ['boolean 是', { kind: 'boolean' }, '是', yes(true)],
    ['boolean 0', { kind: 'boolean' }, '0', yes(false)],
    ['boolean blank', { kind: 'boolean' }, '', yes(false)],
    ['boolean by label', { kind: 'boolean', trueLabels: ['勿扰'] }, '勿扰', yes(true)],
    ['boolean nonsense', { kind: 'boolean' }, 'perhaps', no('bad-boolean')],
    ['link by code', link, 'C0001', yes('c1')],
    ['link by name', link, ' 杭州瑞丰 ', yes('c1')],
    ['link not found', link, 'Nobody', no('no-match')],
    ['link ambiguous', link, '重名公司', no('ambiguous')],
    ['blank link (the validator decides)', link, '', yes('')],
  ])('%s', (_name, kind, text, expected) => {
    expect(parseCellValue(kind, text)).toEqual(expected);
  });
});

describe('parseDateText', () => {
  it.each<[string, string | null, boolean?]>([
    ['2024-01-05', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['２０２４／１／５', '2024-01-05'],
    ['20240105', '2024-01-05'],
    ['2024/1/5 0:00:00', '2024-01-05'],
    ['2024-01-05T10:30', '2024-01-05'],
    ['1/5/2024', '2024-01-05'],
    ['5/1/2024', '2024-01-05', true],
    ['25/12/2024', '2024-12-25'],
    ['Jan 5, 2024', '2024-01-05'],
    ['5 Jan 2024', '2024-01-05'],
    ['September 30, 2025', '2025-09-30'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['2024-13-01', null],
    ['13/13/2024', null],
    ['Foo 5, 2024', null],
    ['tomorrow', null],
  ])('%j → %j', (text, expected, dayFirst) => {
    expect(parseDateText(text, { dayFirst: dayFirst === true })).toBe(expected);
  });
});

describe('cellText → parseCellValue round trip', () => {
  const isoDate = fc
    .date({ min: new Date('1950-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const cases: [CellKind, fc.Arbitrary<unknown>][] = [
    [money, fc.nat({ max: Number.MAX_SAFE_INTEGER })],
    [moneyOrNull, fc.option(fc.nat({ max: 10 ** 12 }), { nil: null })],
    [{ kind: 'date' }, fc.oneof(isoDate, fc.constant(''))],
    [stage, fc.constantFrom('need', 'won', 'lost')],
    [loyalty, fc.uniqueArray(fc.constantFrom('price', 'habit'))],
    [{ kind: 'boolean' }, fc.boolean()],
    [{ kind: 'rating' }, fc.option(fc.integer({ min: 1, max: 5 }), { nil: null })],
    [
      { kind: 'percent' },
      fc.option(
        fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
        { nil: null },
      ),
    ],
    [{ kind: 'text' }, fc.string().map((s) => s.trim())],
  ];

  it.each(cases.map((c, i) => [c[0].kind, i] as const))('%s', (_kind, i) => {
    const [kind, values] = cases[i]!;
    fc.assert(
      fc.property(values, (value) => {
        expect(parseCellValue(kind, cellText(kind, value))).toEqual({ ok: true, value });
      }),
    );
  });

  it('a link shows the linked name and reads it back to the id', () => {
    expect(cellText(link, 'c1', () => '杭州瑞丰')).toBe('杭州瑞丰');
    expect(
      parseCellValue(
        link,
        cellText(link, 'c1', () => '杭州瑞丰'),
      ),
    ).toEqual(yes('c1'));
  });
});

describe('stripInvisible: codes and names are stored without invisible characters (issue 24)', () => {
  it.each([
    ['C\u200B001', 'C001'],
    ['\u202AC001\u202C', 'C001'],
    ['\u2067深圳华强\u2069', '深圳华强'],
    ['\uFEFFAcme\u200E', 'Acme'],
    ['A\u200DB', 'AB'],
    ['C\u2060001\u200F', 'C001'],
    ['👨\u200D👩\u200D👧', '👨\u200D👩\u200D👧'],
    ['❤\uFE0F\u200D🔥', '❤\uFE0F\u200D🔥'],
    ['plain 文本', 'plain 文本'],
  ])('%j → %j', (input, expected) => {
    expect(stripInvisible(input)).toBe(expected);
  });

  it('strips them from a typed or pasted text cell', () => {
    expect(parseCellValue({ kind: 'text' }, ' C\u200B001\u202C ')).toEqual({ ok: true, value: 'C001' });
  });
});
