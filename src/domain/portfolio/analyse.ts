/**
 * One row per product line with everything the portfolio charts show: our sales in both windows, the
 * BCG placement and the GE placement.
 */
import type { ProductLine } from '../types';
import { bcgPlacement, type BcgPlacement } from './bcg';
import { gePlacement, type GePlacement } from './ge';
import type { LineSales } from './sales';
import type { PortfolioSettings } from './settings';
import { compareText } from '../text/order';

export interface PortfolioRow {
  id: string;
  code: string;
  name: string;
  sales: LineSales;
  /** This period's market size (GE bubble size), minor units, or null. */
  marketSize: number | null;
  bcg: BcgPlacement;
  ge: GePlacement;
}

/**
 * Example: a line with market 1 180 000 / base 1 000 000, competitor 50 000, our sales 100 000 this
 * period and every GE factor 4 → BCG 'star', GE attractiveness 4, strength 4, zone 'invest'.
 */
export function analysePortfolio(
  lines: readonly ProductLine[],
  sales: ReadonlyMap<string, LineSales>,
  settings: PortfolioSettings,
): PortfolioRow[] {
  return lines
    .filter((line) => line.deletedAt === null)
    .map((line) => {
      const s = sales.get(line.id) ?? { current: 0, base: 0 };
      return {
        id: line.id,
        code: line.code,
        name: line.name,
        sales: s,
        marketSize: line.marketSize,
        bcg: bcgPlacement(line, s.current, settings.splits),
        ge: gePlacement(line, settings.geWeights),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code) || compareText(a.name, b.name));
}
