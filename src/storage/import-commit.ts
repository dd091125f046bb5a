/**
 * Import commit: converted CSV rows → created, updated, unchanged or rejected rows, written all at once.
 *
 * Atomicity policy (DESIGN.md §7 "an import is all-or-nothing"):
 * - The whole import is ONE IndexedDB transaction. The rows are read from the file *inside* it, batch by
 *   batch, through a synchronous source (FileReaderSync in the worker), so nothing but the database is
 *   ever awaited and the transaction cannot commit early. A failure (bad row with "stop", full disk,
 *   any throw) aborts it; a closed or crashed tab, or Cancel (which terminates the worker), never
 *   commits it. Either every row of the file is stored, or none is.
 * - Writes are pipelined: while the database stores one batch (bulkAdd/bulkPut of tens of thousands of
 *   rows), the next batch is parsed; there is no per-row await.
 * - No per-row history for created rows: they carry the import's id in `batchId`, and one record in
 *   `imports` describes the whole import. Updated rows get one history entry per changed field
 *   (actor 'import', `at` = the import's `at`), which is also what undo reads (import-undo.ts).
 * - The same function runs first as a dry run ('analyse', a read-only transaction) to show the summary,
 *   the problems and the changes old → new before anything is written; the commit then re-reads the file.
 */
import { emptyFields } from '../domain/defaults';
import type { RowBatch } from '../domain/csv/byte-source';
import type { RowProblem } from '../domain/csv/convert';
import { IMPORT_ACTOR, type ImportRecord } from '../domain/csv/import-record';
import type { RejectedRow } from '../domain/csv/rejected-rows';
import {
  diffFields,
  emptyCounts,
  indexKey,
  matchNormaliser,
  normaliseKey,
  resolveCustomer,
  type CustomerLinkIndex,
  type FieldChange,
  type ImportCounts,
  type KeyIndex,
  type MatchKey,
} from '../domain/csv/plan';
import { codeKey } from '../domain/duplicates/normalise';
import type { BaseTableName, Customer, HistoryEntry } from '../domain/types';
import { writeTimestamp } from './clock';
import type { KehuDb } from './db';
import { handleStorageError, type AppStorageError } from './errors';
import { historyEntry } from './history';
import { newId } from './ids';
import { notifyWrite } from './persistence';

export interface ImportSettings {
  table: BaseTableName;
  /** The field rows are matched on; null = every row is new. */
  matchKey: MatchKey | null;
  /** What a row matching a stored row does. */
  onMatch: 'update' | 'skip';
  /** Deals / interactions naming an unknown customer: create it, or reject the row. */
  createCustomers: boolean;
  /** A bad row: skip it (and list it), or stop the whole import. */
  onBadRow: 'skip' | 'stop';
  fileName: string;
  /** Column names and mapping, to name the column of link problems. */
  columns: readonly string[];
  mapping: readonly string[];
}

export interface UpdatePreview {
  row: number;
  key: string;
  /** The stored row it updates, as the owner knows it ("C0001 · 华成电子"). */
  target: string;
  changes: FieldChange[];
}

export interface ImportReport {
  counts: ImportCounts;
  /** The first problems (errors and warnings), in file order. */
  problems: RowProblem[];
  problemCount: number;
  /** The first updated rows with their changed fields, old → new. */
  updates: UpdatePreview[];
  /** The first rejected rows with their raw cells, for the rejected-rows file (dry run only). */
  rejected: RejectedRow[];
  rows: number;
  /** Set when the import stopped at a bad row (onBadRow 'stop'); nothing was written. */
  stoppedAt: RowProblem | null;
  /** Set when the commit succeeded. */
  record: ImportRecord | null;
}

export interface ImportProgress {
  rows: number;
  bytesRead: number;
}

export const MAX_PROBLEMS = 1000;
export const MAX_UPDATES = 200;
export const MAX_REJECTED = 100_000;
/** Batches handed to the database before the next one waits. */
const MAX_IN_FLIGHT = 3;

