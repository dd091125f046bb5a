import { describe, expect, it } from 'vitest';
import {
  countValues,
  isValueListModel,
  legacyTextTest,
  passesValues,
  valuesMatching,
} from '../../../src/domain/value-list';

const LABELS: Record<string, string> = {
  won: '赢单',
  lost: '输单',
  intent: '意向',
  east: '华东',
  south: '华南',
  ne: '东北',
};
const label = (v: string) => LABELS[v] ?? v;

describe('countValues', () => {
  it('counts each distinct value, sorted by label in pinyin order, blank last (the JSDoc example)', () => {
    expect(countValues([['won'], ['lost'], ['won'], []], label)).toEqual([
      { value: 'lost', count: 1 },
      { value: 'won', count: 2 },
      { value: '', count: 1 },
    ]);
  });

  it.each([
    ['no rows', [], []],
    ['blank text counts as blank', [[''], []], [{ value: '', count: 2 }]],
    [
      'a list of choices counts in each of its values, once per row',
      [['east', 'south', 'east'], ['south'], ['ne']],
      [
        { value: 'ne', count: 1 },
        { value: 'east', count: 1 },
        { value: 'south', count: 2 },
      ],
    ],
    [
      'texts as typed, Chinese by pinyin, then Latin case-insensitively (the zh collation puts Han first)',
      [['上海'], ['北京'], ['北京'], ['acme'], ['Beta']],
      [
        { value: '北京', count: 2 },
        { value: '上海', count: 1 },
        { value: 'acme', count: 1 },
        { value: 'Beta', count: 1 },
      ],
    ],
  ] as const)('%s', (_name, cells, expected) => {
    expect(countValues(cells as readonly (readonly string[])[], label)).toEqual(expected);
  });
});

describe('valuesMatching', () => {
  const list = countValues([['east'], ['south'], ['ne'], []], label);
  it.each([
    ['', ['ne', 'east', 'south', '']],
    ['华', ['east', 'south']],
    [' 东 ', ['ne', 'east']],
    ['西', []],
  ])('search %j keeps %j', (search, values) => {
    expect(valuesMatching(list, label, search).map((v) => v.value)).toEqual(values);
  });
});

describe('passesValues', () => {
  const ticked = new Set(['won', '']);
  it.each([
    [['won'], true],
    [['lost'], false],
    [[], true],
    [['lost', 'won'], true],
  ] as const)('%j → %s', (values, expected) => {
    expect(passesValues(values, ticked)).toBe(expected);
  });
  it('passes nothing when nothing is ticked', () => {
    expect(passesValues(['won'], new Set())).toBe(false);
    expect(passesValues([], new Set())).toBe(false);
  });
});

describe('isValueListModel', () => {
  it.each([
    [{ filterType: 'values', values: ['won', ''] }, true],
    [{ filterType: 'values', values: [] }, true],
    [{ filterType: 'text', values: ['won'] }, false],
    [{ filterType: 'values', values: [1] }, false],
    [{ filterType: 'values' }, false],
    [null, false],
    ['values', false],
  ])('%j → %s', (model, expected) => {
    expect(isValueListModel(model)).toBe(expected);
  });
});

describe('legacyTextTest', () => {
  it.each([
    [{ filterType: 'text', type: 'contains', filter: '华' }, ['华东', '华南']],
    [{ filterType: 'text', type: 'equals', filter: '华东' }, ['华东']],
    [{ filterType: 'text', type: 'notContains', filter: '华' }, ['东北', 'West']],
    [{ filterType: 'text', type: 'startsWith', filter: 'we' }, ['West']],
    [{ filterType: 'text', filter: '东' }, ['华东', '东北']],
  ])('%j keeps %j', (model, kept) => {
    const test = legacyTextTest(model);
    expect(['华东', '华南', '东北', 'West'].filter((label) => test?.(label))).toEqual(kept);
  });
  it.each([[{ filterType: 'values', values: [] }], [{ filterType: 'text', type: 'blank' }], [null], ['华']])(
    '%j is not a text filter it can read',
    (model) => {
      expect(legacyTextTest(model)).toBeNull();
    },
  );
});
