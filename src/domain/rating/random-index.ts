/**
 * Saaty's random consistency index RI(n): the mean consistency index of random reciprocal matrices of
 * order n. Two published tables are in use and give slightly different CRs, so the UI names the one it
 * applies. For n ≤ 2 every reciprocal matrix is consistent and RI = 0.
 *
 * Sources: Saaty (1980), The Analytic Hierarchy Process (the classic table, as printed in pyDecision and
 * mathmodels — n = 12 is 1.48 there); Saaty (2005), Theory and Applications of the Analytic Network
 * Process, p. 31 (the table AHPy uses). Copied in tests/fixtures/mcdm/ahp-saaty-drinks.json.
 */

export const RANDOM_INDEX_TABLES = ['saaty2005', 'saaty1980'] as const;
export type RandomIndexTable = (typeof RANDOM_INDEX_TABLES)[number];

/** RI for n = 1 … 15 (index n − 1). */
const TABLES: Record<RandomIndexTable, readonly number[]> = {
  saaty2005: [0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.4, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59],
  saaty1980: [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59],
};

/** The largest matrix order the tables cover. */
export const MAX_AHP_ORDER = 15;

/**
 * Random index of an n × n matrix from the given table; `null` beyond n = 15.
 * Example: `randomIndex(7, 'saaty2005')` → 1.35; `randomIndex(7, 'saaty1980')` → 1.32.
 */
export function randomIndex(n: number, table: RandomIndexTable): number | null {
  return TABLES[table][n - 1] ?? null;
}

export function isRandomIndexTable(value: unknown): value is RandomIndexTable {
  return typeof value === 'string' && (RANDOM_INDEX_TABLES as readonly string[]).includes(value);
}