class ImportStopped extends Error {
  constructor(readonly problem: RowProblem) {
    super('Import stopped at a bad row');
  }
}

/** The problem of an ImportStopped, also when Dexie wrapped it (`inner`). */
function stoppedProblem(e: unknown): RowProblem | null {
  for (let link = e, depth = 0; typeof link === 'object' && link !== null && depth < 5; depth++) {
    if (link instanceof ImportStopped) return link.problem;
    link = 'inner' in link ? link.inner : undefined;
  }
  return null;
}

interface Indexes {
  target: KeyIndex;
  /** Customers import: live customers by `codeKey`, "C0001 · 华成电子", for unique codes. */
  codes: Map<string, { id: string; label: string }>;
  customers: CustomerLinkIndex;
  productLines: { byCode: KeyIndex; byName: KeyIndex };
}

/** "C0001 · 华成电子", or whichever of code and name the row has. */
function rowLabel(row: Record<string, unknown>): string {
  return [row.code, row.name].filter((v) => typeof v === 'string' && v !== '').join(' · ');
}

const linked = (table: BaseTableName) => table === 'deals' || table === 'interactions';

async function loadIndexes(db: KehuDb, settings: ImportSettings): Promise<Indexes> {
  const ix: Indexes = {
    target: { byKey: new Map() },
    codes: new Map(),
    customers: { byCode: { byKey: new Map() }, byName: { byKey: new Map() } },
    productLines: { byCode: { byKey: new Map() }, byName: { byKey: new Map() } },
  };
  const { table, matchKey } = settings;
  if (matchKey !== null) {
    const t = db.table<Record<string, unknown>, string>(table);
    const norm = matchNormaliser(table, matchKey);
    const indexed = t.schema.indexes.some((i) => i.name === matchKey);
    if (indexed) {
      // Keys and primary keys of an index come back in the same order: no row is read.
      const [keys, ids] = await Promise.all([t.orderBy(matchKey).keys(), t.orderBy(matchKey).primaryKeys()]);
      keys.forEach((key, i) => indexKey(ix.target, key, String(ids[i]), norm));
    } else {
      await t.each((row) => indexKey(ix.target, row[matchKey], String(row.id), norm));
    }
  }
  if (table === 'customers') {
    await db.customers.each((c) => {
      const key = codeKey(c.code);
      if (c.deletedAt === null && key !== '' && !ix.codes.has(key))
        ix.codes.set(key, { id: c.id, label: rowLabel(c as unknown as Record<string, unknown>) });
    });
  }
  if (linked(table)) {
    await db.customers.each((c) => {
      indexKey(ix.customers.byCode, c.code, c.id);
      indexKey(ix.customers.byName, c.name, c.id);
    });
  }
  if (table === 'deals') {
    await db.productLines.each((p) => {
      indexKey(ix.productLines.byCode, p.code, p.id);
      indexKey(ix.productLines.byName, p.name, p.id);
    });
  }
  return ix;
}

/**
 * Runs an import over `next()` batches: `mode 'analyse'` writes nothing and reports what a commit
 * would do; `mode 'commit'` writes it all in one transaction and returns the import record.
 */
