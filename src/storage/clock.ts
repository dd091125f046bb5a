import type { Timestamp } from '../domain/types';

/**
 * The time stamp of a write. Strictly increasing within this page, even for two writes in the same
 * millisecond, so that sorting the history by `at` replays the changes of a row in the order they were
 * made. Under a burst of writes it may run a few milliseconds ahead of the wall clock; it catches up as
 * soon as the burst ends.
 */
let last = 0;

export function writeTimestamp(): Timestamp {
  last = Math.max(Date.now(), last + 1);
  return last;
}
