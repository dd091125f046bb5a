import { describe, expect, it } from 'vitest';
import { paymentRatio, paymentRecords, type PaymentDeal } from '../../../../src/domain/rating/payment';

const window = { start: '2024-07-01', end: '2025-06-30' };

function deal(
  customerId: string,
  amount: number,
  paidAmount: number,
  dueDate: string,
  extra: Partial<PaymentDeal> = {},
): PaymentDeal {
  return { customerId, stage: 'won', amount, paidAmount, dueDate, deletedAt: null, ...extra };
}

describe('payment behaviour', () => {
  it('is the share of the amount due in the window that has been collected', () => {
    const records = paymentRecords(
      [
        deal('c1', 1000, 1000, '2024-08-01'),
        deal('c1', 3000, 1500, '2025-06-30'),
        deal('c1', 5000, 0, '2025-07-15'), // not due yet
        deal('c1', 9000, 0, '2024-06-30'), // due before the window
        deal('c1', 700, 0, '2025-01-01', { stage: 'lost' }),
        deal('c1', 800, 0, '2025-01-01', { deletedAt: 1 }),
        deal('c2', 1000, 1200, '2025-01-01'), // over-payment counts as paid in full
      ],
      window,
    );
    expect(records.get('c1')).toEqual({ due: 4000, collected: 2500 });
    expect(paymentRatio(records.get('c1'))).toBe(0.625);
    expect(paymentRatio(records.get('c2'))).toBe(1);
  });

  it('has no value when nothing has fallen due', () => {
    const records = paymentRecords([deal('c1', 1000, 0, '')], window);
    expect(paymentRatio(records.get('c1'))).toBeNull();
    expect(paymentRatio(undefined)).toBeNull();
  });
});
