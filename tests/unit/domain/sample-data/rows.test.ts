import { describe, expect, it } from 'vitest';
import { generateSampleData } from '../../../../src/domain/sample-data';
import {
  DEAL_STAGES,
  GE_ATTRACTIVENESS_FACTORS,
  GE_STRENGTH_FACTORS,
  INTERACTION_CHANNELS,
  INTERACTION_TYPES,
  LOYALTY_TYPES,
  RELATIONSHIP_TYPES,
  type Customer,
  type Deal,
  type Interaction,
  type ProductLine,
  type RowMeta,
} from '../../../../src/domain/types';
import {
  CUSTOMER_KEYS,
  DEAL_KEYS,
  INTERACTION_KEYS,
  isIsoDate,
  isMoney,
  isTimestamp,
  PRODUCT_LINE_KEYS,
  TODAY,
  UUID_V4,
} from './helpers';

const data = generateSampleData({ seed: 7, today: TODAY });
const END_OF_TODAY = Date.parse(TODAY) + 86_400_000;
const isNonEmpty = (v: unknown) => typeof v === 'string' && v.length > 0;
const isDateOrEmpty = (v: unknown) => v === '' || isIsoDate(v);
const isScore = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5;
const includes = (list: readonly string[], v: unknown) => typeof v === 'string' && list.includes(v);

/** The names of the checks a row fails, as `code-or-id: check` (one expect per table keeps it fast). */
function failures<T extends RowMeta>(
  rows: readonly T[],
  checks: (row: T, index: number) => Record<string, boolean>,
): string[] {
  const failed: string[] = [];
  rows.forEach((row, index) => {
    const all: Record<string, boolean> = {
      id: UUID_V4.test(row.id),
      timestamps:
        isTimestamp(row.createdAt) &&
        isTimestamp(row.updatedAt) &&
        row.updatedAt >= row.createdAt &&
        row.updatedAt < END_OF_TODAY,
      deletedAt: row.deletedAt === null,
      batchId: row.batchId === 'sample',
      ...checks(row, index),
    };
    for (const [name, ok] of Object.entries(all)) if (!ok) failed.push(`${row.id}: ${name}`);
  });
  return failed;
}

function customerChecks(c: Customer, i: number): Record<string, boolean> {
  return {
    code: c.code === `C${String(i + 1).padStart(4, '0')}`,
    name: /^\p{Script=Han}+(公司|商行|经营部)$/u.test(c.name),
    taxId: c.taxId === '' || /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(c.taxId),
    licenceNo: c.licenceNo === '' || c.licenceNo === c.taxId || /^\d{15}$/.test(c.licenceNo),
    contactName: /^\p{Script=Han}{2,4}$/u.test(c.contactName),
    phone: /^1[358]\d{9}$/.test(c.phone),
    email: c.email === '' || /^[a-z0-9.]+@[a-z0-9.]+\.[a-z]+$/.test(c.email),
    address: c.address.startsWith(c.name.slice(0, 2)),
    texts: [c.region, c.industry, c.owner].every(isNonEmpty) && typeof c.notes === 'string',
    relationshipType: c.relationshipType === '' || includes(RELATIONSHIP_TYPES, c.relationshipType),
    walletEstimate: c.walletEstimate === null || (isMoney(c.walletEstimate) && c.walletEstimate > 0),
    doNotContact: typeof c.doNotContact === 'boolean',
    loyaltyTypes:
      c.loyaltyTypes.every((t) => includes(LOYALTY_TYPES, t)) &&
      new Set(c.loyaltyTypes).size === c.loyaltyTypes.length,
    strategicImportance: c.strategicImportance === null || isScore(c.strategicImportance),
  };
}

function dealChecks(d: Deal): Record<string, boolean> {
  const term = (Date.parse(d.dueDate) - Date.parse(d.closeDate)) / 86_400_000;
  const closed = d.openDate <= d.closeDate && d.closeDate <= TODAY;
  return {
    code: /^SO-20\d\d-\d{5,}$/.test(d.code) && d.code.slice(3, 7) === (d.closeDate || d.openDate).slice(0, 4),
    stage: includes(DEAL_STAGES, d.stage),
    money: [d.amount, d.cost, d.serviceCost, d.discount, d.paidAmount].every(isMoney),
    amount: d.amount > 0 && d.paidAmount <= d.amount,
    dates:
      isIsoDate(d.openDate) &&
      d.openDate <= TODAY &&
      [d.closeDate, d.dueDate, d.deliveryDate].every(isDateOrEmpty),
    texts: isNonEmpty(d.title) && isNonEmpty(d.owner) && typeof d.notes === 'string',
    won: d.stage !== 'won' || (closed && d.deliveryDate > d.closeDate && [30, 60, 90].includes(term)),
    lost:
      d.stage !== 'lost' ||
      (closed && d.dueDate === '' && d.deliveryDate === '' && d.paidAmount === 0 && d.serviceCost === 0),
    open:
      d.stage === 'won' ||
      d.stage === 'lost' ||
      (d.closeDate === '' && d.dueDate === '' && d.deliveryDate === '' && d.paidAmount === 0),
  };
}

