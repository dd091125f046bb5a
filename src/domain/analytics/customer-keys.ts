/**
 * Customer ids as numbers, so the value engine can match a million deals to their customers without
 * touching a string per deal.
 *
 * Ids are UUIDs (storage/ids.ts): 32 hex digits, that is four 32-bit words. The packed deal copy keeps
 * each deal's customer as those four words (its "key"), and `CustomerIndex` finds a key's customer row
 * in an open-addressing table of typed arrays. Looking the string up in a `Map` instead costs a hash
 * of the string and a comparison of its characters with the key's, both far away in memory: at
 * 1 000 000 deals that was a quarter of the warm recompute (DESIGN.md §6).
 *
 * An id that is not a lowercase UUID (an id typed into an imported backup, say) has no key; such ids
 * are matched as strings, in a plain Map.
 */

/** The value of each lowercase hex digit by character code; −1 for every other character below 128. */
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let v = 0; v < 16; v++) HEX_VALUE['0123456789abcdef'.charCodeAt(v)] = v;

/** Words per key. */
export const KEY_WORDS = 4;
/** Words per slot of CustomerIndex's table: the row, then the key. */
const SLOT = 1 + KEY_WORDS;

const isDash = (i: number) => i === 8 || i === 13 || i === 18 || i === 23;

/**
 * Writes the key of `id` into key[at … at + 3] and returns true when `id` is a lowercase UUID
 * (8-4-4-4-12 hex digits, any version); returns false, with key[at … at + 3] undefined, otherwise.
 *
 * @example writeUuidKey('00000001-0000-0002-0000-0003000000ff', key, 0) // true; key = [1, 2, 3, 255]
 * @example writeUuidKey('C-001', key, 0)                                 // false
 */
export function writeUuidKey(id: string, key: Int32Array, at: number): boolean {
  if (id.length !== 36) return false;
  let word = 0;
  let w = at;
  let digits = 0;
  for (let i = 0; i < 36; i++) {
    const c = id.charCodeAt(i);
    if (isDash(i)) {
      if (c !== 45) return false;
      continue;
    }
    const v = c < 128 ? (HEX_VALUE[c] as number) : -1;
    if (v < 0) return false;
    word = (word << 4) | v;
    if (++digits === 8) {
      key[w++] = word;
      word = 0;
      digits = 0;
    }
  }
  return true;
}

/** Character codes of the lowercase hex digits. */
const HEX_CODE = Uint16Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** The characters of the UUID uuidOfKey is writing (the dashes stay in place). */
const UUID_CODES = Uint16Array.from('00000000-0000-0000-0000-000000000000', (c) => c.charCodeAt(0));

/**
 * The UUID whose key is key[at … at + 3]: the inverse of writeUuidKey. Made in one piece
 * (String.fromCharCode) rather than by concatenation, so it is a flat string, as one read from storage
 * is: hashing a concatenated string (as a Map key, say) first copies it.
 *
 * @example uuidOfKey(Int32Array.of(1, 2, 3, 255), 0) // '00000001-0000-0002-0000-0003000000ff'
 */
export function uuidOfKey(key: Int32Array, at: number): string {
  let i = 0;
  for (let w = 0; w < KEY_WORDS; w++) {
    const word = key[at + w] as number;
    for (let shift = 28; shift >= 0; shift -= 4) {
      if (isDash(i)) i++;
      UUID_CODES[i++] = HEX_CODE[(word >>> shift) & 15] as number;
    }
  }
  return String.fromCharCode.apply(null, UUID_CODES as unknown as number[]);
}

/**
 * Customer ids → their row numbers (0 … ids.length − 1), as a `Map` built with `set(ids[i], i)` in
 * order would answer: a repeated id gives its last row. Keys are found by open addressing (linear
 * probing) in a table at most half full, each slot holding its row and its key side by side, so a
 * lookup mostly reads one cache line; other ids are kept in a Map.
 */
export class CustomerIndex {
  /** The ids given (rows 0 … rows − 1). */
  readonly rows: number;
  /** Distinct ids (as `Map.size`). */
  readonly size: number;
  /** Slot s at SLOT × s: row + 1 (0 = empty), then the row's key. */
  readonly #table: Int32Array;
  readonly #shift: number;
  readonly #mask: number;
  readonly #others = new Map<string, number>();
  readonly #scratch = new Int32Array(KEY_WORDS);

  constructor(ids: readonly string[]) {
    this.rows = ids.length;
    let bits = 4;
    while (1 << bits < 2 * ids.length) bits++;
    this.#table = new Int32Array((1 << bits) * SLOT);
    this.#mask = (1 << bits) - 1;
    this.#shift = 32 - bits;
    let keyed = 0;
    const key = this.#scratch;
    ids.forEach((id, row) => {
      if (!writeUuidKey(id, key, 0)) {
        this.#others.set(id, row);
        return;
      }
      const at = this.#find(key, 0) * SLOT;
      if (this.#table[at] === 0) keyed++;
      this.#table[at] = row + 1;
      this.#table.set(key, at + 1);
    });
    this.size = keyed + this.#others.size;
  }

  /** The row of the customer whose key is key[at … at + 3]; −1 when there is none. */
  rowOfKey(key: Int32Array, at: number): number {
    return (this.#table[this.#find(key, at) * SLOT] as number) - 1;
  }

  /** The row of the customer with this id; −1 when there is none. */
  rowOfId(id: string): number {
    if (writeUuidKey(id, this.#scratch, 0)) return this.rowOfKey(this.#scratch, 0);
    return this.#others.get(id) ?? -1;
  }

  /** The slot holding this key, or the empty slot where it would go. */
  #find(key: Int32Array, at: number): number {
    const w0 = key[at] as number;
    const w1 = key[at + 1] as number;
    const w2 = key[at + 2] as number;
    const w3 = key[at + 3] as number;
    // Fibonacci hashing of the words mixed together: the top bits of the product pick the slot, so
    // ids whose first words are alike (time-ordered UUID v7s) still spread over the table.
    const mixed = w0 ^ Math.imul(w1, 0x27d4eb2d) ^ Math.imul(w2, 0x165667b1) ^ Math.imul(w3, 0x85ebca77);
    let slot = Math.imul(mixed, 0x9e3779b1) >>> this.#shift;
    const table = this.#table;
    for (;;) {
      const s = slot * SLOT;
      if (table[s] === 0) return slot;
      if (table[s + 1] === w0 && table[s + 2] === w1 && table[s + 3] === w2 && table[s + 4] === w3)
        return slot;
      slot = (slot + 1) & this.#mask;
    }
  }
}
