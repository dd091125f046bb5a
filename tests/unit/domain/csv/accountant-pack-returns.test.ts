/** A credit note in the accountant pack: listed with its negative amount, netted, never a receivable. */
import { describe, expect, it } from 'vitest';
import { composeAccountantPack } from '../../../../src/domain/csv/accountant-pack';
import { emptyFields } from '../../../../src/domain/defaults';
import type { Deal } from '../../../../src/domain/types';

const meta = { createdAt: 0, updatedAt: 0, deletedAt: null, batchId: '' };
const deal = (code: string, extra: Partial<Deal>): Deal => ({
  ...emptyFields('deals'),
  ...meta,
  id: code,
  code,
  customerId: 'c1',
  stage: 'won',
  ...extra,
});

describe('accountant pack with a credit note', () => {
  const files = composeAccountantPack({
    customers: [{ ...emptyFields('customers'), ...meta, id: 'c1', code: 'C1', name: '华强' }],
    deals: [
      deal('S1', { closeDate: '2024-01-10', amount: 100_000, paidAmount: 40_000, dueDate: '2024-02-10' }),
      // Unpaid and "overdue" by its dates, yet money going back: not a receivable.
      deal('C-S1', { closeDate: '2024-01-20', amount: -30_000, paidAmount: 0, dueDate: '2024-01-25' }),
    ],
    from: '2024-01-01',
    to: '2024-03-31',
    today: '2024-03-31',
    language: 'en',
  });
  const byName = Object.fromEntries(files.map((f) => [f.name, f.csv]));

  it('lists it among the period deals with its negative amount', () => {
    expect(byName['won-deals.csv']).toContain('C-S1,C1,华强,,2024-01-20,-300.00,0.00,0.00');
  });

  it('never lists it as a receivable, and nets it in the revenue', () => {
    const receivables = byName['receivables.csv']!.split('\r\n').slice(1, -1);
    expect(receivables.map((line) => line.split(',')[0])).toEqual(['S1']);
    expect(byName['totals.csv']).toMatch(/Revenue,700\.00/);
    expect(byName['totals.csv']).toMatch(/,600\.00\r\n$/);
  });
});
