/**
 * The benchmark data set (DESIGN.md §6): the sample-data generator scaled up and written as CSV files,
 * the way an owner's export from another tool would look. Files are cached under tests/bench/.cache/
 * and re-made only when the size, seed or generator version changes.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  inChunks,
  planSampleData,
  sampleCustomers,
  sampleDeals,
  sampleInteractions,
  sampleProductLines,
} from '../../src/domain/sample-data';
import { formatMinorUnits } from '../../src/domain/money';

export interface DataSize {
  name: 'L' | 'M';
  customers: number;
  deals: number;
  interactions: number;
}

export const SIZES: Record<'full' | 'quick', DataSize> = {
  full: { name: 'L', customers: 100_000, deals: 1_000_000, interactions: 200_000 },
  quick: { name: 'M', customers: 10_000, deals: 100_000, interactions: 20_000 },
};

/** Fixed so that every run measures the same rows. Bump FORMAT when the columns change. */
const SEED = 7;
export const TODAY = '2026-06-30';
const FORMAT = 2;

export const CUSTOMER_COLUMNS = [
  'code',
  'name',
  'taxId',
  'licenceNo',
  'contactName',
  'phone',
  'email',
  'address',
  'region',
  'industry',
  'owner',
  'relationshipType',
  'walletEstimate',
  'doNotContact',
  'strategicImportance',
  'notes',
] as const;
export const DEAL_COLUMNS = [
  'code',
  'customerCode',
  'productLineCode',
  'title',
  'stage',
  'openDate',
  'closeDate',
  'amount',
  'cost',
  'serviceCost',
  'discount',
  'paidAmount',
  'dueDate',
  'deliveryDate',
  'owner',
  'notes',
] as const;
export const PRODUCT_LINE_COLUMNS = [
  'code',
  'name',
  'marketSize',
  'marketSizeBase',
  'largestCompetitorSales',
] as const;
export const INTERACTION_COLUMNS = [
  'customerCode',
  'date',
  'channel',
  'type',
  'satisfaction',
  'summary',
  'nextAction',
  'nextActionDue',
  'resolved',
  'owner',
] as const;

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const money = (minor: number | null) => (minor === null ? '' : formatMinorUnits(minor));

async function writeCsv<T>(
  path: string,
  header: readonly string[],
  rows: Iterable<T>,
  line: (row: T) => unknown[],
) {
  const out = createWriteStream(path, { encoding: 'utf8' });
  out.write(header.join(',') + '\n');
  for (const chunk of inChunks(rows, 10_000)) {
    const text = chunk.map((row) => line(row).map(cell).join(',')).join('\n') + '\n';
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

export interface DataFiles {
  dir: string;
  size: DataSize;
  files: { customers: string; deals: string; interactions: string; productLines: string };
  bytes: { customers: number; deals: number; interactions: number };
  generatedNow: boolean;
}

export async function ensureData(size: DataSize, cacheRoot: string): Promise<DataFiles> {
  const dir = join(cacheRoot, size.name);
  const key = JSON.stringify({ FORMAT, SEED, TODAY, size });
  const manifest = join(dir, 'manifest.json');
  const files = {
    customers: 'customers.csv',
    deals: 'deals.csv',
    interactions: 'interactions.csv',
    productLines: 'product-lines.csv',
  };
  const fresh = existsSync(manifest) && readFileSync(manifest, 'utf8') === key;
  if (!fresh) {
    mkdirSync(dir, { recursive: true });
    const plan = planSampleData({ seed: SEED, today: TODAY, counts: size });
    const codeOf = new Map<string, string>();
    await writeCsv(join(dir, files.customers), CUSTOMER_COLUMNS, sampleCustomers(plan), (c) => {
      codeOf.set(c.id, c.code);
      return [
        c.code,
        c.name,
        c.taxId,
        c.licenceNo,
        c.contactName,
        c.phone,
        c.email,
        c.address,
        c.region,
        c.industry,
        c.owner,
        c.relationshipType,
        money(c.walletEstimate),
        c.doNotContact ? 'yes' : 'no',
        c.strategicImportance ?? '',
        c.notes,
      ];
    });
    const lines = sampleProductLines(plan);
    await writeCsv(join(dir, files.productLines), PRODUCT_LINE_COLUMNS, lines, (p) => [
      p.code,
      p.name,
      money(p.marketSize),
      money(p.marketSizeBase),
      money(p.largestCompetitorSales),
    ]);
    const lineCode = new Map(lines.map((p) => [p.id, p.code]));
    await writeCsv(join(dir, files.deals), DEAL_COLUMNS, sampleDeals(plan), (d) => [
      d.code,
      codeOf.get(d.customerId),
      lineCode.get(d.productLineId) ?? '',
      d.title,
      d.stage,
      d.openDate,
      d.closeDate,
      money(d.amount),
      money(d.cost),
      money(d.serviceCost),
      money(d.discount),
      money(d.paidAmount),
      d.dueDate,
      d.deliveryDate,
      d.owner,
      d.notes,
    ]);
    await writeCsv(join(dir, files.interactions), INTERACTION_COLUMNS, sampleInteractions(plan), (i) => [
      codeOf.get(i.customerId),
      i.date,
      i.channel,
      i.type,
      i.satisfaction ?? '',
      i.summary,
      i.nextAction,
      i.nextActionDue,
      i.resolved ? 'yes' : 'no',
      i.owner,
    ]);
    writeFileSync(manifest, key);
  }
  const bytes = {
    customers: statSync(join(dir, files.customers)).size,
    deals: statSync(join(dir, files.deals)).size,
    interactions: statSync(join(dir, files.interactions)).size,
  };
  return { dir, size, files, bytes, generatedNow: !fresh };
}
