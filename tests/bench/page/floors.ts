/**
 * The floors of DESIGN.md §6, measured in the same browser and run as the app: PapaParse parsing the
 * deals file, Dexie `bulkPut` of the same rows into the same schema (the app's own KehuDb), and reading
 * every deal back. Nothing else happens in these timings: no validation, no customer lookup, no history.
 * Also an untimed loader that stores the whole data set in the app's database for the "open" figures.
 */
import Dexie, { type Table } from 'dexie';
import Papa from 'papaparse';
import { computeRatedAnalytics } from '../../../src/domain/analytics/rated';
import { wonDealFacts } from '../../../src/domain/analytics/deal-columns';
import { fitPotentialModel, summariseTransactions } from '../../../src/domain/clv';
import { KehuDb, SCHEMA_VERSIONS } from '../../../src/storage/db';
import { readDealPack } from '../../../src/storage/deal-pack';
import { readAnalyticsInputs, writeCustomerMetrics } from '../../../src/storage/metrics-store';
import { loadRatingSettings } from '../../../src/storage/rating-settings';
import type { Customer, Deal, Interaction, ProductLine } from '../../../src/domain/types';

const BATCH = 10_000;
type Raw = Record<string, string>;

function cents(text: string | undefined): number {
  return text ? Math.round(Number(text) * 100) : 0;
}

function meta() {
  const now = Date.now();
  return { id: crypto.randomUUID(), createdAt: now, updatedAt: now, deletedAt: null, batchId: '' };
}

function toDeal(r: Raw, customerId: string): Deal {
  return {
    ...meta(),
    code: r.code ?? '',
    customerId,
    productLineId: r.productLineCode ?? '',
    title: r.title ?? '',
    stage: (r.stage ?? 'need') as Deal['stage'],
    openDate: r.openDate ?? '',
    closeDate: r.closeDate ?? '',
    amount: cents(r.amount),
    cost: cents(r.cost),
    serviceCost: cents(r.serviceCost),
    discount: cents(r.discount),
    paidAmount: cents(r.paidAmount),
    dueDate: r.dueDate ?? '',
    deliveryDate: r.deliveryDate ?? '',
    owner: r.owner ?? '',
    notes: r.notes ?? '',
  };
}

function toCustomer(r: Raw): Customer {
  return {
    ...meta(),
    code: r.code ?? '',
    name: r.name ?? '',
    taxId: r.taxId ?? '',
    licenceNo: r.licenceNo ?? '',
    contactName: r.contactName ?? '',
    phone: r.phone ?? '',
    email: r.email ?? '',
    address: r.address ?? '',
    region: r.region ?? '',
    industry: r.industry ?? '',
    owner: r.owner ?? '',
    relationshipType: (r.relationshipType ?? '') as Customer['relationshipType'],
    walletEstimate: r.walletEstimate ? cents(r.walletEstimate) : null,
    doNotContact: r.doNotContact === 'yes',
    loyaltyTypes: [],
    strategicImportance: r.strategicImportance ? Number(r.strategicImportance) : null,
    notes: r.notes ?? '',
  };
}

function toInteraction(r: Raw, customerId: string): Interaction {
  return {
    ...meta(),
    customerId,
    date: r.date ?? '',
    channel: (r.channel ?? 'phone') as Interaction['channel'],
    type: (r.type ?? 'inquiry') as Interaction['type'],
    satisfaction: r.satisfaction ? Number(r.satisfaction) : null,
    summary: r.summary ?? '',
    nextAction: r.nextAction ?? '',
    nextActionDue: r.nextActionDue ?? '',
    resolved: r.resolved === 'yes',
    owner: r.owner ?? '',
  };
}

function toProductLine(r: Raw): ProductLine {
  return {
    ...meta(),
    code: r.code ?? '',
    name: r.name ?? '',
    marketSize: r.marketSize ? cents(r.marketSize) : null,
    marketSizeBase: r.marketSizeBase ? cents(r.marketSizeBase) : null,
    largestCompetitorSales: r.largestCompetitorSales ? cents(r.largestCompetitorSales) : null,
    geScores: {},
    notes: '',
  };
}

async function fetchFile(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.blob();
}

function parseAll<T>(blob: Blob, convert: (raw: Raw) => T): Promise<T[]> {
  const rows: T[] = [];
  return new Promise((resolve, reject) => {
    Papa.parse<Raw>(blob as File, {
      header: true,
      skipEmptyLines: true,
      chunk: (results) => {
        for (const raw of results.data) rows.push(convert(raw));
      },
      complete: () => resolve(rows),
      error: (error) => reject(error),
    });
  });
}

async function putAll<T>(table: { bulkPut(rows: T[]): Promise<unknown> }, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await table.bulkPut(rows.slice(i, i + BATCH));
}

/**
 * The floor's database: the app's schema, opened by plain Dexie — without the app's middleware that
 * keeps the packed deal copy in step — so the floor is bulkPut and nothing else.
 */
async function floorDb(name: string): Promise<Dexie & { deals: Table<Deal, string> }> {
  const db = new Dexie(name) as Dexie & { deals: Table<Deal, string> };
  for (const { version, stores } of SCHEMA_VERSIONS) db.version(version).stores({ ...stores });
  await db.open();
  return db;
}

async function freshDb(name: string): Promise<KehuDb> {
  const db = new KehuDb(name);
  await db.open();
  await Promise.all([
    db.customers.clear(),
    db.deals.clear(),
    db.interactions.clear(),
    db.customerMetrics.clear(),
  ]);
  return db;
}

