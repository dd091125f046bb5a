import { describe, expect, it } from 'vitest';
import { loadPreset, savePreset, type ImportPreset } from '../../../src/storage/import-presets';
import { freshDb } from './helpers';

const LAYOUT = 'deals|订单号|客户编号|下单日期|国家|数量|金额';
const PRESET: ImportPreset = {
  mapping: ['code', 'customerCode', 'closeDate', '', '', 'amount'],
  decimalComma: false,
  dateOrders: {},
  matchKey: 'code',
};

describe('import presets', () => {
  it('keep the answer to "what are these rows"', async () => {
    const db = freshDb();
    await savePreset(db, LAYOUT, { ...PRESET, rowKind: 'won-unpaid' });
    expect(await loadPreset(db, LAYOUT)).toEqual({ ...PRESET, rowKind: 'won-unpaid' });
  });

  it('read a preset saved before the question existed', async () => {
    const db = freshDb();
    await savePreset(db, LAYOUT, PRESET);
    expect(await loadPreset(db, LAYOUT)).toEqual(PRESET);
  });

  it('ignore a preset with an unknown row kind', async () => {
    const db = freshDb();
    await db.settings.put({ key: `importPreset:${LAYOUT}`, value: { ...PRESET, rowKind: 'refunds' } });
    expect(await loadPreset(db, LAYOUT)).toBeNull();
  });
});
