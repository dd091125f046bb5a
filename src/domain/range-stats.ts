/**
 * The figures a spreadsheet's status line shows for a selected block of cells.
 *
 * Of the values given (one per cell): `cells` counts them all, `filled` the non-empty ones, and only
 * finite numbers enter `numbers`, `sum` and `average` (average = sum / numbers; null without numbers).
 * Text such as a phone number is not a number here, as in Excel and WPS. The sum is added in cents
 * (×100, rounded) so that 0.1 + 0.2 gives 0.3, as money should.
 *
 * @example
 * rangeStats([1000, 250.5, '', 'ABC', null]);
 * // { cells: 5, filled: 3, numbers: 2, sum: 1250.5, average: 625.25 }
 */
export interface RangeStats {
  cells: number;
  filled: number;
  numbers: number;
  sum: number;
  average: number | null;
}

export function rangeStats(values: Iterable<unknown>): RangeStats {
  let cells = 0;
  let filled = 0;
  let numbers = 0;
  let cents = 0;
  for (const value of values) {
    cells += 1;
    if (value === null || value === undefined || value === '') continue;
    filled += 1;
    if (typeof value === 'number' && Number.isFinite(value)) {
      numbers += 1;
      cents += Math.round(value * 100);
    }
  }
  const sum = cents / 100;
  return { cells, filled, numbers, sum, average: numbers > 0 ? sum / numbers : null };
}
