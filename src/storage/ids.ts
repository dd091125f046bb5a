/**
 * Ids are UUID strings generated in the browser (DESIGN.md §3 and §5: never auto-increment, so rows
 * from two devices can later be merged).
 *
 * - Rows get a random UUID v4.
 * - History entries get a UUID v7 (RFC 9562): a millisecond timestamp and a counter first, so ids made
 *   later in this page sort after earlier ones. That orders the entries of one write, which share one
 *   `at`, in the order they were made (two patches to the same field within one paste, for example).
 *
 * `crypto.randomUUID` exists only in secure contexts (https, localhost); an app served over plain http
 * on a LAN falls back to `getRandomValues`, which is available everywhere.
 */

function format(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A random UUID v4. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  return format(bytes);
}

let lastMs = 0;
let counter = 0;
const COUNTER_MAX = 0xfff;

/**
 * A UUID v7 that sorts (as a string) after every id this function returned before in this page:
 * 48-bit milliseconds, then a 12-bit counter that restarts each millisecond (when it runs out, the
 * timestamp moves on by one millisecond, as RFC 9562 allows), then 62 random bits.
 */
export function newSortableId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    counter++;
    if (counter > COUNTER_MAX) {
      ms++;
      counter = 0;
    }
  } else {
    counter = 0;
  }
  lastMs = ms;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (counter >> 8); // version 7, counter high bits
  bytes[7] = counter & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  return format(bytes);
}
