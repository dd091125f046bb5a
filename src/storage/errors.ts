/**
 * Storage failures as typed app errors.
 *
 * Policy:
 * - Every error that leaves src/storage is an `AppStorageError` whose `kind` the UI maps to a message
 *   and a remedy; the original error stays in `cause` for the console.
 * - IndexedDB and Dexie wrap errors: a full disk often arrives as a Dexie `AbortError` (or a `BulkError`)
 *   whose `inner` / `failures` hold the `QuotaExceededError`. We walk the whole chain and let the most
 *   actionable kind win: quota > versionchange > blocked > corrupt > unknown.
 * - Kinds the user must act on (quota, versionchange, blocked, corrupt) are also published on
 *   `storageErrors`, which the app-wide banner subscribes to; 'validation', 'not-found' and 'conflict'
 *   belong to the caller that made the request and are only thrown.
 */
import type { ValidationIssue } from '../domain/validation';

export type StorageErrorKind =
  'quota' | 'versionchange' | 'blocked' | 'corrupt' | 'validation' | 'not-found' | 'conflict' | 'unknown';

/**
 * A value changed elsewhere (another tab, a worker) between the moment an editor read it and the write
 * that would replace it: `theirs` is stored now, `mine` is what the write wanted to store.
 */
export interface WriteConflict {
  id: string;
  field: string;
  theirs: unknown;
  mine: unknown;
}

/** The validation issues of one row of a multi-row write; `row` is its index in the caller's list. */
export interface RowIssues {
  row: number;
  /** The id of the row, for an update. */
  id?: string;
  issues: ValidationIssue[];
}

export class AppStorageError extends Error {
  override readonly name = 'AppStorageError';
  readonly kind: StorageErrorKind;
  /** Every validation issue of the write (for a multi-row write, of all rows). */
  readonly issues?: ValidationIssue[];
  /** For a multi-row write: the issues grouped by row index. */
  readonly rows?: RowIssues[];
  /** For 'not-found': the ids that did not exist. */
  readonly ids?: string[];
  /** For 'conflict': the values changed elsewhere since they were read. */
  readonly conflicts?: WriteConflict[];

  constructor(
    kind: StorageErrorKind,
    message: string,
    details: {
      cause?: unknown;
      issues?: ValidationIssue[];
      rows?: RowIssues[];
      ids?: string[];
      conflicts?: WriteConflict[];
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    if (details.issues) this.issues = details.issues;
    if (details.rows) this.rows = details.rows;
    if (details.ids) this.ids = details.ids;
    if (details.conflicts) this.conflicts = details.conflicts;
  }
}

/** Kinds that need the user's attention wherever they happened. */
export const USER_ACTION_KINDS: ReadonlySet<StorageErrorKind> = new Set([
  'quota',
  'versionchange',
  'blocked',
  'corrupt',
]);

/** NS_ERROR_DOM_QUOTA_REACHED is the name older Firefox versions used. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const VERSION_NAMES = new Set(['VersionError', 'VersionChangeError', 'DatabaseClosedError']);
const CORRUPT_NAMES = new Set(['DataError', 'InvalidStateError', 'UnknownError', 'NotReadableError']);

const RANK: Record<'quota' | 'versionchange' | 'blocked' | 'corrupt', number> = {
  quota: 4,
  versionchange: 3,
  blocked: 2,
  corrupt: 1,
};

function kindOfOne(e: object): keyof typeof RANK | null {
  const name = 'name' in e && typeof e.name === 'string' ? e.name : '';
  if (QUOTA_NAMES.has(name)) return 'quota';
  if (VERSION_NAMES.has(name)) return 'versionchange';
  // Dexie never throws for a blocked upgrade (it fires an event and waits), so we also accept the
  // IDBVersionChangeEvent itself, whose type is 'blocked'.
  if (name === 'BlockedError' || ('type' in e && e.type === 'blocked')) return 'blocked';
  if (CORRUPT_NAMES.has(name)) return 'corrupt';
  return null;
}

/** The errors nested in `e`: Dexie's `inner`, the standard `cause`, a bulk or modify error's `failures`. */
function nested(e: object): unknown[] {
  const out: unknown[] = [];
  if ('inner' in e) out.push(e.inner);
  if ('cause' in e) out.push(e.cause);
  if ('failures' in e && Array.isArray(e.failures)) out.push(...(e.failures as unknown[]));
  return out;
}

/** Every object in the error chain, breadth first (bounded, and safe against cycles). */
function chain(root: unknown): object[] {
  const seen = new Set<object>();
  const queue: unknown[] = [root];
  while (queue.length > 0 && seen.size < 100) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || seen.has(e)) continue;
    seen.add(e);
    queue.push(...nested(e));
  }
  return [...seen];
}

/**
 * Turns anything thrown by Dexie, IndexedDB or our own code into an `AppStorageError`.
 * An `AppStorageError` is returned as it is, also when Dexie wrapped it (a transaction aborted by
 * our own 'not-found'), unless the chain also holds something the user must act on, like a full disk.
 */
export function toAppStorageError(e: unknown): AppStorageError {
  if (e instanceof AppStorageError) return e;
  const links = chain(e);
  let kind: keyof typeof RANK | null = null;
  for (const link of links) {
    const found = kindOfOne(link);
    if (found !== null && (kind === null || RANK[found] > RANK[kind])) kind = found;
  }
  const own = links.find((link): link is AppStorageError => link instanceof AppStorageError);
  if (kind === null && own) return own;
  const message =
    typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string'
      ? e.message
      : String(e);
  return new AppStorageError(kind ?? 'unknown', message, { cause: e });
}

export type StorageErrorListener = (error: AppStorageError) => void;

/** A tiny pub/sub for storage errors the user must see (plain TypeScript; the UI adapts it to runes). */
export interface StorageErrorBus {
  /** Returns the function that unsubscribes. */
  subscribe(listener: StorageErrorListener): () => void;
  /** Sends the error to every listener, once per error object; a throwing listener does not stop the rest. */
  report(error: AppStorageError): void;
}

export function createStorageErrorBus(): StorageErrorBus {
  const listeners = new Set<StorageErrorListener>();
  const reported = new WeakSet<AppStorageError>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    report(error) {
      if (reported.has(error)) return;
      reported.add(error);
      for (const listener of [...listeners]) {
        try {
          listener(error);
        } catch (listenerError) {
          console.error('storageErrors listener failed', listenerError);
        }
      }
    },
  };
}

/** The app-wide bus the storage-error banner subscribes to. */
export const storageErrors: StorageErrorBus = createStorageErrorBus();

/**
 * The one way storage code turns a caught error into what it throws: converts it and, when the user must
 * act on it, reports it on `storageErrors`.
 */
export function handleStorageError(e: unknown): AppStorageError {
  const error = toAppStorageError(e);
  if (USER_ACTION_KINDS.has(error.kind)) storageErrors.report(error);
  return error;
}

/** Runs a storage operation; every error leaves typed (and reported when the user must act). */
export async function guarded<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (e) {
    throw handleStorageError(e);
  }
}
