/**
 * The six product lines of the sample business, designed so the portfolio charts show every case:
 * a star (electronic components: we lead a fast-growing market), a question mark (smart-home
 * accessories: small share of a booming market), a cash cow (hardware tools: we lead a mature market),
 * a dog (office supplies: small share, shrinking market), a question mark near the centre of the BCG
 * chart (packaging) and a line without market figures (PPE, added 18 months ago), which the UI must
 * show as "not enough data".
 *
 * Our own sales come from the deals, so the market figures are set from the sales the plan *expects*
 * for each line in the last 12 months (scale-independent): competitor = our sales ÷ target relative
 * share, market = our sales ÷ target market share. The targets sit far enough from the split lines
 * (1.0× share, 10 % growth) that sampling noise does not move a line across them.
 */
import {
  GE_ATTRACTIVENESS_FACTORS,
  GE_STRENGTH_FACTORS,
  type GeFactor,
  type ProductLine,
  type Timestamp,
} from '../types';
import { officeTime } from './dates';
import { uuid, type Rng } from './rng';

export interface ProductLineSpec {
  readonly code: string;
  readonly name: string;
  /** Share of the deals that sell this line. */
  readonly dealWeight: number;
  /** Cost of goods as a share of the list price. */
  readonly costRatio: number;
  /** Days before today from which the line is sold (undefined: the whole history). */
  readonly soldForDays?: number;
  /** Market targets, or null for the line without market figures. */
  readonly market: { relativeShare: number; marketShare: number; growth: number } | null;
  /** GE scores: 7 attractiveness factors then 6 business-strength factors, in the order of types.ts. */
  readonly ge: readonly number[];
  readonly notes: string;
}

export const PRODUCT_LINE_SPECS: readonly ProductLineSpec[] = [
  {
    code: 'PL01',
    name: '电子元器件',
    dealWeight: 0.24,
    costRatio: 0.7,
    market: { relativeShare: 2, marketShare: 0.3, growth: 0.18 },
    ge: [4, 5, 4, 3, 3, 3, 4, 4, 4, 4, 4, 4, 3],
    notes: '主力增长品类，优先保障库存',
  },
  {
    code: 'PL02',
    name: '智能家居配件',
    dealWeight: 0.07,
    costRatio: 0.62,
    market: { relativeShare: 0.3, marketShare: 0.05, growth: 0.28 },
    ge: [3, 5, 4, 2, 3, 3, 3, 2, 3, 3, 2, 2, 2],
    notes: '市场增长快，我们份额小，待决定是否加大投入',
  },
  {
    code: 'PL03',
    name: '五金工具',
    dealWeight: 0.33,
    costRatio: 0.68,
    market: { relativeShare: 2.5, marketShare: 0.35, growth: 0.04 },
    ge: [4, 2, 3, 3, 4, 4, 4, 5, 4, 4, 5, 4, 4],
    notes: '老牌优势品类，现金流来源',
  },
  {
    code: 'PL04',
    name: '办公用品',
    dealWeight: 0.12,
    costRatio: 0.84,
    market: { relativeShare: 0.25, marketShare: 0.04, growth: -0.06 },
    ge: [2, 1, 2, 2, 2, 3, 2, 2, 2, 3, 2, 2, 2],
    notes: '电商冲击大，毛利低',
  },
  {
    code: 'PL05',
    name: '包装材料',
    dealWeight: 0.14,
    costRatio: 0.78,
    market: { relativeShare: 0.7, marketShare: 0.12, growth: 0.11 },
    ge: [3, 3, 3, 3, 3, 2, 3, 3, 3, 3, 3, 3, 3],
    notes: '',
  },
  {
    code: 'PL06',
    name: '劳保用品',
    dealWeight: 0.07,
    costRatio: 0.72,
    soldForDays: 540,
    market: null,
    ge: [3, 3, 3, 3, 4, 3, 3, 2, 3, 3, 2, 3, 2],
    notes: '新开品类，市场数据待收集',
  },
];

/** Deals without a product line (`productLineId: ''`): odd items, freight-only orders… */
export const NO_LINE_WEIGHT = 0.03;
export const NO_LINE_COST_RATIO = 0.75;

const GE_FACTOR_ORDER: readonly GeFactor[] = [...GE_ATTRACTIVENESS_FACTORS, ...GE_STRENGTH_FACTORS];

/** Rounds a market figure to ¥10 000 (10⁶ cents), at least ¥100 000. */
function marketMoney(cents: number): number {
  return Math.max(10_000_000, Math.round(cents / 1_000_000) * 1_000_000);
}

/**
 * The product line rows. `expectedSales[i]` is the plan's expected revenue (cents) of line i over the
 * last 12 months; `createdDay`/`updatedDay` are day numbers.
 */
export function buildProductLines(
  rng: Rng,
  expectedSales: readonly number[],
  createdDay: number,
  updatedDay: number,
  batchId: string,
): ProductLine[] {
  return PRODUCT_LINE_SPECS.map((spec, i) => {
    const id = uuid(rng);
    const createdAt: Timestamp = officeTime(rng, createdDay);
    const updatedAt: Timestamp = Math.max(createdAt, officeTime(rng, updatedDay));
    const ours = Math.max(expectedSales[i] ?? 0, 1_000_000);
    const m = spec.market;
    const marketSize = m ? marketMoney(ours / m.marketShare) : null;
    const geScores: Partial<Record<GeFactor, number>> = {};
    GE_FACTOR_ORDER.forEach((factor, k) => {
      geScores[factor] = spec.ge[k] ?? 3;
    });
    return {
      id,
      createdAt,
      updatedAt,
      deletedAt: null,
      batchId,
      code: spec.code,
      name: spec.name,
      marketSize,
      marketSizeBase: m && marketSize !== null ? marketMoney(marketSize / (1 + m.growth)) : null,
      largestCompetitorSales: m ? marketMoney(ours / m.relativeShare) : null,
      geScores,
      costRatio: null,
      notes: spec.notes,
    };
  });
}
