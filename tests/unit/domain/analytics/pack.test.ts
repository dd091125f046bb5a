import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DealFact } from '../../../../src/domain/analytics/contemporary-value';
import { CustomerIndex } from '../../../../src/domain/analytics/customer-keys';
import { dayOf } from '../../../../src/domain/analytics/days';
import { packDeals } from '../../../../src/domain/analytics/pack';
import { paymentRecords } from '../../../../src/domain/rating/payment';

const TODAY = '2025-06-30';
// Customers with an id that is a UUID (matched by key) and one that is not (matched as a string), and
// deals of a stranger of each kind.
const CUSTOMERS = ['a', '6f1c2a9e-0b7d-4e3a-9c55-7d2e8b1f4a60', '00000000-0000-4000-8000-000000000001'];
const STRANGERS = ['stranger', '6f1c2a9e-0b7d-4e3a-9c55-7d2e8b1f4a61'];
const index = new CustomerIndex(CUSTOMERS);
const rowOf = new Map(CUSTOMERS.map((id, i) => [id, i]));
const DATES = ['2025-01-05', '2025-01-06', '2025-03-01', '2025-06-30', '2025-07-01', ''];

const deal = fc
  .record({
    customerId: fc.constantFrom(...CUSTOMERS, ...STRANGERS),
    stage: fc.constantFrom('won', 'won', 'won', 'lost'),
    closeDate: fc.constantFrom(...DATES),
    amount: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map(({ customerId, stage, closeDate, amount }): DealFact => ({
    customerId,
    stage: stage as DealFact['stage'],
    closeDate,
    dueDate: '2025-08-01',
    amount,
    cost: amount >> 1,
    serviceCost: 3,
    discount: 7,
    paidAmount: amount >> 2,
  }));

/** The order packDeals promises, written the slow way: kept deals sorted by (customer, day, input position). */
function expected(deals: readonly DealFact[]) {
  const today = dayOf(TODAY);
  return deals
    .map((d, position) => ({ d, position, c: rowOf.get(d.customerId), day: dayOf(d.closeDate) }))
    .filter((r) => r.d.stage === 'won' && r.c !== undefined && r.day !== dayOf('') && r.day <= today)
    .sort((x, y) => x.c! - y.c! || x.day - y.day || x.position - y.position);
}

function check(deals: readonly DealFact[]) {
  const packed = packDeals(deals, index, dayOf(TODAY));
  const rows = expected(deals);
  expect([...packed.amount]).toEqual(rows.map((r) => r.d.amount));
  expect([...packed.day]).toEqual(rows.map((r) => r.day));
  expect([...packed.cost]).toEqual(rows.map((r) => r.d.cost));
  expect([...packed.paid]).toEqual(rows.map((r) => r.d.paidAmount));
  const counts = CUSTOMERS.map((_, i) => rows.filter((r) => r.c === i).length);
  expect([...packed.offsets]).toEqual([0, counts[0], counts[0]! + counts[1]!, rows.length]);
}

describe('packDeals: kept deals grouped by customer, oldest first, same-day deals in input order', () => {
  it('with a few deals per customer (sorted by insertion)', () => {
    fc.assert(fc.property(fc.array(deal, { maxLength: 60 }), check), { numRuns: 200 });
  });

  it('with more than 32 deals per customer (sorted by comparison)', () => {
    fc.assert(fc.property(fc.array(deal, { minLength: 150, maxLength: 400 }), check), { numRuns: 50 });
  });
});

describe('packDeals with a payment window: the payment records of rating/payment.ts, by customer slot', () => {
  const window = { start: '2024-07-01', end: '2025-06-30' };
  const paymentDeal = fc
    .record({
      customerId: fc.constantFrom(...CUSTOMERS, ...STRANGERS),
      stage: fc.constantFrom('won', 'won', 'lost'),
      // Close dates after today or missing: not packed, but their payments still count.
      closeDate: fc.constantFrom(...DATES),
      dueDate: fc.constantFrom('2024-06-30', '2024-07-01', '2025-01-15', '2025-06-30', '2025-07-01', ''),
      amount: fc.integer({ min: -500, max: 100_000 }),
      paidAmount: fc.integer({ min: -500, max: 120_000 }),
    })
    .map((d): DealFact => ({
      ...d,
      stage: d.stage as DealFact['stage'],
      cost: 0,
      serviceCost: 0,
      discount: 0,
    }));

  it('sums the same due and collected amounts as paymentRecords', () => {
    fc.assert(
      fc.property(fc.array(paymentDeal, { maxLength: 80 }), (deals) => {
        const { payment } = packDeals(deals, index, dayOf(TODAY), window);
        const records = paymentRecords(deals, window);
        CUSTOMERS.forEach((id, i) => {
          const record = records.get(id);
          expect(payment?.due[i]).toBe(record?.due ?? 0);
          expect(payment?.collected[i]).toBe(record?.collected ?? 0);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('is left out without a window', () => {
    expect(packDeals([], index, dayOf(TODAY)).payment).toBeUndefined();
  });
});
