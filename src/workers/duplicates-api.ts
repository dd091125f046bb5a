/**
 * The contract between the duplicate finder's state and its worker (through Comlink). The worker reads
 * every live customer and runs the matcher; only the groups (and the facts of their members) cross
 * back to the page. Plain data only; errors come back as data.
 */
import type { CodeClash, DuplicateGroup, DuplicateInput } from '../domain/duplicates/match';
import type { StorageErrorKind } from '../storage/errors';

/** Groups sent to the page at most (the strongest first); the rest are counted. */
export const MAX_GROUPS = 500;

export interface DuplicateReport {
  customers: number;
  groups: DuplicateGroup[];
  groupCount: number;
  codeClashes: CodeClash[];
  /** The facts of every customer named in `groups` and `codeClashes`, by id. */
  members: Record<string, DuplicateInput>;
  skippedBlocks: number;
  /** Milliseconds spent reading the customers and matching them. */
  readMs: number;
  matchMs: number;
}

export type DuplicateOutcome =
  { ok: true; value: DuplicateReport } | { ok: false; error: { kind: StorageErrorKind; message: string } };

export interface DuplicatesApi {
  find(): Promise<DuplicateOutcome>;
}
