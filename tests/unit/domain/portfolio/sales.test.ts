import { describe, expect, it } from 'vitest';
import { productLineSales, type SalesDeal } from '../../../../src/domain/portfolio/sales';
import { analysisWindows } from '../../../../src/domain/portfolio/windows';

describe('analysis windows', () => {
  it.each([
    ['2025-06-15', 12, '2024-06-16', '2025-06-15', '2023-06-16', '2024-06-15'],
    // Month ends clamp: 31 March − 1 month = 29 February, and the base window goes back from there.
    ['2024-03-31', 1, '2024-03-01', '2024-03-31', '2024-01-30', '2024-02-29'],
    ['2025-01-10', 6, '2024-07-11', '2025-01-10', '2024-01-11', '2024-07-10'],
  ])('today %s, %d months', (today, months, cs, ce, bs, be) => {
    expect(analysisWindows(today, months)).toEqual({
      current: { start: cs, end: ce },
      base: { start: bs, end: be },
    });
  });
});

describe('our sales per product line', () => {
  const windows = analysisWindows('2025-06-15', 12);
  const deal = (
    productLineId: string,
    amount: number,
    closeDate: string,
    extra: Partial<SalesDeal> = {},
  ): SalesDeal => ({
    productLineId,
    amount,
    closeDate,
    stage: 'won',
    deletedAt: null,
    ...extra,
  });

  it('sums won deals by close date in the current and the base window', () => {
    const sales = productLineSales(
      [
        deal('P', 100, '2025-06-15'),
        deal('P', 40, '2024-06-15'),
        deal('P', 7, '2023-06-15'), // before the base window
        deal('P', 500, '2025-01-01', { stage: 'lost' }),
        deal('P', 300, '2025-01-01', { deletedAt: 5 }),
        deal('', 9, '2025-01-01'),
      ],
      windows,
    );
    expect(sales.get('P')).toEqual({ current: 100, base: 40 });
    expect(sales.get('')).toEqual({ current: 9, base: 0 });
  });
});