export async function runImport(
  db: KehuDb,
  settings: ImportSettings,
  next: () => RowBatch | null,
  mode: 'analyse' | 'commit',
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const { table } = settings;
  const report: ImportReport = {
    counts: emptyCounts(),
    problems: [],
    problemCount: 0,
    updates: [],
    rejected: [],
    rows: 0,
    stoppedAt: null,
    record: null,
  };
  const commit = mode === 'commit';
  const at = writeTimestamp();
  const importId = `imp-${newId()}`;
  const rows = db.table<Record<string, unknown>, string>(table);
  const scope = [rows, db.customers, db.productLines, db.history, db.imports];
  const columnOf = (key: string): string => {
    const i = settings.mapping.indexOf(key);
    return i < 0 ? key : (settings.columns[i] ?? key);
  };

  const addProblems = (problems: RowProblem[]): void => {
    report.problemCount += problems.length;
    for (const p of problems) if (report.problems.length < MAX_PROBLEMS) report.problems.push(p);
  };
  const reject = (row: number, record: string[], problems: RowProblem[]): void => {
    if (commit && settings.onBadRow === 'stop') throw new ImportStopped(problems[0] as RowProblem);
    report.counts.rejected++;
    if (!commit && report.rejected.length < MAX_REJECTED) report.rejected.push({ row, record, problems });
  };

  try {
    const matchKey = settings.matchKey ? matchNormaliser(table, settings.matchKey) : normaliseKey;
    await db.transaction(commit ? 'rw' : 'r', scope, async () => {
      const ix = await loadIndexes(db, settings);
      const seen = new Set<string>();
      const inflight: Promise<unknown>[] = [];
      for (let batch = next(); batch !== null; batch = next()) {
        const creates: Record<string, unknown>[] = [];
        const newCustomers: Customer[] = [];
        const updates: { row: number; key: string; id: string; fields: Record<string, unknown> }[] = [];
        batch.rows.forEach((converted, i) => {
          const record = batch.records[i] ?? [];
          const { row } = converted;
          addProblems(converted.problems);
          if (converted.rejected) return reject(row, record, converted.problems);
          // The converter made this object for this row alone: it is completed in place, not copied.
          const fields = converted.fields;
          const problems: RowProblem[] = [];
          let customerToCreate: Customer | null = null;
          if (linked(table)) {
            const customerId = resolveCustomer(ix.customers, converted.links);
            const { customerCode, customerName } = converted.links;
            if (customerId !== null) fields.customerId = customerId;
            else if (customerCode === undefined && customerName === undefined) {
              problems.push({
                row,
                column: columnOf('customerName'),
                value: '',
                reason: 'missing-customer',
                severity: 'error',
              });
            } else if (settings.createCustomers) {
              customerToCreate = {
                ...emptyFields('customers'),
                code: customerCode ?? '',
                name: customerName ?? customerCode ?? '',
                id: newId(),
                createdAt: at,
                updatedAt: at,
                deletedAt: null,
                batchId: importId,
              };
              fields.customerId = customerToCreate.id;
            } else {
              const column = customerCode !== undefined ? 'customerCode' : 'customerName';
              const value = customerCode ?? customerName ?? '';
              problems.push({
                row,
                column: columnOf(column),
                value,
                reason: 'unknown-customer',
                severity: 'error',
              });
            }
          }
          if (table === 'deals' && converted.links.productLine !== undefined) {
            const name = converted.links.productLine;
            const id =
              ix.productLines.byCode.byKey.get(normaliseKey(name)) ??
              ix.productLines.byName.byKey.get(normaliseKey(name));
            if (id === undefined) {
              problems.push({
                row,
                column: columnOf('productLine'),
                value: name,
                reason: 'unknown-product-line',
                severity: 'error',
              });
            } else fields.productLineId = id;
          }
          const keyValue = settings.matchKey === null ? '' : fields[settings.matchKey];
          const key = typeof keyValue === 'string' && settings.matchKey ? matchKey(keyValue) : '';
          if (key !== '' && seen.has(key)) {
            const column = columnOf(settings.matchKey ?? '');
            problems.push({
              row,
              column,
              value: String(keyValue),
              reason: 'duplicate-key',
              severity: 'error',
            });
          }
          const existing = key === '' ? undefined : ix.target.byKey.get(key);
          const code = table === 'customers' && typeof fields.code === 'string' ? codeKey(fields.code) : '';
          const holder = code === '' ? undefined : ix.codes.get(code);
          const keyRepeated = problems.some((p) => p.reason === 'duplicate-key');
          if (holder !== undefined && holder.id !== existing && !keyRepeated) {
            problems.push({
              row,
              column: columnOf('code'),
              value: String(fields.code),
              reason: 'duplicate-code',
              severity: 'error',
              other: holder.label,
            });
          }
          if (existing === undefined && table === 'customers' && String(fields.name ?? '').trim() === '') {
            problems.push({
              row,
              column: columnOf('name'),
              value: '',
              reason: 'required',
              severity: 'error',
            });
          }
          if (problems.length > 0) {
            addProblems(problems);
            return reject(row, record, [...converted.problems, ...problems]);
          }
          if (key !== '') seen.add(key);
          // A code this file gives is taken from here on: a later row of the file cannot give it again.
          if (code !== '')
            ix.codes.set(code, {
              id: existing ?? `row ${row}`,
              label: `${String(fields.code)} · ${String(fields.name ?? '')}`,
            });
          if (customerToCreate !== null) {
            newCustomers.push(customerToCreate);
            indexKey(ix.customers.byCode, customerToCreate.code, customerToCreate.id);
            indexKey(ix.customers.byName, customerToCreate.name, customerToCreate.id);
          }
          if (existing !== undefined) {
            updates.push({ row, key: String(keyValue), id: existing, fields });
            return;
          }
          report.counts.created++;
          // Object.assign onto the fresh defaults, not two spreads: a million rows go through here.
          const created: Record<string, unknown> = Object.assign(emptyFields(table), fields);
          created.id = newId();
          created.createdAt = at;
          created.updatedAt = at;
          created.deletedAt = null;
          created.batchId = importId;
          creates.push(created);
        });
        report.counts.customersCreated += newCustomers.length;

        const changed: Record<string, unknown>[] = [];
        const entries: HistoryEntry[] = [];
        if (updates.length > 0 && settings.onMatch === 'update') {
          const stored = await rows.bulkGet(updates.map((u) => u.id));
          updates.forEach((u, i) => {
            const current = stored[i];
            const changes = current ? diffFields(current, u.fields) : [];
            if (!current || changes.length === 0) {
              report.counts.unchanged++;
              return;
            }
            report.counts.updated++;
            if (report.updates.length < MAX_UPDATES)
              report.updates.push({ row: u.row, key: u.key, target: rowLabel(current), changes });
            const ctx = { table, at, actor: IMPORT_ACTOR };
            for (const c of changes)
              entries.push(historyEntry(ctx, u.id, 'update', c.field, c.oldValue, c.newValue));
            changed.push({ ...current, ...u.fields, updatedAt: at });
          });
        } else {
          report.counts.unchanged += updates.length;
        }
        report.rows += batch.rows.length;
        if (commit) {
          // At most MAX_IN_FLIGHT batches queued in the database: writes never wait for parsing, and
          // memory stays bounded when parsing is faster than the disk.
          if (inflight.length >= MAX_IN_FLIGHT) await inflight.shift();
          inflight.push(
            Promise.all([
              creates.length > 0 ? rows.bulkAdd(creates) : null,
              changed.length > 0 ? rows.bulkPut(changed) : null,
              newCustomers.length > 0 ? db.customers.bulkAdd(newCustomers) : null,
              entries.length > 0 ? db.history.bulkAdd(entries) : null,
            ]),
          );
        }
        onProgress?.({ rows: report.rows, bytesRead: batch.bytesRead });
      }
      await Promise.all(inflight);
      if (commit) {
        const record: ImportRecord = {
          id: importId,
          table,
          fileName: settings.fileName,
          at,
          matchKey: settings.matchKey,
          counts: report.counts,
          status: 'committed',
          undoneAt: null,
        };
        await db.imports.add(record);
        report.record = record;
      }
    });
  } catch (e) {
    const stopped = stoppedProblem(e);
    if (stopped) return { ...report, stoppedAt: stopped, record: null };
    throw handleStorageError(e) satisfies AppStorageError;
  }
  if (report.record) notifyWrite();
  return report;
}
