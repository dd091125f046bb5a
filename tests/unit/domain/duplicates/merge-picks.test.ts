import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../../../src/domain/defaults';
import { defaultPicks, pickedFields } from '../../../../src/domain/duplicates/merge-picks';
import type { Customer } from '../../../../src/domain/types';

function customer(fields: Partial<Customer>): Customer {
  return {
    ...emptyFields('customers'),
    id: 'x',
    createdAt: 100,
    updatedAt: 100,
    deletedAt: null,
    batchId: '',
    ...fields,
  } as Customer;
}

describe('defaultPicks', () => {
  const kept = customer({
    id: 'k',
    code: 'C0001',
    name: '深圳华成电子有限公司',
    email: 'old@huacheng.cn',
    region: '华南',
    createdAt: 100,
  });
  const other = customer({
    id: 'o',
    code: 'C0002',
    name: '华成电子（深圳）',
    phone: '13800138000',
    email: 'new@huacheng.cn',
    region: '华东',
    doNotContact: true,
    createdAt: 50,
  });

  it('takes the filled-in value, else the most recently changed one, else the kept one', () => {
    const picks = defaultPicks(
      { customer: kept, changedAt: { email: 200 } },
      { customer: other, changedAt: { email: 300 } },
    );
    expect(picks.phone).toBe('other'); // only the other has one
    expect(picks.email).toBe('other'); // changed at 300 > 200
    expect(picks.region).toBe('kept'); // kept created at 100, other at 50, neither edited since
    expect(picks.code).toBe('kept');
    expect(picks.doNotContact).toBe('other'); // a do-not-contact flag is kept
    expect(picks.notes).toBe('kept'); // both empty
    expect(pickedFields(other, picks)).toEqual({
      phone: '13800138000',
      email: 'new@huacheng.cn',
      doNotContact: true,
    });
  });
});
