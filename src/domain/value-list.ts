/**
 * The logic of a sheet's "filter by value" (as Excel's filter list): the distinct values of a column
 * with how many rows hold each, the list narrowed by a search, and whether a row passes the values
 * ticked. Values are the stored ones (a choice's key, 'true' / 'false', a text as typed), so a filter
 * kept in a saved view means the same in every UI language; labels are only for showing and sorting.
 * An empty cell is the value '' ("(Blanks)" in the list, last, as in Excel).
 */
import { compareText } from './text/order';

export interface ValueCount {
  value: string;
  count: number;
}

/** The filter's model, as kept in the grid's state and in saved views: the values ticked. */
export interface ValueListModel {
  filterType: 'values';
  values: string[];
}

/**
 * The distinct values of the given rows' cells (a cell may hold several values, as a list of choices
 * does, or none: it then counts as blank), with the number of rows holding each, in pinyin order of
 * their labels, blank last.
 *
 * Example: cells `[['won'], ['lost'], ['won'], []]` with labels 赢单 / 输单 give
 * `[{value: 'lost', count: 1}, {value: 'won', count: 2}, {value: '', count: 1}]` (输 shu before 赢 ying).
 */
export function countValues(
  cells: Iterable<readonly string[]>,
  label: (value: string) => string,
): ValueCount[] {
  const counts = new Map<string, number>();
  for (const values of cells) {
    if (values.length === 0) counts.set('', (counts.get('') ?? 0) + 1);
    // A cell counts once for each distinct value it holds.
    for (const value of values.length > 1 ? new Set(values) : values)
      counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count, label: value === '' ? '' : label(value) }))
    .sort((a, b) =>
      (a.value === '') !== (b.value === '') ? (a.value === '' ? 1 : -1) : compareText(a.label, b.label),
    )
    .map(({ value, count }) => ({ value, count }));
}

/**
 * The values whose label contains the search text, ignoring case and surrounding spaces (all of them
 * for an empty search). The blank value matches the label given for it.
 *
 * Example: with labels 华东 / 华南 / 东北, the search "华" keeps 华东 and 华南; "东" keeps 华东 and 东北.
 */
export function valuesMatching(
  list: readonly ValueCount[],
  label: (value: string) => string,
  search: string,
): ValueCount[] {
  const needle = search.trim().toLowerCase();
  if (needle === '') return [...list];
  return list.filter((item) => label(item.value).toLowerCase().includes(needle));
}

/** Whether a row whose cell holds `values` passes: it holds a ticked value (blank: '' ticked). */
export function passesValues(values: readonly string[], ticked: ReadonlySet<string>): boolean {
  if (values.length === 0) return ticked.has('');
  return values.some((value) => ticked.has(value));
}

/** A model read back from the grid's state or a saved view, checked. */
export function isValueListModel(model: unknown): model is ValueListModel {
  if (typeof model !== 'object' || model === null) return false;
  const { filterType, values } = model as Record<string, unknown>;
  return filterType === 'values' && Array.isArray(values) && values.every((v) => typeof v === 'string');
}

/**
 * A text-filter model kept from before these columns were filtered by value (in a saved view or the
 * session), as a test on a value's label, so the view still filters as it did: `contains`, `equals`,
 * `notContains`, `notEqual`, `startsWith`, `endsWith`, ignoring case. Null for anything else.
 *
 * Example: `{filterType: 'text', type: 'contains', filter: '华'}` passes the labels 华东 and 华南, not 东北.
 */
export function legacyTextTest(model: unknown): ((label: string) => boolean) | null {
  if (typeof model !== 'object' || model === null) return null;
  const { filterType, type, filter } = model as Record<string, unknown>;
  if (filterType !== 'text' || typeof filter !== 'string') return null;
  const needle = filter.toLowerCase();
  const tests: Record<string, (label: string) => boolean> = {
    contains: (label) => label.includes(needle),
    notContains: (label) => !label.includes(needle),
    equals: (label) => label === needle,
    notEqual: (label) => label !== needle,
    startsWith: (label) => label.startsWith(needle),
    endsWith: (label) => label.endsWith(needle),
  };
  const test = typeof type === 'string' ? tests[type] : tests.contains;
  return test ? (label) => test(label.toLowerCase()) : null;
}
