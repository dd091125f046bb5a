/**
 * The search box of a sheet, fast at 100 000 rows.
 *
 * AG Grid's quick filter builds each row's text on the first search, through every column's value
 * getter: seconds at 100 000 rows, all in one main-thread task, while the owner waits. Here each row's
 * text is built ahead, page by page while the table is read (sheet-data.ts: the database reads the next
 * page meanwhile) or `SLICE` rows per task (so the page stays responsive), and kept per row object: a changed row arrives as a new object and gets its text on first use. A search
 * then only compares strings. The rule is the quick filter's: every word typed must appear in the row's
 * text, case-insensitively.
 */
import type { SheetRow } from './column-defs';

/** Rows whose text is built per task while preparing. */
export const SLICE = 2_000;

const norm = (text: string) => text.toLowerCase();

export class SheetSearch {
  #texts = new WeakMap<object, string>();
  #words: string[] = [];
  #text = '';
  #generation = 0;

  constructor(readonly textOf: (row: SheetRow) => string) {}

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
  }

  passes(row: SheetRow): boolean {
    const text = this.#rowText(row);
    return this.#words.every((word) => text.includes(word));
  }

  /** Forgets every row's text (the names of linked rows changed). */
  clear(): void {
    this.#texts = new WeakMap();
  }

  /** Builds the text of `rows` now (a page of rows just read, while the next one is being read). */
  prepareNow(rows: readonly SheetRow[]): void {
    for (const row of rows) this.#rowText(row);
  }

  /** Builds the text of `rows` ahead, one slice per task; a later call or `stop` ends an earlier one. */
  prepare(rows: readonly SheetRow[]): void {
    const generation = ++this.#generation;
    let next = 0;
    const step = () => {
      if (generation !== this.#generation) return;
      const end = Math.min(rows.length, next + SLICE);
      for (; next < end; next += 1) this.#rowText(rows[next] as SheetRow);
      if (next < rows.length) setTimeout(step, 0);
    };
    setTimeout(step, 0);
  }

  stop(): void {
    this.#generation += 1;
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
