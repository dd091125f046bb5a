/**
 * The pinyin keys of a sheet's rows, for a search typed in pinyin ("sz", "shenzhen" finding 深圳).
 *
 * Made on the UI thread, in slices of at most `SLICE_MS` each (a task of its own after the other),
 * rather than in a worker: a key is made from the row's search text, which is built here already
 * (sheet-search.ts), and sending 100 000 texts to a worker and the keys back would cost about what
 * making them costs (pinyin-pro, about 2 µs a character). Nothing is made until a pinyin word is first
 * typed, so a sheet that is never searched in pinyin never loads the dictionary. While the keys are
 * being made, rows without a key yet match on their text only; the grid filters again every second and
 * once the last key is made. Rows put in the grid later (the pages of a read) are queued the same way; a
 * changed row, once every key is made, gets its key when the search first reads it.
 */
import { loadPinyinKeys } from '../../domain/text/pinyin-search';
import type { SheetRow } from './column-defs';

/** The longest a task making keys may run. */
export const SLICE_MS = 12;
/** How often the grid filters again while keys are being made. */
const NOTICE_MS = 1_000;

type KeysOf = (text: string) => string;

export class PinyinIndex {
  #keys = new WeakMap<object, string>();
  #make: KeysOf | null = null;
  #state: 'idle' | 'loading' | 'building' | 'ready' = 'idle';
  /** Rows whose keys are still to be made, in order (the first list from `next`). */
  #queue: (readonly SheetRow[])[] = [];
  #next = 0;
  #generation = 0;

  constructor(
    readonly rows: () => readonly SheetRow[],
    readonly textOf: (row: SheetRow) => string,
    readonly onKeys: () => void,
    readonly load: () => Promise<{ pinyinKeys: KeysOf }> = loadPinyinKeys,
  ) {}

  /** Whether every row had its key made (new rows get theirs when read). */
  get ready(): boolean {
    return this.#state === 'ready';
  }

  /** Loads the keys maker and makes every row's keys, once (later calls do nothing). */
  start(): void {
    if (this.#state !== 'idle') return;
    this.#state = 'loading';
    this.load().then(
      ({ pinyinKeys }) => {
        if (this.#state !== 'loading') return;
        this.#make = pinyinKeys;
        this.#restart();
      },
      () => {
        // Offline before the chunk was cached: pinyin stays off until the next pinyin word.
        this.#state = 'idle';
      },
    );
  }

  /** Makes the keys of rows just put in the grid (a page of the first read), once pinyin is on. */
  add(rows: readonly SheetRow[]): void {
    if (this.#make === null || this.#state === 'idle') return;
    this.#queue.push(rows);
    if (this.#state === 'ready') this.#run();
  }

  /** The row's keys; undefined while its key is still to be made. */
  keysOf(row: SheetRow): string | undefined {
    let keys = this.#keys.get(row);
    if (keys === undefined && this.#state === 'ready' && this.#make) {
      keys = this.#make(this.textOf(row));
      this.#keys.set(row, keys);
    }
    return keys;
  }

  /** Forgets every key (the rows' texts changed) and makes them again if they were made. */
  clear(): void {
    this.#keys = new WeakMap();
    if (this.#state === 'building' || this.#state === 'ready') this.#restart();
  }

  stop(): void {
    this.#generation += 1;
    this.#queue = [];
    if (this.#state !== 'ready') this.#state = 'idle';
  }

  /** Makes the keys of every row of the grid, from the start. */
  #restart(): void {
    this.#queue = [this.rows()];
    this.#next = 0;
    this.#run();
  }

  #run(): void {
    const make = this.#make;
    if (!make) return;
    this.#state = 'building';
    const generation = ++this.#generation;
    let noticed = performance.now();
    const step = () => {
      if (generation !== this.#generation) return;
      const until = performance.now() + SLICE_MS;
      while (this.#queue.length > 0 && performance.now() < until) {
        const rows = this.#queue[0] as readonly SheetRow[];
        if (this.#next >= rows.length) {
          this.#queue.shift();
          this.#next = 0;
          continue;
        }
        const row = rows[this.#next] as SheetRow;
        this.#next += 1;
        if (!this.#keys.has(row)) this.#keys.set(row, make(this.textOf(row)));
      }
      if (this.#queue.length > 0) {
        if (performance.now() - noticed > NOTICE_MS) {
          noticed = performance.now();
          this.onKeys();
        }
        setTimeout(step, 0);
        return;
      }
      this.#state = 'ready';
      this.onKeys();
    };
    setTimeout(step, 0);
  }
}
