/**
 * The duplicate finder's worker: reads the live customers (src/storage/duplicate-inputs.ts) and runs
 * the pure matcher (src/domain/duplicates/), off the page's thread.
 */
import * as Comlink from 'comlink';
import { findCodeClashes, findDuplicates, type DuplicateInput } from '../domain/duplicates/match';
import { getDb } from '../storage/db';
import { readDuplicateInputs } from '../storage/duplicate-inputs';
import { toAppStorageError } from '../storage/errors';
import { MAX_GROUPS, type DuplicatesApi } from './duplicates-api';

const api: DuplicatesApi = {
  async find() {
    try {
      const started = performance.now();
      const rows = await readDuplicateInputs(getDb());
      const read = performance.now();
      const { groups, skippedBlocks } = findDuplicates(rows);
      const codeClashes = findCodeClashes(rows);
      const matched = performance.now();
      const shown = groups.slice(0, MAX_GROUPS);
      const wanted = new Set([...shown.flatMap((g) => g.ids), ...codeClashes.flatMap((c) => c.ids)]);
      const members: Record<string, DuplicateInput> = {};
      for (const row of rows) if (wanted.has(row.id)) members[row.id] = row;
      return {
        ok: true,
        value: {
          customers: rows.length,
          groups: shown,
          groupCount: groups.length,
          codeClashes,
          members,
          skippedBlocks,
          readMs: read - started,
          matchMs: matched - read,
        },
      };
    } catch (error) {
      const e = toAppStorageError(error);
      return { ok: false, error: { kind: e.kind, message: e.message } };
    }
  },
};

Comlink.expose(api);
