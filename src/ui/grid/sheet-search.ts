/**
 * The search box of a sheet, fast at 100 000 rows.
 *
 * AG Grid's quick filter builds each row's text on the first search, through every column's value
 * getter: seconds at 100 000 rows, all in one main-thread task, while the owner waits. Here each row's
 * text is built ahead, `SLICE` rows per task (so the page stays responsive), each page of rows read in
 * tasks after the one that put it in the grid, and kept per row object: a changed row arrives as a new
 * object and gets its text on first use. A search then only compares strings. The rule is the quick
 * filter's: every word typed must appear in the row's text, case-insensitively, or, for a word of
 * Latin letters, in the pinyin of its Chinese text ("sz" and "shenzhen" find 深圳; see pinyin-index.ts).
 */
import { isPinyinWord, matchesPinyin } from '../../domain/text/pinyin-search';
import type { SheetRow } from './column-defs';
import { PinyinIndex } from './pinyin-index';

/** Rows whose text is built per task while preparing. */
export const SLICE = 2_000;

const norm = (text: string) => text.toLowerCase();

export class SheetSearch {
  #texts = new WeakMap<object, string>();
  #words: string[] = [];
  #text = '';
  /** Rows whose text is still to be built, in order. */
  #queue: { rows: readonly SheetRow[]; next: number }[] = [];
  #running = false;
  readonly #pinyin: PinyinIndex;

  /**
   * `rows` gives every row of the sheet (for their pinyin keys); `onPinyin` is called when more pinyin
   * keys are made, for the grid to filter again.
   */
  constructor(
    readonly textOf: (row: SheetRow) => string,
    pinyin: { rows: () => readonly SheetRow[]; onPinyin: () => void } = {
      rows: () => [],
      onPinyin: () => undefined,
    },
  ) {
    this.#pinyin = new PinyinIndex(pinyin.rows, (row) => this.#rowText(row), pinyin.onPinyin);
  }

  /** The text typed, as given. */
  get text(): string {
    return this.#text;
  }

  get active(): boolean {
    return this.#words.length > 0;
  }

  set(text: string): void {
    this.#text = text;
    this.#words = norm(text).split(/\s+/).filter(Boolean);
    if (this.#words.some(isPinyinWord)) this.#pinyin.start();
  }

  passes(row: SheetRow): boolean {
    const text = this.#rowText(row);
    return this.#words.every(
      (word) => text.includes(word) || matchesPinyin(this.#pinyin.keysOf(row) ?? '', word),
    );
  }

  /** Forgets every row's text (the names of linked rows changed). */
  clear(): void {
    this.#texts = new WeakMap();
    this.#pinyin.clear();
  }

  /**
   * Builds the text of `rows` ahead, `SLICE` rows per task, after the rows queued before: the pages of
   * a read, each in tasks of its own after the one that put it in the grid.
   */
  prepareLater(rows: readonly SheetRow[]): void {
    this.#pinyin.add(rows);
    this.#queue.push({ rows, next: 0 });
    this.#run();
  }

  /** Builds the text of `rows` ahead, `SLICE` rows per task, instead of whatever was queued. */
  prepare(rows: readonly SheetRow[]): void {
    this.#pinyin.add(rows);
    this.#queue = [{ rows, next: 0 }];
    this.#run();
  }

  stop(): void {
    this.#queue = [];
    this.#pinyin.stop();
  }

  #run(): void {
    if (this.#running) return;
    this.#running = true;
    const step = () => {
      let budget = SLICE;
      while (budget > 0 && this.#queue.length > 0) {
        const job = this.#queue[0] as { rows: readonly SheetRow[]; next: number };
        const end = Math.min(job.rows.length, job.next + budget);
        budget -= end - job.next;
        for (; job.next < end; job.next += 1) this.#rowText(job.rows[job.next] as SheetRow);
        if (job.next >= job.rows.length) this.#queue.shift();
      }
      if (this.#queue.length > 0) setTimeout(step, 0);
      else this.#running = false;
    };
    setTimeout(step, 0);
  }

  #rowText(row: SheetRow): string {
    let text = this.#texts.get(row);
    if (text === undefined) {
      text = norm(this.textOf(row));
      this.#texts.set(row, text);
    }
    return text;
  }
}