function interactionChecks(i: Interaction): Record<string, boolean> {
  return {
    date: isIsoDate(i.date) && i.date <= TODAY,
    channel: includes(INTERACTION_CHANNELS, i.channel),
    type: includes(INTERACTION_TYPES, i.type),
    satisfaction: i.satisfaction === null || isScore(i.satisfaction),
    texts: isNonEmpty(i.summary) && isNonEmpty(i.owner) && typeof i.resolved === 'boolean',
    nextAction:
      i.nextAction === '' ? i.nextActionDue === '' : isIsoDate(i.nextActionDue) && i.nextActionDue > i.date,
  };
}

function productLineChecks(p: ProductLine): Record<string, boolean> {
  const figures = [p.marketSize, p.marketSizeBase, p.largestCompetitorSales];
  return {
    name: isNonEmpty(p.name),
    figures: figures.every((m) => m === null) || figures.every((m) => isMoney(m) && (m ?? 0) > 0),
    market: p.marketSize === null || p.marketSize > (p.largestCompetitorSales ?? 0),
    ge: [...GE_ATTRACTIVENESS_FACTORS, ...GE_STRENGTH_FACTORS].every((f) => isScore(p.geScores[f])),
  };
}

describe('sample data rows', () => {
  it('has exactly the fields of each type', () => {
    const sorted = (k: readonly string[]) => [...k].sort().join();
    const shapes = (rows: readonly object[]) => new Set(rows.map((r) => sorted(Object.keys(r))));
    expect(shapes(data.customers)).toEqual(new Set([sorted(CUSTOMER_KEYS)]));
    expect(shapes(data.deals)).toEqual(new Set([sorted(DEAL_KEYS)]));
    expect(shapes(data.interactions)).toEqual(new Set([sorted(INTERACTION_KEYS)]));
    expect(shapes(data.productLines)).toEqual(new Set([sorted(PRODUCT_LINE_KEYS)]));
  });

  it('fills customers with well-typed values', () => {
    expect(failures(data.customers, customerChecks)).toEqual([]);
  });

  it('fills deals with well-typed, consistent values', () => {
    expect(failures(data.deals, dealChecks)).toEqual([]);
  });

  it('fills interactions with well-typed values', () => {
    expect(failures(data.interactions, interactionChecks)).toEqual([]);
  });

  it('fills product lines with codes, market figures and every GE factor', () => {
    expect(data.productLines.map((p) => p.code)).toEqual(['PL01', 'PL02', 'PL03', 'PL04', 'PL05', 'PL06']);
    expect(failures(data.productLines, productLineChecks)).toEqual([]);
  });

  it('keeps ids and codes unique and every reference valid', () => {
    const all = [...data.customers, ...data.deals, ...data.interactions, ...data.productLines];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const rows of [data.customers, data.deals, data.productLines]) {
      expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    }
    expect(new Set(data.customers.map((c) => c.name)).size).toBe(data.customers.length);
    const customers = new Set(data.customers.map((c) => c.id));
    const lines = new Set(data.productLines.map((p) => p.id));
    expect(data.deals.filter((d) => !customers.has(d.customerId))).toEqual([]);
    expect(data.interactions.filter((i) => !customers.has(i.customerId))).toEqual([]);
    expect(data.deals.filter((d) => d.productLineId !== '' && !lines.has(d.productLineId))).toEqual([]);
    expect(data.deals.some((d) => d.productLineId === '')).toBe(true);
  });

  it('creates each customer no later than the day of its first deal or contact', () => {
    const created = new Map(data.customers.map((c) => [c.id, c.createdAt - (c.createdAt % 86_400_000)]));
    const early = [...data.deals, ...data.interactions].filter(
      (row) => row.createdAt < (created.get(row.customerId) ?? Infinity),
    );
    expect(early).toEqual([]);
  });
});
