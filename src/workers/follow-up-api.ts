/**
 * The contract between the follow-up state and the follow-up worker (through Comlink). The worker
 * keeps the whole list; the UI thread asks for one filtered page at a time, so at 100 000 customers
 * only the rows on screen cross the thread boundary. Plain data only; errors come back as data.
 */
import type { FollowUpFilter, FollowUpView } from '../domain/follow-up/filter';
import type { IsoDate } from '../domain/types';
import type { StorageErrorKind } from '../storage/errors';
import type { FollowUpTable } from '../storage/follow-up-inputs';

export type FollowUpOutcome<T> =
  { ok: true; value: T } | { ok: false; error: { kind: StorageErrorKind; message: string } };

export interface FollowUpApi {
  /**
   * Re-reads the given tables (all of them on the first call, or when the day changed) and rebuilds
   * the list for `today`. Returns the number of items.
   */
  refresh(today: IsoDate, changed: readonly FollowUpTable[]): Promise<FollowUpOutcome<number>>;
  /** The list under `filter`, the first `limit` items. */
  view(filter: FollowUpFilter, limit: number): Promise<FollowUpView>;
}
