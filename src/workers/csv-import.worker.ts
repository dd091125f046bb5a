/**
 * The CSV import worker: inspects a file, then analyses or commits it (DESIGN.md §5: heavy work off the
 * UI thread). Thin by design — the reading is src/domain/csv, the writing src/storage/import-commit.ts.
 *
 * Files are read with FileReaderSync (workers only), slice by slice, so the commit can read the next
 * batch inside its IndexedDB transaction without awaiting anything else (see import-commit.ts). Cancel
 * terminates this worker: an uncommitted transaction then never commits, and nothing is written.
 */
import * as Comlink from 'comlink';
import { createRowSource, DecodeError, UnclosedQuoteError } from '../domain/csv/byte-source';
import { encodeUtf8 } from '../domain/csv/encoding';
import { inspectCsv } from '../domain/csv/inspect';
import { rejectedRowsCsv, rejectedRowsInfo, type RejectedRow } from '../domain/csv/rejected-rows';
import { getDb } from '../storage/db';
import { toAppStorageError } from '../storage/errors';
import { runImport } from '../storage/import-commit';
import type { CsvImportApi, ImportOutcome } from './csv-import-api';

/** Bytes looked at to find the encoding, delimiter and header, and shown in the preview. */
const SAMPLE_BYTES = 1024 * 1024;

function readSync(file: Blob, start: number, end: number): Uint8Array {
  return new Uint8Array(new FileReaderSync().readAsArrayBuffer(file.slice(start, end)));
}

/**
 * A DecodeError or UnclosedQuoteError thrown inside the import transaction arrives wrapped (Dexie
 * `inner`, our `cause`).
 */
function findReadError(e: unknown): DecodeError | UnclosedQuoteError | null {
  let link: unknown = e;
  for (let depth = 0; depth < 6 && typeof link === 'object' && link !== null; depth++) {
    if (link instanceof DecodeError || link instanceof UnclosedQuoteError) return link;
    link = 'inner' in link && link.inner ? link.inner : 'cause' in link ? link.cause : undefined;
  }
  return null;
}

/** The rejected rows of the last dry run, kept here for their file (see ImportRunReport). */
let lastRejected: RejectedRow[] = [];

const api: CsvImportApi = {
  async inspect(file, table, overrides) {
    const sample = new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer());
    return inspectCsv(sample, file.size > SAMPLE_BYTES, table, overrides);
  },

  async run(file, request, mode, onProgress): Promise<ImportOutcome> {
    const { settings, read } = request;
    const source = createRowSource({
      table: settings.table,
      size: file.size,
      readSlice: (start, end) => readSync(file, start, end),
      ...read,
      columns: settings.columns,
      mapping: [...settings.mapping],
    });
    lastRejected = [];
    try {
      const { rejected, ...report } = await runImport(getDb(), settings, source.next, mode, onProgress);
      lastRejected = rejected;
      return {
        ok: true,
        report: { ...report, rejectedRows: rejected.length > 0 ? rejectedRowsInfo(rejected) : null },
      };
    } catch (e) {
      const read = findReadError(e);
      if (read instanceof UnclosedQuoteError)
        return { ok: false, error: { kind: 'unclosed-quote', message: read.message, row: read.row } };
      if (read)
        return {
          ok: false,
          error: { kind: 'decode', message: read.message, byteOffset: read.byteOffset },
        };
      const error = toAppStorageError(e);
      return { ok: false, error: { kind: error.kind, message: error.message } };
    }
  },

  rejectedCsv(columns, labels) {
    if (lastRejected.length === 0) return Promise.resolve(null);
    const text = rejectedRowsCsv(lastRejected, columns, labels);
    return Promise.resolve(new Blob([encodeUtf8(text, true)], { type: 'text/csv' }));
  },
};

Comlink.expose(api);
