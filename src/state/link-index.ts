/**
 * Names and codes of the rows a link column points at (customers for deals and interactions, product
 * lines for deals): shows a stored id as its name, resolves typed or pasted text back to an id, and
 * offers completions while typing. A code wins over a name; a name two rows share is ambiguous.
 * A link never shows a raw id (issue 24): a target in the trash shows as "Acme (in trash)", one that no
 * longer exists as "(missing)". Trashed targets are known by id only: typing their name links nothing.
 */
import type { LinkMatch } from '../domain/cell-values';
import { i18n } from '../i18n/i18n.svelte';

export interface LinkTarget {
  id: string;
  code: string;
  name: string;
  /** In the trash: shown as such, never offered or resolved from typed text. */
  trashed?: boolean;
}

/** A stored customer or product line as a link target: the one mapping every link column uses. */
export function linkTarget(row: {
  id: string;
  code: string;
  name: string;
  deletedAt: number | null;
}): LinkTarget {
  return { id: row.id, code: row.code, name: row.name, trashed: row.deletedAt !== null };
}

const norm = (text: string) => text.normalize('NFKC').trim().toLowerCase();

export class LinkIndex {
  readonly #byId = new Map<string, LinkTarget>();
  readonly #byCode = new Map<string, string>();
  readonly #byName = new Map<string, string | null>();
  readonly #all: LinkTarget[];

  /** `loaded` false: the targets are still being read, so an unknown id is not known to be missing. */
  constructor(
    targets: readonly LinkTarget[],
    readonly loaded = true,
  ) {
    this.#all = targets.filter((t) => t.trashed !== true);
    for (const t of targets) this.#byId.set(t.id, t);
    for (const t of this.#all) {
      if (t.code) this.#byCode.set(norm(t.code), t.id);
      const name = norm(t.name);
      this.#byName.set(name, this.#byName.has(name) ? null : t.id);
    }
  }

  get size(): number {
    return this.#all.length;
  }

  /** The name shown for a stored id: '' for none, marked when in the trash or gone, never the id. */
  nameOf(id: string): string {
    if (!id) return '';
    const target = this.#byId.get(id);
    if (!target) return this.loaded ? i18n.t('grid.linkMissing') : '';
    return target.trashed === true ? i18n.t('grid.linkInTrash', { name: target.name }) : target.name;
  }

  get(id: string): LinkTarget | undefined {
    return this.#byId.get(id);
  }

  /** "C0001 · Acme" — what completions show, and what `resolve` reads back. */
  static label(t: LinkTarget): string {
    return t.code ? `${t.code} · ${t.name}` : t.name;
  }

  resolve = (text: string): LinkMatch => {
    const key = norm(text);
    if (this.#byId.has(text.trim()) && this.#byId.get(text.trim())?.trashed !== true) {
      return { id: text.trim() };
    }
    const byCode = this.#byCode.get(key);
    if (byCode) return { id: byCode };
    if (this.#byName.has(key)) {
      const id = this.#byName.get(key);
      return id ? { id } : 'ambiguous';
    }
    const labelled = /^(.+?)\s*·\s*(.+)$/.exec(text.trim());
    if (labelled) {
      const id = this.#byCode.get(norm(labelled[1] ?? ''));
      if (id) return { id };
    }
    return 'none';
  };

  /** Up to `limit` targets whose code or name contains the text, codes starting with it first. */
  complete(text: string, limit = 8): LinkTarget[] {
    const key = norm(text);
    if (key === '') return this.#all.slice(0, limit);
    const starts: LinkTarget[] = [];
    const contains: LinkTarget[] = [];
    for (const t of this.#all) {
      const code = norm(t.code);
      const name = norm(t.name);
      if (code.startsWith(key) || name.startsWith(key)) starts.push(t);
      else if (code.includes(key) || name.includes(key)) contains.push(t);
      if (starts.length >= limit) break;
    }
    return [...starts, ...contains].slice(0, limit);
  }
}

export const EMPTY_LINKS = new LinkIndex([], false);
