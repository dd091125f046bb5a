import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES, type AbcTier } from '../../../../src/domain/types';
import { followUpList } from '../../../../src/domain/follow-up/rules';
import { OUTREACH_KINDS, type ContactHistory, type OpenAction } from '../../../../src/domain/follow-up/types';
import { contacts, customer, daysAgo, inputs, metrics, TODAY } from './helpers';

const TIERS: AbcTier[] = ['A', 'B', 'C', 'Z'];
const ago = fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined });

const customerArb = fc.record({
  doNotContact: fc.boolean(),
  hasMetrics: fc.boolean(),
  tier: fc.constantFrom(...TIERS),
  lifecycle: fc.constantFrom(...LIFECYCLE_STAGES),
  pAlive: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  tenureDays: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
  history: fc.record({ any: ago, callVisit: ago, care: ago, report: ago, phone: ago, followUp: ago }),
  overdue: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: undefined }),
  actions: fc.array(
    fc.record({
      type: fc.constantFrom('inquiry', 'follow-up', 'complaint', 'service-request', 'care' as const),
      dueAgo: fc.integer({ min: -10, max: 60 }),
    }),
    { maxLength: 3 },
  ),
});

describe('do not contact', () => {
  it('no customer marked do-not-contact ever gets an outreach item (care, lifecycle, at-risk)', () => {
    fc.assert(
      fc.property(fc.array(customerArb, { minLength: 1, maxLength: 30 }), (specs) => {
        const customers = specs.map((s, i) => customer(`c${i}`, { doNotContact: s.doNotContact }));
        const openActions: OpenAction[] = specs.flatMap((s, i) =>
          s.actions.map((a, k) => ({
            interactionId: `i${i}-${k}`,
            customerId: `c${i}`,
            type: a.type,
            channel: 'phone' as const,
            nextAction: 'x',
            due: daysAgo(a.dueAgo),
            owner: '',
          })),
        );
        const list = followUpList(
          inputs({
            today: TODAY,
            customers,
            metrics: new Map(
              specs.flatMap((s, i) =>
                s.hasMetrics
                  ? [
                      [
                        `c${i}`,
                        metrics({
                          tier: s.tier,
                          lifecycle: s.lifecycle,
                          pAlive: s.pAlive,
                          tenureDays: s.tenureDays,
                        }),
                      ],
                    ]
                  : [],
              ),
            ),
            contacts: new Map(
              specs.map((s, i) => [
                `c${i}`,
                contacts(
                  Object.fromEntries(Object.entries(s.history).filter(([, v]) => v !== undefined)) as Partial<
                    Record<keyof ContactHistory, number>
                  >,
                ),
              ]),
            ),
            receivables: new Map(
              specs.flatMap((s, i) =>
                s.overdue === undefined
                  ? []
                  : [[`c${i}`, { overdue: s.overdue, oldestDue: daysAgo(40), deals: 1 }]],
              ),
            ),
            openActions,
          }),
        );
        const dnc = new Set(customers.filter((c) => c.doNotContact).map((c) => c.id));
        for (const item of list) {
          if (dnc.has(item.customerId)) {
            expect(OUTREACH_KINDS.has(item.kind)).toBe(false);
            expect(item.doNotContact).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