const api = {
  /**
   * Import floor: parse the deals file, then bulkPut the same rows into an empty deals table. "The
   * same rows" as the import stores: a customer and a product line are linked by a UUID (the import
   * finds the stored ones; here each code gets a fresh one before the clock starts) and every row
   * carries the import's batch id, so the rows and their index entries have the import's sizes.
   */
  async importFloor(urls: { deals: string; customers: string; productLines: string }, dbName: string) {
    const uuidsOf = async (url: string) =>
      new Map(
        (await parseAll(await fetchFile(url), (r) => r.code ?? '')).map((code) => [
          code,
          crypto.randomUUID(),
        ]),
      );
    const customerId = await uuidsOf(urls.customers);
    const lineId = await uuidsOf(urls.productLines);
    const batchId = `imp-${crypto.randomUUID()}`;
    const blob = await fetchFile(urls.deals);
    const db = await floorDb(dbName);
    await db.deals.clear();
    const t0 = performance.now();
    const rows = await parseAll(blob, (r) => ({
      ...toDeal(r, customerId.get(r.customerCode ?? '') ?? ''),
      productLineId: lineId.get(r.productLineCode ?? '') ?? '',
      batchId,
    }));
    const t1 = performance.now();
    await putAll(db.deals, rows);
    const t2 = performance.now();
    db.close();
    return { rows: rows.length, parseMs: t1 - t0, putMs: t2 - t1, totalMs: t2 - t0 };
  },

  /** Cold-read floor: every deal back from IndexedDB. */
  async readFloor(dbName: string) {
    const db = await floorDb(dbName);
    const t0 = performance.now();
    const rows = await db.deals.toArray();
    const t1 = performance.now();
    db.close();
    return { rows: rows.length, readMs: t1 - t0 };
  },

  /** Untimed: store the whole data set, customers linked by code, in the app's own database. */
  async loadAll(
    urls: { customers: string; deals: string; interactions: string; productLines: string },
    dbName: string,
  ) {
    const db = await freshDb(dbName);
    const lines = await parseAll(await fetchFile(urls.productLines), toProductLine);
    await db.productLines.bulkPut(lines);
    const lineId = new Map(lines.map((l) => [l.code, l.id]));
    const customers = await parseAll(await fetchFile(urls.customers), toCustomer);
    const idOf = new Map(customers.map((c) => [c.code, c.id]));
    await putAll(db.customers, customers);
    const link = (r: Raw) => idOf.get(r.customerCode ?? '') ?? '';
    await putAll(
      db.deals,
      await parseAll(await fetchFile(urls.deals), (r) => ({
        ...toDeal(r, link(r)),
        productLineId: lineId.get(r.productLineCode ?? '') ?? '',
      })),
    );
    await putAll(
      db.interactions,
      await parseAll(await fetchFile(urls.interactions), (r) => toInteraction(r, link(r))),
    );
    const counts = {
      customers: await db.customers.count(),
      deals: await db.deals.count(),
      interactions: await db.interactions.count(),
    };
    db.close();
    return counts;
  },

  /**
   * The value engine's own code path, as the analytics worker runs it: read the inputs (cold), compute
   * every customer's metrics and grades with the deals in memory (warm: `computeRatedAnalytics`, the
   * worker's call), write them; and the BG/NBD + Gamma-Gamma fit on its own.
   */
  async recompute(dbName: string, today: string) {
    const db = new KehuDb(dbName);
    await db.open();
    const ratings = await loadRatingSettings(db);
    const t0 = performance.now();
    const inputs = await readAnalyticsInputs(db);
    const t1 = performance.now();
    const { metrics, summary } = computeRatedAnalytics({ ...inputs, today }, ratings);
    const t2 = performance.now();
    await writeCustomerMetrics(db, metrics, summary);
    const t3 = performance.now();
    const won = [...wonDealFacts(inputs.deals)];
    const purchases = won
      .filter((d) => d.closeDate !== '' && d.closeDate <= today)
      .map((d) => ({
        customerId: d.customerId,
        date: d.closeDate,
        value: d.amount - d.cost - d.serviceCost,
      }));
    const t4 = performance.now();
    const model = fitPotentialModel(summariseTransactions(purchases, today));
    const t5 = performance.now();
    db.close();
    return {
      customers: metrics.length,
      wonDeals: won.length,
      readMs: t1 - t0,
      computeMs: t2 - t1,
      writeMs: t3 - t2,
      fitMs: t5 - t4,
      method: model.method,
    };
  },

  /**
   * The packed deal copy read twice: first with every bucket invalid (right after a bulk write, so
   * it is rebuilt from the rows and written back), then with every bucket valid.
   */
  async readPack(dbName: string) {
    const db = new KehuDb(dbName);
    await db.open();
    const t0 = performance.now();
    const first = await readDealPack(db);
    const t1 = performance.now();
    const again = await readDealPack(db);
    const t2 = performance.now();
    db.close();
    const deals = (chunks: typeof first) => chunks.reduce((n, c) => n + c.stage.length, 0);
    if (deals(first) !== deals(again)) throw new Error('the packed copy changed between two reads');
    return { deals: deals(first), rebuildMs: t1 - t0, readMs: t2 - t1 };
  },

  async clearDeals(dbName: string) {
    const db = new KehuDb(dbName);
    await db.open();
    await db.deals.clear();
    db.close();
  },

  async deleteDb(dbName: string) {
    await new KehuDb(dbName).delete();
  },
};

declare global {
  interface Window {
    kehuBench: typeof api;
  }
}
window.kehuBench = api;
document.body.dataset.ready = 'true';
