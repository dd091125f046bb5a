import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOYALTY_TYPES, type Customer, type Fields, type HistoryEntry } from '../../../src/domain/types';
import { AppStorageError } from '../../../src/storage/errors';
import { repos } from '../../../src/storage/repos';
import { freshDb } from './helpers';

/** Rebuilds a row from its history alone: the created row, then every change in order. */
function replay(entries: HistoryEntry[]): Record<string, unknown> {
  const [created, ...changes] = entries;
  expect(created?.op).toBe('create');
  const row = structuredClone(created?.newValue) as Record<string, unknown>;
  for (const change of changes) {
    row.updatedAt = change.at;
    if (change.op === 'update') row[change.field] = change.newValue;
    else row.deletedAt = change.newValue;
  }
  return row;
}

// Patches mix valid and invalid values (blank names, negative money, ratings out of range): a rejected
// update must leave no trace in the row or in the history.
const patch: fc.Arbitrary<Partial<Fields<'customers'>>> = fc.record(
  {
    name: fc.constantFrom('甲贸易', '乙五金', '', 'Acme Ltd'),
    region: fc.constantFrom('', '华东', '华南'),
    walletEstimate: fc.option(fc.integer({ min: -2, max: 1_000_000 })),
    loyaltyTypes: fc.subarray([...LOYALTY_TYPES]),
    strategicImportance: fc.option(fc.integer({ min: 0, max: 6 })),
    doNotContact: fc.boolean(),
  },
  { requiredKeys: [] },
);

type Op = { kind: 'update'; patch: Partial<Fields<'customers'>> } | { kind: 'delete' } | { kind: 'restore' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: patch.map((p) => ({ kind: 'update' as const, patch: p })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'delete' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
);

describe('history', () => {
  it('property: replaying the history of a row from its creation reproduces the stored row', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), async (ops) => {
        const repo = repos(freshDb()).customers;
        const created: Customer = await repo.create({ name: '起始客户' });
        for (const step of ops) {
          try {
            if (step.kind === 'update') await repo.update(created.id, step.patch);
            else if (step.kind === 'delete') await repo.softDelete([created.id]);
            else await repo.restore([created.id]);
          } catch (e) {
            if (!(e instanceof AppStorageError) || e.kind !== 'validation') throw e;
          }
        }
        const stored = await repo.get(created.id);
        expect(replay(await repo.historyOf(created.id))).toEqual(stored);
      }),
      { numRuns: 60 },
    );
  });
});
