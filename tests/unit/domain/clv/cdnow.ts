/**
 * Readers for the CDNOW reference files in tests/fixtures/cdnow/ (copied unchanged from the
 * `lifetimes` library's datasets, see ../shared/data/README.md).
 */
import { readFileSync } from 'node:fs';
import type { Purchase } from '../../../../src/domain/clv';

const dir = new URL('../../../fixtures/cdnow/', import.meta.url);

function lines(file: string): string[] {
  return readFileSync(new URL(file, dir), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A summary CSV (`ID, x, t_x, T[, zbar]`) as rows of numbers, header dropped. */
function csv(file: string): number[][] {
  return lines(file)
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

export interface CdnowSummaryRow {
  id: string;
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

/** `cdnow_customers_summary.csv`: ID, frequency (x), recency (t_x), T — in weeks. */
export function cdnowSummary(): CdnowSummaryRow[] {
  return csv('cdnow_customers_summary.csv').map(([id, x, tx, T]) => ({
    id: String(id),
    x: x!,
    tx: tx!,
    T: T!,
    zbar: 0,
  }));
}

/** `cdnow_customers_summary_with_transactions.csv`: ID, x, t_x, T, zbar. */
export function cdnowSummaryWithTransactions(): CdnowSummaryRow[] {
  return csv('cdnow_customers_summary_with_transactions.csv').map(([id, x, tx, T, zbar]) => ({
    id: String(id),
    x: x!,
    tx: tx!,
    T: T!,
    zbar: zbar!,
  }));
}

/**
 * `CDNOW_sample.txt`: master id, customer id, yyyymmdd, CDs, dollar value → purchases with ISO dates
 * and the value in integer cents, the app's money unit (so sums are exact, as they are in the app).
 */
export function cdnowPurchases(): Purchase[] {
  return lines('CDNOW_sample.txt').map((line) => {
    const [, customer, ymd, , value] = line.split(/\s+/);
    const date = `${ymd!.slice(0, 4)}-${ymd!.slice(4, 6)}-${ymd!.slice(6, 8)}`;
    return { customerId: String(Number(customer)), date, value: Math.round(Number(value) * 100) };
  });
}

/** The calibration period of the published CDNOW figures ends on this day. */
export const CDNOW_CALIBRATION_END = '1997-09-30';
